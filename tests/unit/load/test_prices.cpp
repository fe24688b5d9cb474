// The price file loader (rules/catalog/PRICES.md): a valid file read whole, the
// look-up order, and every rule with the exact message users see.
#include <catch2/catch.hpp>

#include <edgeplan/file_system.hpp>
#include <edgeplan/json_digest.hpp>
#include <edgeplan/prices_loader.hpp>

#include "support.hpp"

namespace edgeplan {
namespace {

// A valid file with one entry per product; tests change one thing in it.
Json valid_prices() {
  return Json::parse(R"({
    "apiVersion": "edgeplan/v1",
    "kind": "Prices",
    "metadata": {"name": "unit", "example": true, "description": "unit-test figures"},
    "currency": "USD",
    "effective_date": "2026-11-01",
    "source": "unit test",
    "prices": [
      {"product": "instance", "location": "us-west-2-lax-1", "item": "m5.2xlarge", "term": "on-demand", "price": 0.48, "unit": "hour", "source": "quote 1"},
      {"product": "ebs", "location": "us-west-2-lax-1", "item": "gp2", "price": 0.12, "unit": "GB-month"},
      {"product": "s3", "location": "us-west-2", "item": "standard", "price": 0.023, "unit": "GB-month"},
      {"product": "data-transfer-out", "location": "us-west-2", "item": "internet", "price": 0.09, "unit": "GB"},
      {"product": "outposts", "location": "*", "item": "rack-gen2-single", "term": "3yr", "payment_option": "partial-upfront", "upfront": 150000, "price": 4200, "unit": "rack"},
      {"product": "support", "item": "enterprise", "minimum_monthly": 15000, "tiers": [{"up_to": 150000, "percent": 10}, {"up_to": 500000, "percent": 7}, {"up_to": 1000000, "percent": 5}, {"percent": 3}]},
      {"product": "power", "item": "plant-1", "price": 0.15, "unit": "kWh", "pue": 1.5},
      {"product": "space", "item": "*", "price": 300, "unit": "rack-month"}
    ]
  })");
}

Prices parse(const Json& value) { return parse_prices(JsonDocument::parse("prices.json", value.dump(2))); }

// Every error of the file, each "POINTER: MESSAGE"; {} when it loads.
std::vector<std::string> errors_of(const Json& value) {
  try {
    (void)parse(value);
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.pointer + ": " + d.message);
    return out;
  }
  return {};
}

// The one error of the file with `change` applied.
std::string error_with(const std::function<void(Json&)>& change) {
  Json value = valid_prices();
  change(value);
  const auto errors = errors_of(value);
  INFO(value.dump(2));
  REQUIRE(errors.size() == 1);
  return errors.front();
}

Json entry(const std::string& text) { return Json::parse(text); }

}  // namespace

TEST_CASE("prices: a valid file is read whole", "[prices]") {
  const Prices prices = parse(valid_prices());
  CHECK(prices.currency == "USD");
  CHECK(prices.effective_date == "2026-11-01");
  CHECK(prices.name == "unit");
  CHECK(prices.example);
  CHECK(prices.file == "prices.json");
  CHECK(prices.digest == json_digest(valid_prices()));
  REQUIRE(prices.entries.size() == 8);
  const PriceEntry& instance = prices.entries[0];
  CHECK(instance.product == PriceProduct::instance);
  CHECK(instance.location == "us-west-2-lax-1");
  CHECK(instance.price == 0.48);
  CHECK(instance.source == "quote 1");
  CHECK(instance.pointer == "/prices/0");
  CHECK(prices.entries[1].source == "unit test");  // the file's source
  const PriceEntry& outposts = prices.entries[4];
  CHECK(outposts.term == "3yr");
  CHECK(outposts.payment_option == "partial-upfront");
  CHECK(outposts.upfront == 150000);
  const PriceEntry& support = prices.entries[5];
  CHECK(support.minimum_monthly == 15000);
  REQUIRE(support.tiers.size() == 4);
  CHECK(support.tiers[0].up_to == 150000);
  CHECK(support.tiers[3].percent == 3);
  CHECK_FALSE(support.tiers[3].up_to);
  CHECK(support.unit.empty());
  CHECK(prices.entries[6].pue == 1.5);
  CHECK(prices.entries[6].location == "*");
}

TEST_CASE("prices: the digest is of the value: reformatting or YAML is no change", "[prices]") {
  MemoryFileSystem fs;
  fs.add("a.json", valid_prices().dump());
  fs.add("b.json", valid_prices().dump(4));
  fs.add("c.yaml", "apiVersion: edgeplan/v1\nkind: Prices\ncurrency: USD\neffective_date: '2026-11-01'\nsource: s\n"
                   "prices:\n  - {product: ebs, location: us-west-2, item: gp3, price: 0.08}\n");
  CHECK(load_prices("a.json", fs).digest == load_prices("b.json", fs).digest);
  const Prices yaml = load_prices("c.yaml", fs);
  CHECK(yaml.entries.at(0).unit == "GB-month");  // the expected unit when left out
  CHECK(yaml.file == "c.yaml");
}

TEST_CASE("prices: product names round trip", "[prices]") {
  for (auto p : {PriceProduct::instance, PriceProduct::ebs, PriceProduct::s3, PriceProduct::data_transfer_out, PriceProduct::outposts,
                 PriceProduct::support, PriceProduct::power, PriceProduct::space})
    CHECK(price_product_from_string(to_string(p)) == p);
  CHECK(std::string(to_string(PriceProduct::data_transfer_out)) == "data-transfer-out");
  CHECK_FALSE(price_product_from_string("data_transfer_out"));
}

TEST_CASE("prices: find takes the most specific location the caller allows", "[prices]") {
  Json value = valid_prices();
  value["prices"] = Json::array();
  for (const auto& [location, price] : std::vector<std::pair<std::string, double>>{{"us-west-2", 0.384}, {"us-west-2-lax-1", 0.48}, {"us-west-2-lax-1a", 0.5}})
    value["prices"].push_back({{"product", "instance"}, {"location", location}, {"item", "m5.2xlarge"}, {"price", price}});
  value["prices"].push_back({{"product", "instance"}, {"location", "us-west-2"}, {"item", "m5.2xlarge"}, {"term", "reserved-1yr"}, {"price", 0.24}});
  value["prices"].push_back({{"product", "outposts"}, {"location", "*"}, {"item", "rack-gen2-single"}, {"term", "3yr"}, {"payment_option", "no-upfront"}, {"price", 7000}});
  value["prices"].push_back({{"product", "power"}, {"item", "*"}, {"price", 0.15}});
  value["prices"].push_back({{"product", "power"}, {"item", "plant-1"}, {"price", 0.2}});
  const Prices prices = parse(value);

  SECTION("site id before zone group") {
    const PriceEntry* e = prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2-lax-1a", "us-west-2-lax-1"});
    REQUIRE(e != nullptr);
    CHECK(e->price == 0.5);
    CHECK(prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2-lax-1b", "us-west-2-lax-1"})->price == 0.48);
  }
  SECTION("a Region's price is not found for a Local Zone: the caller passes only the site id and zone group") {
    CHECK(prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2-lax-1b", "us-west-2-lax-2"}) == nullptr);
    CHECK(prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2"})->price == 0.384);
  }
  SECTION("the term must match exactly") {
    CHECK(prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2"}, "reserved-1yr")->price == 0.24);
    CHECK(prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2"}, "reserved-3yr") == nullptr);
  }
  SECTION("an entry at \"*\" only when \"*\" is asked for") {
    CHECK(prices.find(PriceProduct::outposts, "rack-gen2-single", {"us-west-2"}, "3yr") == nullptr);
    CHECK(prices.find(PriceProduct::outposts, "rack-gen2-single", {"us-west-2", "*"}, "3yr")->price == 7000);
  }
  SECTION("power: the facility's own price before any facility's") {
    CHECK(prices.find(PriceProduct::power, "plant-1", {"*"})->price == 0.2);
    CHECK(prices.find(PriceProduct::power, "plant-2", {"*"})->price == 0.15);
  }
  SECTION("find_all: every term at the most specific location that has any") {
    CHECK(prices.find_all(PriceProduct::instance, "m5.2xlarge", {"us-west-2"}).size() == 2);
    CHECK(prices.find_all(PriceProduct::instance, "m5.2xlarge", {"us-west-2-lax-1", "us-west-2"}).size() == 1);
    CHECK(prices.find_all(PriceProduct::instance, "m6i.2xlarge", {"us-west-2"}).empty());
  }
}

TEST_CASE("prices: the example fixture loads and covers what it says", "[prices]") {
  RealFileSystem fs;
  const Prices prices = load_prices(test::source_path("tests/data/prices/example-prices.json"), fs);
  CHECK(prices.example);
  for (const char* location : {"us-west-2-lax-1", "us-west-2", "us-east-1-nyc-1", "us-east-1"})
    for (const char* type : {"m5.2xlarge", "m5.xlarge", "m5.4xlarge", "c5.2xlarge", "c5.xlarge", "r5.2xlarge", "g4dn.2xlarge"})
      CHECK(prices.find(PriceProduct::instance, type, {location}) != nullptr);
  for (const char* form : {"rack-gen1", "rack-gen2-multi", "rack-gen2-single", "server-1u", "server-2u"})
    for (const char* term : {"1yr", "3yr", "5yr"}) {
      const auto all = prices.find_all(PriceProduct::outposts, form, {"*"});
      std::map<std::string, const PriceEntry*> by_option;
      for (const auto* e : all)
        if (e->term == term) by_option[e->payment_option] = e;
      REQUIRE(by_option.size() == 3);
      CHECK(by_option["all-upfront"]->price == 0);
      CHECK(by_option["no-upfront"]->price > by_option["partial-upfront"]->price);
      CHECK(by_option["no-upfront"]->unit == (std::string(form).rfind("server", 0) == 0 ? "server" : "rack"));
    }
  CHECK(prices.find(PriceProduct::support, "enterprise", {"*"})->source == "https://aws.amazon.com/premiumsupport/pricing/");
  CHECK(prices.find(PriceProduct::power, "any-plant", {"*"}) != nullptr);
}

TEST_CASE("prices: the header's rules", "[prices]") {
  CHECK(error_with([](Json& v) { v["kind"] = "Catalog"; }) == "/kind: expected \"Prices\", got \"Catalog\"");
  CHECK(error_with([](Json& v) { v["apiVersion"] = "edgeplan/v2"; }) == "/apiVersion: expected \"edgeplan/v1\", got \"edgeplan/v2\"");
  CHECK(error_with([](Json& v) { v.erase("currency"); }) == ": missing required field \"currency\"");
  CHECK(error_with([](Json& v) { v["currency"] = "usd"; }) ==
        "/currency: expected a currency code of 3 upper-case letters (ISO 4217) such as \"USD\", got \"usd\"");
  CHECK(error_with([](Json& v) { v.erase("effective_date"); }) == ": missing required field \"effective_date\"");
  CHECK(error_with([](Json& v) { v["effective_date"] = "2026-02-29"; }) ==
        "/effective_date: expected a calendar date YYYY-MM-DD such as \"2026-11-01\", got \"2026-02-29\"");
  CHECK(error_with([](Json& v) { v["effective_date"] = "1 Nov 2026"; }) ==
        "/effective_date: expected a calendar date YYYY-MM-DD such as \"2026-11-01\", got \"1 Nov 2026\"");
  CHECK(errors_of([] { Json v = valid_prices(); v["effective_date"] = "2028-02-29"; return v; }()).empty());  // a leap year
  CHECK(error_with([](Json& v) { v["prices"] = Json::array(); }) == "/prices: expected at least one price, got an empty array");
  CHECK(error_with([](Json& v) { v.erase("prices"); }) == ": missing required field \"prices\"");
  CHECK(error_with([](Json& v) { v["price"] = 1; }) == "/price: unknown member \"price\"");
}

TEST_CASE("prices: each entry's rules", "[prices]") {
  const auto replace = [](std::size_t k, const std::string& text) { return [k, text](Json& v) { v["prices"][k] = entry(text); }; };
  const auto set = [](std::size_t k, const std::string& key, Json value) { return [k, key, value](Json& v) { v["prices"][k][key] = value; }; };
  const auto drop = [](std::size_t k, const std::string& key) { return [k, key](Json& v) { v["prices"][k].erase(key); }; };

  CHECK(error_with(set(0, "product", "ec2")) ==
        "/prices/0/product: expected one of \"instance\", \"ebs\", \"s3\", \"data-transfer-out\", \"outposts\", \"support\", \"power\", \"space\", got \"ec2\"");
  CHECK(error_with(set(0, "unit", "hours")) == "/prices/0/unit: expected unit \"hour\" for instance prices, got \"hours\"");
  CHECK(error_with(set(1, "unit", "GB")) == "/prices/1/unit: expected unit \"GB-month\" for ebs prices, got \"GB\"");
  CHECK(error_with(set(4, "unit", "month")) == "/prices/4/unit: expected unit \"rack\" or \"server\" for outposts prices, got \"month\"");
  CHECK(error_with(set(5, "unit", "month")) == "/prices/5/unit: \"unit\" does not apply to a support price (only to instance, ebs, s3, data-transfer-out, outposts, power, space)");
  CHECK(error_with(drop(0, "price")) == "/prices/0: missing required field \"price\"");
  CHECK(error_with(set(0, "price", -0.5)) == "/prices/0/price: a price cannot be negative, got -0.5");
  CHECK(error_with(set(0, "price", "0.48")) == "/prices/0/price: expected number, got string \"0.48\"");
  CHECK(error_with(set(4, "upfront", -1)) == "/prices/4/upfront: a price cannot be negative, got -1");
  CHECK(error_with(set(0, "term", "spot")) ==
        "/prices/0/term: expected an instance term (\"on-demand\", \"savings-plan-1yr\", \"savings-plan-3yr\", \"reserved-1yr\", \"reserved-3yr\"), got \"spot\"");
  CHECK(error_with(set(4, "term", "2yr")) == "/prices/4/term: expected an Outposts term (\"1yr\", \"3yr\", \"5yr\"), got \"2yr\"");
  CHECK(error_with(drop(4, "term")) == "/prices/4: missing required field \"term\"");
  CHECK(error_with(drop(4, "payment_option")) == "/prices/4: missing required field \"payment_option\"");
  CHECK(error_with(set(4, "payment_option", "light-utilization")) ==
        "/prices/4/payment_option: expected a payment option (\"all-upfront\", \"partial-upfront\", \"no-upfront\"), got \"light-utilization\"");
  CHECK(error_with(replace(5, R"({"product": "support", "item": "enterprise"})")) ==
        "/prices/5: a support price needs \"minimum_monthly\", \"tiers\" or both");
  CHECK(error_with(set(5, "minimum_monthly", -1)) == "/prices/5/minimum_monthly: a price cannot be negative, got -1");
  CHECK(error_with(set(5, "tiers", Json::parse(R"([{"up_to": 150000, "percent": 110}])"))) ==
        "/prices/5/tiers/0/percent: expected a percentage from 0 to 100, got 110");
  CHECK(error_with(set(5, "tiers", Json::parse(R"([{"up_to": 500000, "percent": 10}, {"up_to": 150000, "percent": 7}])"))) ==
        "/prices/5/tiers/1/up_to: expected tiers in ascending order of up_to: 150000 follows 500000");
  CHECK(error_with(set(5, "tiers", Json::parse(R"([{"percent": 10}, {"up_to": 150000, "percent": 7}])"))) ==
        "/prices/5/tiers/0: missing \"up_to\": only the last tier may leave it out (it covers the rest)");
  CHECK(error_with(set(5, "price", 100)) == "/prices/5/price: \"price\" does not apply to a support price (only to instance, ebs, s3, data-transfer-out, outposts, power, space)");
  CHECK(error_with(set(6, "pue", 0.9)) == "/prices/6/pue: expected a power usage effectiveness from 1.0 to 3.0, got 0.9");
  CHECK(error_with(set(0, "pue", 1.5)) == "/prices/0/pue: \"pue\" does not apply to a instance price (only to power)");
  CHECK(error_with(set(6, "location", "us-west-2")) ==
        "/prices/6/location: expected \"*\" or no location: a power price is not tied to an AWS location (the item names what it is for), got \"us-west-2\"");
  CHECK(error_with(drop(0, "location")) == "/prices/0: missing required field \"location\"");
  CHECK(error_with(drop(1, "item")) == "/prices/1: missing required field \"item\"");
  CHECK(error_with(set(0, "item", "*")) == "/prices/0/item: expected a specific item for a instance price: \"*\" (any facility) is for power and space only");
  CHECK(error_with(set(0, "currency", "EUR")) == "/prices/0/currency: mixed currencies: the file is in USD, this entry in EUR");
  CHECK(errors_of([] { Json v = valid_prices(); v["prices"][0]["currency"] = "USD"; return v; }()).empty());
  CHECK(error_with(set(0, "pirce", 0.48)) == "/prices/0/pirce: unknown member \"pirce\"");
  CHECK(error_with([](Json& v) { v.erase("source"); v["prices"] = Json::array({v["prices"][0], v["prices"][1]}); }) ==
        "/prices/1: say where this price comes from: give the entry a \"source\" (a URL, a quote number), or the file a top-level \"source\"");
  CHECK(error_with([](Json& v) { v["prices"].push_back(v["prices"][0]); }) ==
        "/prices/8: duplicate price: instance m5.2xlarge at us-west-2-lax-1, term on-demand is priced at /prices/0 already");
  CHECK(errors_of([] { Json v = valid_prices(); Json e = v["prices"][4]; e["payment_option"] = "no-upfront"; v["prices"].push_back(e); return v; }()).empty());
}

TEST_CASE("prices: errors are located and all reported in one run", "[prices]") {
  const std::string text = R"({
  "apiVersion": "edgeplan/v1",
  "kind": "Prices",
  "currency": "USD",
  "effective_date": "2026-11-01",
  "source": "unit test",
  "prices": [
    {"product": "instance", "location": "us-west-2", "item": "m5.2xlarge", "price": -0.5},
    {"product": "ebs", "location": "us-west-2", "item": "gp2", "price": 0.1, "currency": "EUR"},
    {"product": "instance", "location": "us-west-2", "item": "m5.2xlarge", "price": 0.384}
  ]
})";
  try {
    (void)parse_prices(JsonDocument::parse("prices.json", text));
    FAIL("no error");
  } catch (const InputError& e) {
    std::vector<std::string> got;
    for (const auto& d : e.diagnostics()) got.push_back(located_message(d));
    CHECK(got == std::vector<std::string>{
                     "prices.json:8:85 (/prices/0/price): a price cannot be negative, got -0.5",
                     "prices.json:9:90 (/prices/1/currency): mixed currencies: the file is in USD, this entry in EUR",
                     "prices.json:10:5 (/prices/2): duplicate price: instance m5.2xlarge at us-west-2, term on-demand is priced at /prices/0 already"});
    CHECK(e.diagnostics()[1].hint == "one file holds one currency: convert the figure, or put it in a file of its own");
  }
  CHECK_THROWS_AS(parse_prices(JsonDocument::parse("p.json", "[]")), InputError);
}

TEST_CASE("prices: hostile files are input errors, never crashes", "[prices][hostile]") {
  RealFileSystem fs;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"prices-nan-price.yaml", "(/prices/0/price): expected number, got string \".nan\""},
      {"prices-huge-tiers.json", "(/prices/0/tiers/2/up_to): expected tiers in ascending order of up_to"},
      {"prices-not-an-object.json", "(/prices/0): expected an object (one price), got string \"instance\""},
      {"prices-escape-in-product.json", "(/prices/0/product): expected one of"},
  };
  for (const auto& [file, expected] : cases) {
    INFO(file);
    try {
      (void)load_prices(test::source_path("tests/data/hostile/" + file), fs);
      FAIL("no error");
    } catch (const InputError& e) {
      bool found = false;
      for (const auto& d : e.diagnostics()) found |= test::contains(format_diagnostic(d), expected);
      for (const auto& d : e.diagnostics()) UNSCOPED_INFO(format_diagnostic(d));
      CHECK(found);
      for (const auto& d : e.diagnostics()) CHECK(format_diagnostic(d).find('\x1b') == std::string::npos);
    }
  }
}

}  // namespace edgeplan
