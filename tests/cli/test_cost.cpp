// End-to-end: cost on the real binary — `edgeplan cost`, `recommend --prices`,
// `check --max-monthly-cost`, `batch --prices` — and bad price files.
// The prices are EXAMPLE figures (examples/cost-los-angeles/example-prices.json),
// so the arithmetic is checked by hand here, not against AWS.
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

using nlohmann::json;
using edgeplan::test::run_edgeplan;
using edgeplan::test::scratch_dir;

const std::string kSpec = "examples/cost-los-angeles/workload.json";
const std::string kPrices = "examples/cost-los-angeles/example-prices.json";

json run_json(const std::string& args, int expected_exit) {
  auto r = run_edgeplan(args + " --format json");
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == expected_exit);
  return json::parse(r.out);
}

const json* ranked(const json& report, const std::string& id) {
  for (const auto& r : report["recommendations"])
    if (r["option"]["id"] == id) return &r;
  return nullptr;
}

std::string write_file(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = (scratch_dir(dir) / name).string();
  std::ofstream(path) << text;
  return path;
}

}  // namespace

// AWS's decision guide: a Local Zone needs no on-premises investment, an Outpost a
// term commitment, the support plan it requires and the customer's facility. With
// both eligible, the Local Zone must come out cheaper and stay first, and the
// rationale must say by how much.
TEST_CASE("cost: the Los Angeles Local Zone costs a fraction of an Outpost over the same 36 months", "[cost-cli][example:cost-los-angeles]") {
  const json report = run_json("recommend " + kSpec + " --prices " + kPrices, 0);
  const json& winner = report["recommendations"][0];
  CHECK(winner["option"]["id"] == "us-west-2-lax-1a");
  REQUIRE(winner.contains("cost"));
  const json& lz = winner["cost"];
  CHECK(lz["known"] == true);
  CHECK(lz["months"] == 36);  // horizon_years 3
  // 64 vCPU / 256 GiB on the cheapest priced fit, m5.2xlarge (8 vCPU, 32 GiB) at 0.464 $/h in us-west-2-lax-1:
  // 8 now; growth 1.15^3 = 1.520875 → 97.3 vCPU / 389.3 GiB → 13 at the horizon.
  // (8 × 0.464 × 730 + 13 × 0.464 × 730) / 2 × 36 = (2,709.76 + 4,403.36) / 2 × 36 = 128,036.16
  const json& compute = lz["lines"][0];
  CHECK(compute["category"] == "compute");
  CHECK(compute["monthly_now"].get<double>() == Approx(2709.76));
  CHECK(compute["monthly_horizon"].get<double>() == Approx(4403.36));
  CHECK(compute["total"].get<double>() == Approx(128036.16));
  // EBS 20 TB × 1,024 GB × 0.12 (gp2: the only type priced there) = 2,457.60 now; 30.4175 TB → 3,737.70 at the horizon
  const json& ebs = lz["lines"][1];
  CHECK(ebs["monthly_now"].get<double>() == Approx(2457.6));
  CHECK(ebs["monthly_horizon"].get<double>() == Approx(3737.7).epsilon(1e-4));

  const json* outpost = ranked(report, "lax-dc/rack-gen2-single");
  REQUIRE(outpost);
  REQUIRE((*outpost)["cost"]["known"] == true);
  CHECK((*outpost)["cost"]["total"].get<double>() > 3 * lz["total"].get<double>());
  CHECK((*outpost)["factors"]["cost"].get<double>() < 30);
  CHECK(winner["factors"]["cost"] == 100);
  CHECK(report["weights"]["cost"] == 15);

  bool compared = false;
  for (const auto& line : report["winner_rationale"])
    if (line.get<std::string>().rfind("cost: us-west-2-lax-1a about $", 0) == 0)
      compared = line.get<std::string>().find("; lax-dc/rack-gen2-single about $") != std::string::npos &&
                 line.get<std::string>().find(" %)") != std::string::npos;
  CHECK(compared);
  CHECK(report["provenance"]["prices"]["example"] == true);
}

TEST_CASE("cost: recommend without prices is what it was: no cost factor, no cost lines", "[cost-cli]") {
  const json report = run_json("recommend " + kSpec, 0);
  CHECK_FALSE(report["weights"].contains("cost"));
  CHECK_FALSE(report["recommendations"][0].contains("cost"));
  CHECK_FALSE(report["provenance"].contains("prices"));
}

TEST_CASE("cost: edgeplan cost breaks every eligible option down, text, JSON and Markdown", "[cost-cli]") {
  const auto text = run_edgeplan("cost " + kSpec + " --prices " + kPrices);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("EXAMPLE prices, not real ones") != std::string::npos);
  CHECK(text.out.find("1. us-west-2-lax-1a (local-zone)") != std::string::npos);
  CHECK(text.out.find("Price sources\n  [1] ") != std::string::npos);

  const json j = run_json("cost " + kSpec + " --prices " + kPrices, 0);
  CHECK(j["schema_version"] == "1.0");
  CHECK(j["priced"] == true);
  REQUIRE(j["options"].size() == 5);
  CHECK(j["options"][0]["option"] == "us-west-2-lax-1a");
  // An Outpost: the term price, the support plan Outposts requires (not stated in the spec: counted), power, space.
  const json* rack = nullptr;
  for (const auto& o : j["options"])
    if (o["option"] == "lax-dc/rack-gen2-single") rack = &o;
  REQUIRE(rack);
  std::vector<std::string> categories;
  for (const auto& l : (*rack)["cost"]["lines"]) categories.push_back(l["category"]);
  CHECK(categories == std::vector<std::string>{"outposts", "storage", "support", "facility", "facility"});
  CHECK((*rack)["cost"]["term"] == "3yr all-upfront");

  const auto md = run_edgeplan("cost " + kSpec + " --prices " + kPrices + " --format markdown");
  CHECK(md.exit_code == 0);
  CHECK(md.out.rfind("# edgeplan cost: cost-los-angeles\n", 0) == 0);
  CHECK(md.out.find("\n## 1. us-west-2-lax-1a (local-zone)") != std::string::npos);
}

TEST_CASE("cost: without a price file every cost is unknown and names the price to supply", "[cost-cli]") {
  const json j = run_json("cost " + kSpec, 0);
  CHECK(j["priced"] == false);
  for (const auto& o : j["options"]) CHECK(o["cost"]["known"] == false);
  const json& lz = j["options"][0]["cost"];
  CHECK(lz["monthly"].is_null());
  CHECK(lz["missing"][0] == "an on-demand price at us-west-2-lax-1 for any instance type that runs 64 vCPU · 256 GiB");
  const auto text = run_edgeplan("cost " + kSpec);
  CHECK(text.out.find("prices: none given (--prices FILE): every cost below is unknown and lists the prices it needs") != std::string::npos);
}

// Prices for the Outposts only: every zone's cost is unknown; the Outpost is the only one known.
std::string outposts_only_prices() {
  return write_file("cost-partial", "prices.json", R"({
  "apiVersion": "edgeplan/v1", "kind": "Prices", "metadata": {"name": "outposts-only", "example": true},
  "currency": "USD", "effective_date": "2026-11-01", "source": "test figures",
  "prices": [
    {"product": "outposts", "item": "rack-gen2-single", "term": "3yr", "payment_option": "all-upfront", "upfront": 250000, "price": 0, "unit": "rack"}
  ]})");
}

TEST_CASE("cost: an unknown cost is a condition to verify, and never wins on price", "[cost-cli]") {
  const std::string prices = outposts_only_prices();
  const json report = run_json("recommend " + kSpec + " --prices " + prices, 0);
  const json& winner = report["recommendations"][0];
  CHECK(winner["option"]["id"] == "us-west-2-lax-1a");
  CHECK(winner["cost"]["known"] == false);
  bool verify = false;
  for (const auto& c : winner["conditions"])
    if (c["rule"] == "cost.unknown") verify = c["message"].get<std::string>().find("is unknown (prices missing); supply") != std::string::npos;
  CHECK(verify);
}

TEST_CASE("cost: check --max-monthly-cost gates the placement on its monthly cost", "[cost-cli][check]") {
  const auto pass = run_edgeplan("check " + kSpec + " --prices " + kPrices + " --max-monthly-cost 8000");
  INFO(pass.out << pass.err);
  CHECK(pass.exit_code == 0);
  const auto fail = run_edgeplan("check " + kSpec + " --prices " + kPrices + " --max-monthly-cost 5000");
  CHECK(fail.exit_code == 1);
  CHECK(fail.out.find("cost.max-monthly  examples/cost-los-angeles/workload.json:10:11 (/spec)\n"
                      "               us-west-2-lax-1a costs about $7,030/month over 36 months, more than --max-monthly-cost $5,000\n") != std::string::npos);
  const auto unknown = run_edgeplan("check " + kSpec + " --max-monthly-cost 5000 --prices " + outposts_only_prices());
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.out.find("cannot be shown to hold; supply") != std::string::npos);
  const auto usage = run_edgeplan("check " + kSpec + " --max-monthly-cost 5000");
  CHECK(usage.exit_code == 2);
  CHECK(usage.err == "edgeplan: error: --max-monthly-cost needs prices: add --prices FILE\n");
}

TEST_CASE("cost: batch totals the monthly cost of the recommendations by placement kind", "[cost-cli][batch]") {
  const auto md = run_edgeplan("batch " + kSpec + " examples/lz-and-outposts-both-fit/workload.json examples/erp-onprem-database/workload.json --prices " +
                               kPrices + " --format markdown");
  INFO(md.err);
  CHECK(md.exit_code == 0);
  CHECK(md.out.find("Monthly cost of the recommended placements by kind (--prices)") != std::string::npos);
  const auto jsonl = run_edgeplan("batch " + kSpec + " --prices " + kPrices);
  const json record = json::parse(jsonl.out);
  CHECK(record["top"]["cost"]["monthly"].get<double>() == Approx(7029.53).margin(0.01));
  CHECK(record["top"]["cost"]["currency"] == "USD");
  // Same output whatever the thread count.
  CHECK(run_edgeplan("batch examples/portfolio --prices " + kPrices + " --format markdown --jobs 1").out ==
        run_edgeplan("batch examples/portfolio --prices " + kPrices + " --format markdown --jobs 2").out);
}

TEST_CASE("cost: a spec that weighs cost without prices is told why nothing is scored", "[cost-cli]") {
  const auto r = run_edgeplan("recommend " + kSpec + " --weights cost=30");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("edgeplan: warning: --weights sets a cost weight, but no prices were given: cost is not scored\n"
                   "  hint: pass a price file with --prices FILE") != std::string::npos);
}

TEST_CASE("cost: a bad price file stops with its location, exit 3, and writes nothing", "[cost-cli][hostile]") {
  const std::string dir = scratch_dir("cost-bad").string();
  const std::string bad = write_file("cost-bad-file", "prices.json", R"({
  "apiVersion": "edgeplan/v1", "kind": "Prices", "metadata": {"name": "bad"},
  "currency": "USD", "effective_date": "2026-11-01", "source": "test",
  "prices": [
    {"product": "instance", "location": "us-west-2", "item": "m5.2xlarge", "price": -0.5, "unit": "hour"},
    {"product": "ebs", "location": "us-west-2", "item": "gp3", "price": 0.08, "unit": "GB-month", "currency": "EUR"}
  ]})");
  const std::string out = dir + "/out.json";
  const auto r = run_edgeplan("cost " + kSpec + " --prices " + bad + " -o " + out);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("prices.json:5:") != std::string::npos);
  CHECK(r.err.find("(/prices/0/price): a price cannot be negative, got -0.5") != std::string::npos);
  CHECK(r.err.find("mixed currencies: the file is in USD, this entry in EUR") != std::string::npos);
  CHECK(r.out.empty());
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("cost: diff names a changed price file as the cause, in reports and in batch records", "[cost-cli][diff]") {
  const std::string dir = scratch_dir("cost-diff").string();
  run_edgeplan("recommend " + kSpec + " --format json -o " + dir + "/before.json");
  run_edgeplan("recommend " + kSpec + " --prices " + kPrices + " --format json -o " + dir + "/after.json");
  const auto reports = run_edgeplan("diff " + dir + "/before.json " + dir + "/after.json");
  INFO(reports.out << reports.err);
  CHECK(reports.exit_code == 0);
  CHECK(reports.out.find("(the prices differ)") != std::string::npos);
  CHECK(reports.out.find("factor weights differ (cost - → 15); the price file (--prices) decides whether cost is a factor") != std::string::npos);
  CHECK(reports.out.find("edgeplan catalog diff") == std::string::npos);  // the catalogs are the same: no site facts to list

  run_edgeplan("batch " + kSpec + " -o " + dir + "/before.jsonl");
  run_edgeplan("batch " + kSpec + " --prices " + kPrices + " -o " + dir + "/after.jsonl");
  const json after = json::parse(edgeplan::test::read_text(dir + "/after.jsonl"));
  CHECK(after["inputs"]["prices"].get<std::string>().rfind("sha256:", 0) == 0);
  CHECK_FALSE(json::parse(edgeplan::test::read_text(dir + "/before.jsonl"))["inputs"].contains("prices"));
}

TEST_CASE("cost: hostile price files stop at their location, exit 3, with no raw control character echoed", "[cost-cli][hostile]") {
  for (const char* file : {"prices-escape-in-product.json", "prices-huge-tiers.json", "prices-nan-price.yaml", "prices-not-an-object.json"}) {
    const std::string path = std::string("tests/data/hostile/") + file;
    const auto r = run_edgeplan("recommend " + kSpec + " --prices " + path);
    INFO(path << "\n" << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("edgeplan: error: " + path + ":", 0) == 0);
    CHECK(r.err.find('\x1b') == std::string::npos);
  }
}
