// `aws pricing get-products --service-code AmazonEC2|AmazonS3` output -> a
// kind: Prices document (rules/catalog/PRICES.md, "Importing AWS's list prices").
// The response's PriceList holds each product as a *string* of JSON (AWS Price
// List Query API, GetProducts): each is parsed on its own, and a problem in one
// is reported at the string in the file (FILE:LINE:COL, /PriceList/N) with the
// place inside the string.
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <re2/re2.h>

#include "catalog_tools/aws_pages.hpp"
#include <edgeplan/util/text.hpp>

namespace edgeplan::aws_detail {

namespace {

// What the import keeps of the EC2 compute products: one price per instance
// type and place, the one most workloads pay (said in the summary and PRICES.md).
constexpr const char* kComputeFilter = "Linux, Shared tenancy, no pre-installed software, capacitystatus Used";

// The shapes of a price and of a publication date, matched with RE2 rather than
// std::regex: std::regex's executor recursed once per character of a repeated
// part, and a publication date with 300,000 digits in its fraction of a second
// crashed the import (tests/cli/test_hostile_input.cpp). RE2 matches in linear
// time without recursion. A fraction of a second has at most nine digits
// (nanoseconds; AWS writes none): the date is each price's quoted source.
const re2::RE2& price_shape() {
  static const re2::RE2 shape("[0-9]{1,12}(\\.[0-9]{1,12})?");
  return shape;
}

const re2::RE2& publication_shape() {
  static const re2::RE2 shape("[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})?)?");
  return shape;
}

using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;  // product, location, item, term, payment option

struct Collected {
  std::map<Key, Json> entries;  // first product wins
  std::string currency, currency_first_seen;
  std::string newest_publication;
  AwsPriceImport summary;
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
};

// One product of one page: where its string is, for every diagnostic about it.
struct Product {
  const Page& page;
  std::string pointer;  // "/PriceList/3"
  Json value;
  Collected& c;

  void error(const std::string& inner, const std::string& message) const {
    c.errors.push_back(located(page, page.document.diagnose(pointer, inner.empty() ? message : fmt::format("in the product at {}: {}", inner, message))));
  }
};

const Json* at(const Json& value, std::initializer_list<const char*> path) {
  const Json* node = &value;
  for (const char* key : path) {
    if (!node->is_object() || !node->contains(key)) return nullptr;
    node = &(*node)[key];
  }
  return node;
}

std::string text_at(const Json& value, std::initializer_list<const char*> path) {
  const Json* v = at(value, path);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

// The catalog site whose name is `location` ("US East (Boston)"), if a zone.
const Site* zone_named(const Catalog& base, const std::string& location) {
  for (const auto& site : base.sites)
    if (site.kind != SiteKind::region && site.name == location) return &site;
  return nullptr;
}

// Where a product's price applies. A Region's own products carry its code; a
// Local or Wavelength Zone's carry their zone group as regionCode
// ("us-west-2-lax-1"). Should a zone's product carry its parent Region's code
// instead, its price must not become the Region's: the zone is found by the
// catalog's name for it, or the product is left out.
std::optional<std::string> location_of(const Json& attributes, const Catalog& base) {
  const std::string code = text_at(attributes, {"regionCode"});
  const std::string type = text_at(attributes, {"locationType"});
  if (code.empty()) return std::nullopt;
  if (type == "AWS Region" || type.empty()) return code;
  if (type != "AWS Local Zone" && type != "AWS Wavelength Zone") return std::nullopt;
  const Site* region = base.find_site(code);
  if (!region || region->kind != SiteKind::region) return code;
  if (const Site* zone = zone_named(base, text_at(attributes, {"location"}))) return zone->opt_in_group;
  return std::nullopt;
}

// A pricePerUnit: {"USD": "0.4080000000"} -> 0.408, its currency noted. The
// currency must be one the Prices file accepts (ISO 4217): what the import
// writes, edgeplan must read back.
std::optional<double> price_of(const Product& p, const Json& dimension, const std::string& inner) {
  const Json* per_unit = at(dimension, {"pricePerUnit"});
  if (!per_unit || !per_unit->is_object() || per_unit->size() != 1) {
    p.error(inner + "/pricePerUnit", "expected one currency and its price, such as {\"USD\": \"0.4080000000\"}");
    return std::nullopt;
  }
  const std::string currency = per_unit->begin().key();
  const Json& amount = per_unit->begin().value();
  if (!util::is_currency_code(currency)) {
    p.error(inner + "/pricePerUnit/" + pointer_token(currency),
            fmt::format("expected a currency code of 3 upper-case letters (ISO 4217) such as \"USD\", got \"{}\"", util::escape_controls(currency)));
    return std::nullopt;
  }
  if (!amount.is_string() || !re2::RE2::FullMatch(amount.get_ref<const std::string&>(), price_shape())) {
    p.error(inner + "/pricePerUnit/" + pointer_token(currency), fmt::format("expected a decimal number such as \"0.4080000000\", got {}", describe_json(amount)));
    return std::nullopt;
  }
  if (p.c.currency.empty()) p.c.currency = currency, p.c.currency_first_seen = p.pointer;
  if (currency != p.c.currency) {
    p.error(inner + "/pricePerUnit", fmt::format("mixed currencies: the prices so far are in {} ({}), this one in {}", p.c.currency, p.c.currency_first_seen,
                                                 util::escape_controls(currency)));
    return std::nullopt;
  }
  return std::stod(amount.get<std::string>());
}

void add(Collected& c, Key key, Json entry) {
  if (c.entries.emplace(key, std::move(entry)).second) ++c.summary.prices[std::get<0>(key)];
  else ++c.summary.skipped["products priced already by an earlier one (the first is kept)"];
}

std::string source_of(const Json& product) {
  return fmt::format("aws pricing get-products {}, SKU {}", text_at(product, {"publicationDate"}), text_at(product, {"product", "sku"}));
}

// Each price dimension of `offers` (terms.OnDemand or terms.Reserved) whose unit is `unit`.
template <class OnPrice>
void each_dimension(const Product& p, const char* term_kind, const char* unit, OnPrice&& on_price) {
  const Json* offers = at(p.value, {"terms", term_kind});
  if (!offers || !offers->is_object()) return;
  for (const auto& [code, offer] : offers->items()) {
    const Json* dimensions = at(offer, {"priceDimensions"});
    if (!dimensions || !dimensions->is_object()) continue;
    for (const auto& [dim_code, dimension] : dimensions->items()) {
      if (text_at(dimension, {"unit"}) != unit) continue;
      const std::string inner = fmt::format("/terms/{}/{}/priceDimensions/{}", term_kind, pointer_token(code), pointer_token(dim_code));
      if (auto price = price_of(p, dimension, inner)) on_price(offer, dimension, *price);
    }
  }
}

bool kept_compute(const Json& a) {
  return text_at(a, {"operatingSystem"}) == "Linux" && text_at(a, {"tenancy"}) == "Shared" && text_at(a, {"preInstalledSw"}) == "NA" &&
         text_at(a, {"capacitystatus"}) == "Used";
}

// "1yr" + "No Upfront" + "standard" -> "reserved-1yr": the hourly rate of a
// standard Reserved Instance paid monthly, which compares with on-demand.
std::optional<std::string> reserved_term(const Json& offer) {
  const std::string length = text_at(offer, {"termAttributes", "LeaseContractLength"});
  if (text_at(offer, {"termAttributes", "OfferingClass"}) != "standard" || text_at(offer, {"termAttributes", "PurchaseOption"}) != "No Upfront")
    return std::nullopt;
  if (length != "1yr" && length != "3yr") return std::nullopt;
  return "reserved-" + length;
}

void read_compute(const Product& p, const std::string& location) {
  const Json& a = *at(p.value, {"product", "attributes"});
  if (!kept_compute(a)) return void(++p.c.summary.skipped[fmt::format("compute products not {}", kComputeFilter)]);
  const std::string type = text_at(a, {"instanceType"});
  // "*" means "any item" in a Prices file, which an instance price may not be.
  if (type.empty() || type == "*") return p.error("/product/attributes/instanceType", "expected the instance type of a Compute Instance product");
  const std::string source = source_of(p.value);
  each_dimension(p, "OnDemand", "Hrs", [&](const Json&, const Json&, double price) {
    add(p.c, {"instance", location, type, "on-demand", ""},
        {{"product", "instance"}, {"location", location}, {"item", type}, {"term", "on-demand"}, {"price", price}, {"unit", "hour"}, {"source", source}});
  });
  each_dimension(p, "Reserved", "Hrs", [&](const Json& offer, const Json&, double price) {
    auto term = reserved_term(offer);
    if (!term) return void(++p.c.summary.skipped["reserved offers other than standard No Upfront 1yr or 3yr"]);
    add(p.c, {"instance", location, type, *term, "no-upfront"},
        {{"product", "instance"}, {"location", location}, {"item", type}, {"term", *term}, {"payment_option", "no-upfront"}, {"price", price},
         {"unit", "hour"}, {"source", source}});
  });
}

void read_storage(const Product& p, const std::string& product, const std::string& item, const std::string& location) {
  bool first_tier_seen = false;
  each_dimension(p, "OnDemand", "GB-Mo", [&](const Json&, const Json& dimension, double price) {
    // S3 storage is tiered by volume (beginRange "0", "51200", ...): the first tier is kept.
    const std::string begin = text_at(dimension, {"beginRange"});
    if ((!begin.empty() && begin != "0") || first_tier_seen) return;
    first_tier_seen = true;
    add(p.c, {product, location, item, "on-demand", ""},
        {{"product", product}, {"location", location}, {"item", item}, {"price", price}, {"unit", "GB-month"}, {"source", source_of(p.value)}});
  });
}

// "Standard" S3 storage (storageClass "General Purpose") -> "standard"; other classes are left out.
std::string s3_class(const Json& attributes) {
  return text_at(attributes, {"volumeType"}) == "Standard" && text_at(attributes, {"storageClass"}) == "General Purpose" ? "standard" : "";
}

// Every product of the Price List says when it was published
// ("2026-11-20T21:37:58Z"). That date is each price's source and, the newest
// of them, the file's effective date, so a product without a real calendar date
// is refused here rather than written into a file that would not load.
bool read_publication(const Product& p) {
  const Json* value = at(p.value, {"publicationDate"});
  if (!value) return p.error("", "missing \"publicationDate\": the date AWS published the price, such as \"2026-11-20T21:37:58Z\""), false;
  const std::string text = value->is_string() ? value->get<std::string>() : std::string();
  if (!value->is_string() || !re2::RE2::FullMatch(text, publication_shape()) || !util::is_calendar_date(std::string_view(text).substr(0, 10)))
    return p.error("/publicationDate", fmt::format("expected the date AWS published the price, such as \"2026-11-20T21:37:58Z\", got {}", describe_json(*value))),
           false;
  if (text > p.c.newest_publication) p.c.newest_publication = text;
  return true;
}

void read_product(const Product& p, const Catalog& base) {
  const Json* attributes = at(p.value, {"product", "attributes"});
  if (!p.value.is_object() || !attributes || !attributes->is_object())
    return p.error("", "expected a product of the AWS Price List (an object with product.attributes, terms and serviceCode)");
  if (!read_publication(p)) return;
  const std::string service = text_at(p.value, {"serviceCode"});
  const std::string family = text_at(p.value, {"product", "productFamily"});
  const auto location = location_of(*attributes, base);
  const std::string volume = text_at(*attributes, {"volumeApiName"});
  if (service == "AmazonEC2" && family == "Compute Instance" && location) return read_compute(p, *location);
  if (service == "AmazonEC2" && family == "Storage" && location && !volume.empty()) {
    if (volume == "*") return p.error("/product/attributes/volumeApiName", "expected the volume type of an EBS Storage product, such as \"gp3\"");
    return read_storage(p, "ebs", volume, *location);
  }
  if (service == "AmazonS3" && family == "Storage" && location && !s3_class(*attributes).empty())
    return read_storage(p, "s3", s3_class(*attributes), *location);
  if (!location && (family == "Compute Instance" || family == "Storage"))
    return void(++p.c.summary.skipped["products of a Local or Wavelength Zone whose zone group cannot be told"]);
  ++p.c.summary.skipped[fmt::format("{} products of family \"{}\"", service.empty() ? "other" : util::escape_controls(service),
                                    family.empty() ? "none" : util::escape_controls(family))];
}

// The inner string parsed; a parse error is reported at the string, with its place inside.
std::optional<Json> parse_product(const Page& page, const std::string& pointer, const Json& element, Collected& c) {
  if (!element.is_string()) {
    c.errors.push_back(located(page, page.document.diagnose(pointer, fmt::format("expected a string holding one product's JSON, got {}", describe_json(element)))));
    return std::nullopt;
  }
  try {
    return JsonDocument::parse(page.document.name(), element.get<std::string>()).value();
  } catch (const InputError& e) {
    const Diagnostic& inner = e.diagnostics().front();
    c.errors.push_back(located(page, page.document.diagnose(
                                         pointer, fmt::format("the string is not one product's JSON: at its line {}, column {}: {}", inner.line, inner.column, inner.message),
                                         "the PriceList strings are JSON the AWS CLI prints as they came: collect the output again")));
    return std::nullopt;
  }
}

AwsInput read_file(const PriceListFile& file, const Catalog& base, Collected& c) {
  AwsInput input{file.path, "aws pricing get-products", "", static_cast<int>(file.pages->size()), 0};
  std::set<std::string> services;
  for (const Page& page : *file.pages) {
    const Json& list = page.document.value()["PriceList"];
    if (!list.is_array()) {
      c.errors.push_back(located(page, page.document.diagnose("/PriceList", fmt::format("expected an array of strings, got {}", describe_json(list)))));
      continue;
    }
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string pointer = fmt::format("/PriceList/{}", k);
      auto value = parse_product(page, pointer, list[k], c);
      if (!value) continue;
      ++input.records;
      ++c.summary.products;
      if (auto service = text_at(*value, {"serviceCode"}); !service.empty()) services.insert(util::escape_controls(service));
      read_product(Product{page, pointer, std::move(*value), c}, base);
    }
  }
  const Page& last = file.pages->back();
  if (const Json* token = at(last.document.value(), {"NextToken"}); token && !token->is_null())
    c.warnings.push_back(located(last, last.document.diagnose("/NextToken", "the output is incomplete: its last page still has a NextToken; the products it lists are imported",
                                                              "collect it again without --max-items (the AWS CLI pages through everything by itself)", Severity::warning)));
  if (!services.empty()) input.command += " --service-code " + util::join_list(std::vector<std::string>(services.begin(), services.end()), ",");
  return input;
}

std::string skipped_text(const AwsPriceImport& s) {
  std::vector<std::string> parts;
  for (const auto& [why, n] : s.skipped) parts.push_back(fmt::format("{} {}", n, why));
  return util::join_list(parts);
}

Json prices_document(const Collected& c, const std::vector<AwsInput>& inputs, const AwsImportOptions& options) {
  const std::string date = c.newest_publication.substr(0, 10);
  Json prices = Json::array();
  for (const auto& [key, entry] : c.entries) prices.push_back(entry);
  Json files = Json::array();
  for (const auto& i : inputs) files.push_back({{"file", i.file}, {"command", i.command}, {"pages", i.pages}, {"records", i.records}});
  return {{"apiVersion", "edgeplan/v1"},
          {"kind", "Prices"},
          {"metadata",
           {{"name", options.name.empty() ? "aws-list-prices-" + date : options.name},
            {"example", false},
            {"description", fmt::format("AWS list prices imported by edgeplan catalog import from aws pricing get-products output; compute: {} only", kComputeFilter)},
            {"generator", "edgeplan catalog import"},
            {"inputs", files}}},
          {"currency", c.currency},
          {"effective_date", date},
          {"source", "aws pricing get-products"},
          {"prices", prices}};
}

}  // namespace

AwsImport import_price_lists(const std::vector<PriceListFile>& files, const Catalog& base, const AwsImportOptions& options) {
  Collected c;
  std::vector<AwsInput> inputs;
  for (const auto& file : files) inputs.push_back(read_file(file, base, c));
  if (!c.errors.empty()) throw InputError(std::move(c.errors));
  if (c.entries.empty())
    throw InputError(Diagnostic{Severity::error, display_name(files.front().path), 0, 0, "",
                                fmt::format("no price edgeplan uses among the {} products read (EC2 compute: {}; EBS volumes; S3 Standard storage){}", c.summary.products,
                                            kComputeFilter, c.summary.skipped.empty() ? std::string() : "; left out: " + skipped_text(c.summary)),
                                "ask for them with --filters, e.g. Type=TERM_MATCH,Field=instanceType,Value=m5.2xlarge"});
  c.summary.effective_date = c.newest_publication.substr(0, 10);
  c.summary.currency = c.currency;
  AwsImport result;
  result.overlay = prices_document(c, inputs, options);
  result.inputs = inputs;
  result.warnings = c.warnings;
  result.prices = c.summary;
  return result;
}

}  // namespace edgeplan::aws_detail
