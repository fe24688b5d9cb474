// Reads a `kind: Prices` file (rules/catalog/PRICES.md). Every rule is checked
// and every problem collected before one InputError is thrown: a price file is
// typed by hand from quotes and price pages, and one run should list all of its
// mistakes.
#include <edgeplan/prices_loader.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "load/json_reader.hpp"
#include <edgeplan/json_digest.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

const std::vector<std::string> kTopMembers = {"apiVersion", "kind", "metadata", "currency", "effective_date", "source", "prices"};
const std::vector<std::string> kInstanceTerms = {"on-demand", "savings-plan-1yr", "savings-plan-3yr", "reserved-1yr", "reserved-3yr"};
const std::vector<std::string> kOutpostsTerms = {"1yr", "3yr", "5yr"};
const std::vector<std::string> kPaymentOptions = {"all-upfront", "partial-upfront", "no-upfront"};

// Which products each entry member applies to (empty: every product). A member
// that a product does not take is an error rather than ignored: "pue" on an
// instance price or "upfront" on an EBS price is a mistake in the file.
const std::map<std::string, std::set<PriceProduct>>& entry_members() {
  using P = PriceProduct;
  static const std::map<std::string, std::set<PriceProduct>> members = {
      {"product", {}}, {"location", {}}, {"item", {}}, {"source", {}}, {"currency", {}},
      {"term", {P::instance, P::outposts}},
      {"payment_option", {P::instance, P::outposts}},
      {"price", {P::instance, P::ebs, P::s3, P::data_transfer_out, P::outposts, P::power, P::space}},
      {"unit", {P::instance, P::ebs, P::s3, P::data_transfer_out, P::outposts, P::power, P::space}},
      {"upfront", {P::outposts}},
      {"minimum_monthly", {P::support}},
      {"tiers", {P::support}},
      {"pue", {P::power}},
  };
  return members;
}

std::vector<std::string> names_of(const std::map<std::string, std::set<PriceProduct>>& members) {
  std::vector<std::string> out;
  for (const auto& [name, unused] : members) out.push_back(name);
  return out;
}

std::vector<std::string> product_names() {
  std::vector<std::string> out;
  for (auto p : {PriceProduct::instance, PriceProduct::ebs, PriceProduct::s3, PriceProduct::data_transfer_out, PriceProduct::outposts,
                 PriceProduct::support, PriceProduct::power, PriceProduct::space})
    out.push_back(to_string(p));
  return out;
}

// "\"a\", \"b\", \"c\"": the values a field may take, quoted as in the file.
std::string quoted(const std::vector<std::string>& values) {
  std::vector<std::string> q;
  for (const auto& v : values) q.push_back("\"" + v + "\"");
  return util::join_list(q);
}

// Unknown members are errors with a did-you-mean: a misspelt "pirce" would
// otherwise leave the entry without its price.
void check_members(JsonReader& r, const std::string& pointer, const std::vector<std::string>& known) {
  const Json* value = r.find(pointer);
  if (!value || !value->is_object()) return;
  for (const auto& [key, unused] : value->items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      r.error(pointer + "/" + pointer_token(key), fmt::format("unknown member \"{}\"", key),
              util::did_you_mean(key, known, fmt::format("expected one of {}", quoted(known))));
}

// ---- the file's header -------------------------------------------------------

void read_header(JsonReader& r, Prices& prices) {
  r.header("Prices");
  check_members(r, "", kTopMembers);
  prices.name = r.string("/metadata/name").value_or("");
  prices.example = r.boolean("/metadata/example").value_or(false);
  (void)r.string("/metadata/description");
  if (auto currency = r.string("/currency", true)) {
    prices.currency = *currency;
    if (!util::is_currency_code(*currency))
      r.error("/currency", fmt::format("expected a currency code of 3 upper-case letters (ISO 4217) such as \"USD\", got \"{}\"", *currency));
  }
  if (auto date = r.string("/effective_date", true)) {
    prices.effective_date = *date;
    if (!util::is_calendar_date(*date))
      r.error("/effective_date", fmt::format("expected a calendar date YYYY-MM-DD such as \"2026-11-01\", got \"{}\"", *date));
  }
}

// ---- one entry ---------------------------------------------------------------

struct ProductRule {
  const char* unit;          // the unit its price is in; "" for support (no unit)
  bool needs_location;       // instance, ebs, s3, data-transfer-out: where the price applies
  bool location_is_any;      // support, power, space: "*" or nothing
};

ProductRule rule_of(PriceProduct p) {
  switch (p) {
    case PriceProduct::instance: return {"hour", true, false};
    case PriceProduct::ebs: return {"GB-month", true, false};
    case PriceProduct::s3: return {"GB-month", true, false};
    case PriceProduct::data_transfer_out: return {"GB", true, false};
    case PriceProduct::outposts: return {"rack", false, false};  // or "server": unit_of()
    case PriceProduct::support: return {"", false, true};
    case PriceProduct::power: return {"kWh", false, true};
    case PriceProduct::space: return {"rack-month", false, true};
  }
  return {"", false, false};
}

// A value from `allowed`, or an error naming them all.
std::string one_of(JsonReader& r, const std::string& pointer, const std::vector<std::string>& allowed, bool required,
                   const std::string& fallback, const std::string& what) {
  auto value = r.string(pointer, required);
  if (!value) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
    r.error(pointer, fmt::format("expected {} ({}), got \"{}\"", what, quoted(allowed), *value), util::did_you_mean(*value, allowed));
    return fallback;
  }
  return *value;
}

// A finite number >= 0 (a price or a fee), or nullopt after an error.
std::optional<double> amount(JsonReader& r, const std::string& pointer, bool required) {
  auto v = r.number(pointer, required);
  if (!v) return std::nullopt;
  if (!std::isfinite(*v)) return r.error(pointer, fmt::format("expected a finite number, got {}", describe_json(*r.find(pointer)))), std::nullopt;
  if (*v < 0) return r.error(pointer, fmt::format("a price cannot be negative, got {}", util::format_number(*v))), std::nullopt;
  return v;
}

void read_unit(JsonReader& r, const std::string& p, PriceEntry& e) {
  if (e.product == PriceProduct::support) return;  // "unit" is refused for support by entry_members()
  std::vector<std::string> expected = {rule_of(e.product).unit};
  if (e.product == PriceProduct::outposts) expected = {"rack", "server"};
  // An Outposts server is priced per server, a rack per rack: the form factor says which.
  const std::string fallback = e.product == PriceProduct::outposts && e.item.rfind("server", 0) == 0 ? "server" : expected.front();
  auto unit = r.string(p + "/unit");
  if (!unit) {
    e.unit = fallback;
    return;
  }
  e.unit = *unit;
  if (std::find(expected.begin(), expected.end(), *unit) == expected.end())
    r.error(p + "/unit", fmt::format("expected unit {} for {} prices, got \"{}\"", util::join_list([&] {
                                       std::vector<std::string> q;
                                       for (const auto& u : expected) q.push_back("\"" + u + "\"");
                                       return q;
                                     }(), " or "), to_string(e.product), *unit));
}

void read_location(JsonReader& r, const std::string& p, PriceEntry& e) {
  const ProductRule rule = rule_of(e.product);
  auto location = r.string(p + "/location", rule.needs_location);
  if (location && location->empty()) r.error(p + "/location", "expected a site id, zone group or Region code, got \"\"");
  if (location && rule.location_is_any && *location != "*")
    r.error(p + "/location", fmt::format("expected \"*\" or no location: a {} price is not tied to an AWS location (the item names what it is for), got \"{}\"",
                                         to_string(e.product), *location));
  e.location = location.value_or("*");
}

void read_item(JsonReader& r, const std::string& p, PriceEntry& e) {
  auto item = r.string(p + "/item", true);
  e.item = item.value_or("");
  if (!item) return;
  if (item->empty()) r.error(p + "/item", "expected what is priced (an instance type, a volume type, a form factor, ...), got \"\"");
  const bool any_facility = e.product == PriceProduct::power || e.product == PriceProduct::space;
  if (*item == "*" && !any_facility)
    r.error(p + "/item", fmt::format("expected a specific item for a {} price: \"*\" (any facility) is for power and space only", to_string(e.product)));
}

void read_terms(JsonReader& r, const std::string& p, PriceEntry& e) {
  if (e.product == PriceProduct::instance) {
    e.term = one_of(r, p + "/term", kInstanceTerms, false, "on-demand", "an instance term");
    e.payment_option = one_of(r, p + "/payment_option", kPaymentOptions, false, "", "a payment option");
  } else if (e.product == PriceProduct::outposts) {
    e.term = one_of(r, p + "/term", kOutpostsTerms, true, "", "an Outposts term");
    e.payment_option = one_of(r, p + "/payment_option", kPaymentOptions, true, "", "a payment option");
  }
}

void read_tiers(JsonReader& r, const std::string& p, PriceEntry& e) {
  const auto tiers = r.elements(p + "/tiers");
  for (std::size_t k = 0; k < tiers.size(); ++k) {
    const std::string& t = tiers[k];
    check_members(r, t, {"up_to", "percent"});
    SupportTier tier;
    tier.percent = r.number(t + "/percent", true).value_or(0);
    if (tier.percent < 0 || tier.percent > 100 || !std::isfinite(tier.percent))
      r.error(t + "/percent", fmt::format("expected a percentage from 0 to 100, got {}", util::format_number(tier.percent)));
    tier.up_to = amount(r, t + "/up_to", false);
    const bool last = k + 1 == tiers.size();
    if (!tier.up_to && !last && !r.find(t + "/up_to"))
      r.error(t, "missing \"up_to\": only the last tier may leave it out (it covers the rest)");
    if (tier.up_to && !e.tiers.empty() && e.tiers.back().up_to && *tier.up_to <= *e.tiers.back().up_to)
      r.error(t + "/up_to", fmt::format("expected tiers in ascending order of up_to: {} follows {}", util::format_number(*tier.up_to),
                                        util::format_number(*e.tiers.back().up_to)));
    e.tiers.push_back(tier);
  }
}

void read_amounts(JsonReader& r, const std::string& p, PriceEntry& e) {
  if (e.product == PriceProduct::support) {
    e.minimum_monthly = amount(r, p + "/minimum_monthly", false);
    read_tiers(r, p, e);
    if (!r.find(p + "/minimum_monthly") && !r.find(p + "/tiers"))
      r.error(p, "a support price needs \"minimum_monthly\", \"tiers\" or both");
    return;
  }
  e.price = amount(r, p + "/price", true).value_or(0);
  e.upfront = amount(r, p + "/upfront", false).value_or(0);
  if (e.product == PriceProduct::power) {
    e.pue = r.number(p + "/pue");
    if (e.pue && !(*e.pue >= 1.0 && *e.pue <= 3.0))
      r.error(p + "/pue", fmt::format("expected a power usage effectiveness from 1.0 to 3.0, got {}", util::format_number(*e.pue)));
  }
}

// Members the entry's product does not take.
void check_entry_members(JsonReader& r, const std::string& p, PriceProduct product) {
  const Json* entry = r.find(p);
  if (!entry || !entry->is_object()) return;
  for (const auto& [key, unused] : entry->items()) {
    auto known = entry_members().find(key);
    if (known == entry_members().end() || known->second.empty() || known->second.count(product)) continue;
    std::vector<std::string> takers;
    for (auto each : known->second) takers.push_back(to_string(each));
    r.error(p + "/" + pointer_token(key), fmt::format("\"{}\" does not apply to a {} price (only to {})", key, to_string(product), util::join_list(takers)));
  }
}

std::optional<PriceEntry> read_entry(JsonReader& r, const std::string& p, const Prices& prices, const std::optional<std::string>& file_source) {
  const Json* value = r.find(p);
  if (!value || !value->is_object()) {
    if (value) r.error(p, fmt::format("expected an object (one price), got {}", describe_json(*value)));
    return std::nullopt;
  }
  check_members(r, p, names_of(entry_members()));
  auto name = r.string(p + "/product", true);
  if (!name) return std::nullopt;
  auto product = price_product_from_string(*name);
  if (!product) {
    r.error(p + "/product", fmt::format("expected one of {}, got \"{}\"", quoted(product_names()), *name), util::did_you_mean(*name, product_names()));
    return std::nullopt;
  }
  PriceEntry e;
  e.product = *product;
  e.pointer = p;
  check_entry_members(r, p, e.product);
  read_location(r, p, e);
  read_item(r, p, e);
  read_terms(r, p, e);
  read_unit(r, p, e);
  read_amounts(r, p, e);
  if (auto currency = r.string(p + "/currency"); currency && *currency != prices.currency && !prices.currency.empty())
    r.error(p + "/currency", fmt::format("mixed currencies: the file is in {}, this entry in {}", prices.currency, *currency),
            "one file holds one currency: convert the figure, or put it in a file of its own");
  auto source = r.string(p + "/source");
  if (!source && !file_source) r.error(p, "say where this price comes from: give the entry a \"source\" (a URL, a quote number), or the file a top-level \"source\"");
  e.source = source.value_or(file_source.value_or(""));
  return e;
}

// One price per product, location, item, term and payment option: a second
// would make the first or the second silently unused.
void check_duplicates(JsonReader& r, const std::vector<PriceEntry>& entries) {
  std::map<std::tuple<PriceProduct, std::string, std::string, std::string, std::string>, std::string> seen;
  for (const auto& e : entries) {
    auto [it, added] = seen.emplace(std::make_tuple(e.product, e.location, e.item, e.term, e.payment_option), e.pointer);
    if (!added)
      r.error(e.pointer, fmt::format("duplicate price: {} {} at {}{}{} is priced at {} already", to_string(e.product), e.item, e.location,
                                     e.product == PriceProduct::instance || e.product == PriceProduct::outposts ? ", term " + e.term : std::string(),
                                     e.payment_option.empty() ? std::string() : ", " + e.payment_option, it->second));
  }
}

}  // namespace

Prices parse_prices(const JsonDocument& document) {
  JsonReader r(document);
  Prices prices;
  prices.file = document.name();
  if (!document.value().is_object()) {
    r.error("", fmt::format("expected a Prices document (an object with \"kind\": \"Prices\"), got {}", describe_json(document.value())));
    r.throw_if_errors();
  }
  read_header(r, prices);
  const std::optional<std::string> file_source = r.string("/source");
  const auto entries = r.elements("/prices", true);
  if (entries.empty() && r.find("/prices") && r.find("/prices")->is_array()) r.error("/prices", "expected at least one price, got an empty array");
  for (const auto& p : entries)
    if (auto e = read_entry(r, p, prices, file_source)) prices.entries.push_back(std::move(*e));
  check_duplicates(r, prices.entries);
  r.throw_if_errors();
  prices.digest = json_digest(document.value());
  return prices;
}

Prices load_prices(const std::string& path, const FileSystem& fs) { return parse_prices(read_json_file(fs, path)); }

}  // namespace edgeplan
