#include <edgeplan/aws_import.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "catalog_tools/aws_pages.hpp"
#include "load/json_reader.hpp"
#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// What each AWS CLI output is recognised by: the top-level key its response
// has (AWS CLI Command Reference, "Output" of each command).
enum class Shape { manifest, caller_identity, regions, zones, offerings, sites, outposts, outpost_types, catalog_items, network, price_list };

struct ShapeInfo {
  Shape shape;
  const char* key;      // the list the output holds
  const char* command;  // as a user types it
};

constexpr ShapeInfo kShapes[] = {
    {Shape::caller_identity, "Account", "aws sts get-caller-identity"},
    {Shape::regions, "Regions", "aws ec2 describe-regions --all-regions"},
    {Shape::zones, "AvailabilityZones", "aws ec2 describe-availability-zones --all-availability-zones"},
    {Shape::offerings, "InstanceTypeOfferings", "aws ec2 describe-instance-type-offerings --location-type availability-zone"},
    {Shape::sites, "Sites", "aws outposts list-sites"},
    {Shape::outposts, "Outposts", "aws outposts list-outposts"},
    {Shape::outpost_types, "InstanceTypes", "aws outposts get-outpost-instance-types --outpost-id ID"},
    {Shape::catalog_items, "CatalogItems", "aws outposts list-catalog-items"},
    {Shape::network, "DataResponses", "aws ec2 get-aws-network-performance-data"},
    // Prices, not the account's view: these become a kind: Prices file (aws_pricing.cpp).
    {Shape::price_list, "PriceList", "aws pricing get-products --service-code AmazonEC2"},
};

// Outputs of other commands that users save next to these: named in the error.
const std::map<std::string, std::string>& other_commands() {
  static const std::map<std::string, std::string> known = {
      {"Reservations", "aws ec2 describe-instances"},
      {"InstanceTypeOfferings", "aws ec2 describe-instance-type-offerings"},
      {"SpotPriceHistory", "aws ec2 describe-spot-price-history"},
      {"Vpcs", "aws ec2 describe-vpcs"},
      {"Subnets", "aws ec2 describe-subnets"},
      {"Outpost", "aws outposts get-outpost"},
      {"Site", "aws outposts get-site"},
      {"Orders", "aws outposts list-orders"},
      {"Assets", "aws outposts list-assets"},
  };
  return known;
}

std::string command_name(Shape shape) {
  for (const auto& s : kShapes)
    if (s.shape == shape) {
      std::string c = s.command;
      return c.substr(0, c.find(" --"));  // "aws ec2 describe-regions"
    }
  return "edgeplan collection manifest";
}

std::string expected_outputs() {
  std::vector<std::string> names;
  for (const auto& s : kShapes) names.push_back(command_name(s.shape));
  return "the JSON output of " + util::join_list(names) + ", or the manifest.json of scripts/collect-aws.sh";
}

// ---- reading files ----------------------------------------------------------

// Top-level JSON values one after another: what `aws ... >> file` leaves when a
// user pages by hand (--max-items, then --starting-token). Each span is
// [begin, end); a value that does not close runs to the end of the text (its
// parse then says where it broke off).
std::vector<std::pair<std::size_t, std::size_t>> top_level_values(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  };
  for (skip_space(); i < text.size(); skip_space()) {
    const std::size_t begin = i;
    if (text[i] != '{' && text[i] != '[') {  // not JSON from here on: one span, for the parser to report
      out.emplace_back(begin, text.size());
      break;
    }
    int depth = 0;
    i = document_detail::for_each_bracket(text, i, [&](std::size_t, bool opening) { return (depth += opening ? 1 : -1) > 0; });
    out.emplace_back(begin, i);
  }
  return out;
}

// A file that is not JSON is usually another rendering of the same command or
// the CLI's error message saved by mistake: say which.
std::string not_json_hint(std::string_view text) {
  const std::string head(text.substr(0, std::min<std::size_t>(text.size(), 200)));
  if (!head.empty() && (head.front() == '{' || head.front() == '['))
    return "the AWS CLI's JSON is cut short or altered here (an interrupted command, a full disk, an edit?): collect it again";
  if (head.find("An error occurred") != std::string::npos || head.find("Unable to locate credentials") != std::string::npos ||
      head.find("Could not connect") != std::string::npos)
    return "the file holds an AWS CLI error message, not a command's output: run the command again (scripts/collect-aws.sh records failures in its manifest)";
  if (head.rfind("---", 0) == 0 || std::regex_search(head, std::regex("^[A-Za-z]+:\\s*(\n|$)")))
    return "this looks like --output yaml: run the AWS CLI with --output json";
  return "expected JSON as the AWS CLI prints it with --output json (not --output text or table)";
}

using aws_detail::located;
using aws_detail::Page;

// More would be a file of nothing but `{}`s: one listing is never paged that often.
constexpr std::size_t kMaxPages = 10'000;

std::vector<Page> read_pages(const std::string& path, std::string_view text) {
  std::vector<Page> pages;
  document_detail::check_document_text(display_name(path), text);  // size, NUL, UTF-8: as for every document
  const auto spans = top_level_values(text);
  if (spans.empty()) throw InputError(Diagnostic{Severity::error, display_name(path), 0, 0, "", "the file is empty; " + expected_outputs(), {}});
  if (spans.size() > kMaxPages)
    throw InputError(Diagnostic{Severity::error, display_name(path), 0, 0, "",
                                fmt::format("{} JSON documents one after another; expected one command's output in at most {} pages", spans.size(), kMaxPages), {}});
  Page where{JsonDocument::parse("", "{}"), 0, 1, 1};
  std::size_t counted = 0;  // text before it is counted into `where`
  for (std::size_t k = 0; k < spans.size(); ++k) {
    for (; counted < spans[k].first; ++counted) {
      if (text[counted] == '\n') ++where.first_line, where.first_column = 1;
      else ++where.first_column;
    }
    try {
      where.document = JsonDocument::parse(display_name(path), text.substr(spans[k].first, spans[k].second - spans[k].first));
      where.index = static_cast<int>(k);
      pages.push_back(where);
    } catch (const InputError& e) {
      std::vector<Diagnostic> d;
      for (const auto& each : e.diagnostics()) d.push_back(located(where, each));
      if (!d.empty() && d.front().hint.empty()) d.front().hint = not_json_hint(text.substr(spans[k].first));
      throw InputError(std::move(d));
    }
  }
  return pages;
}

std::optional<Shape> shape_of(const Json& value) {
  if (!value.is_object()) return std::nullopt;
  if (value.value("kind", "") == "AwsCollection") return Shape::manifest;
  if (value.contains("Account") && value.contains("Arn") && value.contains("UserId")) return Shape::caller_identity;
  if (value.contains("InstanceTypes") && !(value.contains("OutpostId") || value.contains("OutpostArn"))) return std::nullopt;  // ec2 describe-instance-types
  for (const auto& s : kShapes)
    if (s.shape != Shape::caller_identity && value.contains(s.key)) return s.shape;
  return std::nullopt;
}

std::string describe_keys(const Json& value) {
  if (!value.is_object()) return describe_json(value);
  std::vector<std::string> keys;
  for (const auto& [k, unused] : value.items()) keys.push_back(k);
  if (keys.empty()) return "an empty object";
  if (keys.size() > 5) keys.resize(5), keys.push_back("…");
  return "an object with " + util::join_list(keys);
}

Diagnostic unrecognised(const JsonDocument& doc) {
  const Json& v = doc.value();
  std::string what = describe_keys(v);
  if (v.is_object()) {
    if (v.contains("InstanceTypes")) what = "the output of aws ec2 describe-instance-types (InstanceTypes without an OutpostId)";
    for (const auto& [key, command] : other_commands())
      if (v.contains(key) && !shape_of(v)) what = "the output of " + command + " (" + key + ")";
  }
  return doc.diagnose("", "not an AWS CLI output edgeplan imports: got " + what + "; expected " + expected_outputs());
}

// ---- what the inputs say ------------------------------------------------------

struct Zone {
  std::string name, id, type, region, opt_in, group, border_group, long_name, state;
};

struct OutpostSite {
  std::string id, name, country, state, city;
  std::optional<double> power_kva, uplink_gbps, max_weight_lbs;
  std::optional<int> uplink_count;
};

struct Outpost {
  std::string id, name, arn, owner, region, az, hardware, lifecycle, site_id;
};

struct NetworkPoint {
  std::string source, destination, period;
  double value = 0;
  std::string file_region;
};

struct ManifestEntry {
  std::string command;
  std::string region;
};

struct Collected {
  // Provenance.
  std::optional<std::string> account;
  std::string account_basis;
  std::optional<std::string> captured_at;
  std::string captured_at_basis = "unknown";
  std::map<std::string, ManifestEntry> manifest_files;  // path as the manifest resolves it
  std::vector<std::string> manifest_failures;
  // Facts.
  std::map<std::string, std::string> region_opt_in;  // RegionName -> OptInStatus
  bool regions_listed = false;
  std::map<std::string, Zone> zones;                 // ZoneName -> zone
  std::map<std::string, bool> zone_lists;            // Region -> whether the list includes zones not opted in to
  std::map<std::string, std::set<std::string>> offerings;  // zone name -> instance types
  std::set<std::string> offering_regions;            // Regions whose offerings were read completely
  std::set<std::string> truncated_offering_regions;
  std::map<std::string, OutpostSite> sites;
  std::map<std::string, Outpost> outposts;
  std::map<std::string, std::set<std::string>> outpost_types;
  std::vector<CatalogItem> catalog_items;
  std::vector<NetworkPoint> network;
  std::vector<AwsInput> inputs;
  std::vector<Diagnostic> warnings;
};

std::string region_of_zone_name(const std::string& zone, const Catalog& base, const Collected& c) {
  if (auto it = c.zones.find(zone); it != c.zones.end()) return it->second.region;
  if (const Site* s = base.find_site(zone); s && s->parent_region) return *s->parent_region;
  // An Availability Zone's name is its Region's code and a letter: us-west-2a.
  for (const auto& site : base.sites)
    if (site.kind == SiteKind::region && zone.rfind(site.id, 0) == 0 && zone.size() == site.id.size() + 1) return site.id;
  return "";
}

// "POWER_15_KVA" -> 15, "UPLINK_10G" -> 10, "UPLINK_COUNT_2" -> 2, "MAX_2000_LBS" -> 2000: the
// Outposts API's enumerations carry their figure (API_RackPhysicalProperties).
// The figure inside one of the API's enum values for a site's rack ("POWER_15_KVA" -> 15,
// "UPLINK_COUNT_4" -> 4); `form` is the value's pattern with ([0-9]{1,N}) where the figure is.
// Anything else is refused naming the form: a figure read out of an arbitrary string could be
// 99999 uplinks, which no catalog takes back.
std::optional<double> enum_figure(JsonReader& r, const std::string& pointer, const char* form, const char* expected,
                                  const char* none = nullptr) {
  const auto text = r.string(pointer);
  if (!text || (none && *text == none)) return std::nullopt;
  std::smatch m;
  if (std::regex_match(*text, m, std::regex(form))) return std::stod(m[1].str());
  r.error(pointer, fmt::format("expected {}, got \"{}\"", expected, *text));
  return std::nullopt;
}

// "aws ec2 get-aws-network-performance-data --region ... --data-queries '[...]'" -> "aws ec2 get-aws-network-performance-data"
std::string command_head(const std::string& command) { return command.substr(0, command.find(" --")); }

void read_manifest(JsonReader& r, const std::string& path, Collected& c) {
  const std::string dir = path.find('/') == std::string::npos ? "" : path.substr(0, path.rfind('/') + 1);
  if (auto account = r.string("/account"); account && !account->empty()) c.account = *account, c.account_basis = "manifest";
  if (auto at = r.string("/captured_at"); at && !at->empty()) c.captured_at = *at, c.captured_at_basis = "manifest";
  for (const auto& f : r.elements("/files")) {
    const std::string file = r.string(f + "/file", true).value_or("");
    // The collector writes names inside its output folder; anything else is not its manifest.
    if (file.empty() || file.front() == '/' || file == ".." || file.rfind("../", 0) == 0 || file.find("/../") != std::string::npos) {
      r.error(f + "/file", fmt::format("expected a file inside the manifest's folder, got \"{}\"", file));
      continue;
    }
    ManifestEntry e{r.string(f + "/command").value_or(""), r.string(f + "/region").value_or("")};
    c.manifest_files[dir + file] = e;
  }
  for (const auto& f : r.elements("/failed"))
    c.manifest_failures.push_back(fmt::format("{}{} failed when collected: {}", command_head(r.string(f + "/command").value_or("a command")),
                                              r.string(f + "/region") ? " (" + *r.string(f + "/region") + ")" : std::string(),
                                              r.string(f + "/message").value_or("no message")));
}

void read_caller_identity(JsonReader& r, Collected& c) {
  auto account = r.string("/Account", true);
  if (account && (!c.account || c.account_basis != "manifest")) c.account = *account, c.account_basis = "aws sts get-caller-identity";
}

std::string opt_in_expectation(const std::string& got) {
  return fmt::format("expected \"opt-in-not-required\", \"opted-in\" or \"not-opted-in\", got \"{}\"", got);
}

int read_regions(JsonReader& r, Collected& c) {
  int n = 0;
  for (const auto& p : r.elements("/Regions", true)) {
    auto name = r.string(p + "/RegionName", true);
    auto status = r.string(p + "/OptInStatus");
    if (!status) r.error(p + "/OptInStatus", "missing; expected the output of describe-regions --all-regions, which states each Region's opt-in status");
    else if (!is_aws_opt_in_status(*status)) r.error(p + "/OptInStatus", opt_in_expectation(*status));
    else if (name) c.region_opt_in[*name] = *status, ++n;
  }
  c.regions_listed = true;
  return n;
}

int read_zones(JsonReader& r, const std::string& command, Collected& c, std::set<std::string>& regions) {
  int n = 0;
  bool lists_not_opted_in = false;
  for (const auto& p : r.elements("/AvailabilityZones", true)) {
    Zone z;
    z.name = r.string(p + "/ZoneName", true).value_or("");
    z.id = r.string(p + "/ZoneId").value_or("");
    z.type = r.string(p + "/ZoneType").value_or("availability-zone");
    z.region = r.string(p + "/RegionName", true).value_or("");
    z.opt_in = r.string(p + "/OptInStatus").value_or("");
    z.group = r.string(p + "/GroupName").value_or("");
    z.border_group = r.string(p + "/NetworkBorderGroup").value_or("");
    z.long_name = r.string(p + "/GroupLongName").value_or("");
    z.state = r.string(p + "/State").value_or("");
    if (!z.opt_in.empty() && !is_aws_opt_in_status(z.opt_in)) {
      r.error(p + "/OptInStatus", opt_in_expectation(z.opt_in));
      continue;
    }
    if (z.name.empty() || z.region.empty()) continue;
    lists_not_opted_in |= z.opt_in == "not-opted-in";
    regions.insert(z.region);
    c.zones[z.name] = z;
    ++n;
  }
  if (n == 0 && r.find("/AvailabilityZones"))
    r.error("/AvailabilityZones", "the list is empty; expected the Region's zones (describe-availability-zones lists at least the Region's own Availability Zones)",
            "an empty list means the output was filtered (--filters, --zone-names) or the call went to the wrong place: collect it again");
  // Without --all-availability-zones the list leaves out zones not opted in to,
  // so a zone missing from it proves nothing.
  const bool complete = command.find("--all-availability-zones") != std::string::npos || lists_not_opted_in;
  for (const auto& region : regions) c.zone_lists[region] = c.zone_lists[region] || complete;
  return n;
}

int read_offerings(JsonReader& r, const Catalog& base, Collected& c, std::set<std::string>& regions) {
  int n = 0;
  for (const auto& p : r.elements("/InstanceTypeOfferings", true)) {
    auto type = r.string(p + "/InstanceType", true);
    auto location = r.string(p + "/Location", true);
    auto location_type = r.string(p + "/LocationType").value_or("availability-zone");
    if (location_type != "availability-zone") {
      r.error(p + "/LocationType", fmt::format("expected \"availability-zone\", got \"{}\"", location_type),
              "run describe-instance-type-offerings with --location-type availability-zone: the offerings per zone are what the catalog lacks");
      continue;
    }
    if (!type || !location) continue;
    c.offerings[*location].insert(*type);
    if (auto region = region_of_zone_name(*location, base, c); !region.empty()) regions.insert(region);
    ++n;
  }
  return n;
}

int read_sites(JsonReader& r, Collected& c) {
  int n = 0;
  for (const auto& p : r.elements("/Sites", true)) {
    OutpostSite s;
    s.id = r.string(p + "/SiteId", true).value_or("");
    s.name = r.string(p + "/Name").value_or(s.id);
    s.country = r.string(p + "/OperatingAddressCountryCode").value_or("");
    s.state = r.string(p + "/OperatingAddressStateOrRegion").value_or("");
    s.city = r.string(p + "/OperatingAddressCity").value_or("");
    const std::string rack = p + "/RackPhysicalProperties";
    // Outposts API Reference, RackPhysicalProperties: POWER_5_KVA …, UPLINK_10G …, UPLINK_COUNT_1 … 16,
    // NO_LIMIT | MAX_1400_LBS …
    s.power_kva = enum_figure(r, rack + "/PowerDrawKva", "POWER_([0-9]{1,3})_KVA", "a power draw such as \"POWER_15_KVA\"");
    s.uplink_gbps = enum_figure(r, rack + "/UplinkGbps", "UPLINK_([0-9]{1,4})G", "an uplink speed such as \"UPLINK_10G\"");
    if (auto count = enum_figure(r, rack + "/UplinkCount", "UPLINK_COUNT_([0-9]{1,2})", "an uplink count such as \"UPLINK_COUNT_4\""))
      s.uplink_count = static_cast<int>(*count);
    s.max_weight_lbs = enum_figure(r, rack + "/MaximumSupportedWeightLbs", "MAX_([0-9]{1,5})_LBS",
                                   "\"NO_LIMIT\" or a weight such as \"MAX_2000_LBS\"", "NO_LIMIT");
    if (!s.id.empty()) c.sites[s.id] = s, ++n;
  }
  return n;
}

// arn:aws:outposts:us-east-1:111122223333:outpost/op-0a1b2c3d4e5f67890
std::string region_of_arn(const std::string& arn) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (int k = 0; k < 5; ++k) {
    const auto colon = arn.find(':', start);
    if (colon == std::string::npos) return "";
    parts.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  return parts.size() == 5 && parts[0] == "arn" ? parts[3] : "";
}

int read_outposts(JsonReader& r, Collected& c, std::set<std::string>& regions) {
  int n = 0;
  for (const auto& p : r.elements("/Outposts", true)) {
    Outpost o;
    o.id = r.string(p + "/OutpostId", true).value_or("");
    o.name = r.string(p + "/Name").value_or(o.id);
    o.arn = r.string(p + "/OutpostArn").value_or("");
    o.owner = r.string(p + "/OwnerId").value_or("");
    o.region = region_of_arn(o.arn);
    o.az = r.string(p + "/AvailabilityZone").value_or("");
    o.hardware = r.string(p + "/SupportedHardwareType").value_or("RACK");
    if (o.hardware != "RACK" && o.hardware != "SERVER") {
      r.error(p + "/SupportedHardwareType", fmt::format("expected \"RACK\" or \"SERVER\", got \"{}\"", o.hardware));
      continue;
    }
    o.lifecycle = r.string(p + "/LifeCycleStatus").value_or("");
    o.site_id = r.string(p + "/SiteId").value_or("");
    if (o.region.empty() && !o.az.empty()) o.region = o.az.substr(0, o.az.size() - 1);
    if (o.region.empty()) r.error(p + "/OutpostArn", "expected an ARN naming the Outpost's home Region (arn:aws:outposts:REGION:ACCOUNT:outpost/ID)");
    if (o.id.empty()) continue;
    regions.insert(o.region);
    c.outposts[o.id] = o;
    ++n;
  }
  return n;
}

int read_outpost_types(JsonReader& r, Collected& c, std::string& outpost) {
  outpost = r.string("/OutpostId").value_or("");
  if (outpost.empty()) {
    // Only the ARN: op-... is its last segment.
    const std::string arn = r.string("/OutpostArn").value_or("");
    outpost = arn.substr(arn.rfind('/') + 1);
  }
  int n = 0;
  for (const auto& p : r.elements("/InstanceTypes", true))
    if (auto type = r.string(p + "/InstanceType", true)) c.outpost_types[outpost].insert(*type), ++n;
  if (n == 0) c.outpost_types[outpost];  // an Outpost with no instance types is a fact too
  return n;
}

// EC2Capacity.Quantity is a String in the Outposts API ("4"); a number is taken too.
int quantity_of(JsonReader& r, const std::string& pointer) {
  const Json* v = r.find(pointer);
  if (v && v->is_string()) {
    const std::string text = v->get<std::string>();
    if (std::regex_match(text, std::regex("[0-9]{1,4}"))) return std::stoi(text);
    r.error(pointer, fmt::format("expected a count from \"0\" to \"9999\" such as \"4\", got \"{}\"", text));
    return 0;
  }
  return r.integer(pointer, 0, 9'999, true).value_or(0);
}

int read_catalog_items(JsonReader& r, const std::string& source, Collected& c) {
  int n = 0;
  for (const auto& p : r.elements("/CatalogItems", true)) {
    CatalogItem item;
    item.id = r.string(p + "/CatalogItemId", true).value_or("");
    item.status = r.string(p + "/ItemStatus").value_or("");
    for (const auto& e : r.elements(p + "/EC2Capacities"))
      item.ec2_capacities.push_back({r.string(e + "/Family", true).value_or(""), r.string(e + "/MaxSize").value_or(""),
                                     quantity_of(r, e + "/Quantity")});
    // PowerKva is a Float in the API: 12.4 comes out as 12.399999618530273.
    if (auto kva = r.number(p + "/PowerKva")) item.power_kva = std::round(*kva * 100) / 100;
    if (auto w = r.integer(p + "/WeightLbs", 0, 100'000)) item.weight_lbs = *w;
    item.uplink_gbps = r.numbers(p + "/SupportedUplinkGbps");
    item.storage = r.strings(p + "/SupportedStorage");
    item.sources = {source};
    if (item.id.empty()) continue;
    auto same = std::find_if(c.catalog_items.begin(), c.catalog_items.end(), [&](const CatalogItem& x) { return x.id == item.id; });
    if (same == c.catalog_items.end()) c.catalog_items.push_back(std::move(item));
    ++n;
  }
  return n;
}

int read_network(JsonReader& r, const std::string& region, Collected& c) {
  int n = 0;
  for (const auto& p : r.elements("/DataResponses", true)) {
    NetworkPoint base{r.string(p + "/Source", true).value_or(""), r.string(p + "/Destination", true).value_or(""),
                      r.string(p + "/Period").value_or(""), 0, region};
    const auto metric = r.string(p + "/Metric").value_or("aggregate-latency");
    if (metric != "aggregate-latency") r.error(p + "/Metric", fmt::format("expected \"aggregate-latency\", got \"{}\"", metric));
    for (const auto& m : r.elements(p + "/MetricPoints")) {
      auto value = r.number(m + "/Value");
      const auto status = r.string(m + "/Status").value_or("OK");
      if (!value || status != "OK") continue;
      if (*value < 0) {
        r.error(m + "/Value", fmt::format("expected a latency >= 0 ms, got {}", util::format_number(*value)));
        continue;
      }
      NetworkPoint point = base;
      point.value = *value;
      c.network.push_back(point);
      ++n;
    }
  }
  return n;
}

// The Region a file belongs to, from what the manifest recorded for it.
std::string manifest_region(const Collected& c, const std::string& path) {
  auto it = c.manifest_files.find(path);
  return it == c.manifest_files.end() ? "" : it->second.region;
}

std::string manifest_command(const Collected& c, const std::string& path) {
  auto it = c.manifest_files.find(path);
  return it == c.manifest_files.end() ? "" : it->second.command;
}

// One input file, parsed and recognised; interpreted once every file is read.
struct ParsedInput {
  std::string path;
  std::vector<Page> pages;
  Shape shape = Shape::manifest;
};

std::optional<ParsedInput> parse_input(const std::string& path, const std::string& text, std::vector<Diagnostic>& errors) {
  ParsedInput parsed{path, {}, Shape::manifest};
  try {
    parsed.pages = read_pages(path, text);
  } catch (const InputError& e) {
    errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    return std::nullopt;
  }
  std::optional<Shape> shape;
  for (const auto& page : parsed.pages) {
    auto s = shape_of(page.document.value());
    if (!s) {
      errors.push_back(located(page, unrecognised(page.document)));
      return std::nullopt;
    }
    if (shape && *s != *shape) {
      errors.push_back(located(page, page.document.diagnose("", fmt::format("page {} is the output of {}, page 1 of {}; expected one command's output per file",
                                                                           page.index + 1, command_name(*s), command_name(*shape)))));
      return std::nullopt;
    }
    shape = s;
  }
  parsed.shape = *shape;
  return parsed;
}

// Interprets one input into `c`. Inputs are interpreted in the order of Shape
// (zone lists before the offerings that need them), then by path: the overlay
// does not depend on the order the files were named in.
void interpret(const ParsedInput& parsed, const Catalog& base, Collected& c, std::vector<Diagnostic>& errors) {
  const std::string& path = parsed.path;
  const std::vector<Page>& pages = parsed.pages;
  const Shape* shape = &parsed.shape;
  AwsInput input{path, command_name(*shape), manifest_region(c, path), static_cast<int>(pages.size()), 0};
  const std::string command = manifest_command(c, path);
  std::set<std::string> regions;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    JsonReader r(pages[k].document);
    switch (*shape) {
      case Shape::manifest: read_manifest(r, path, c); break;
      case Shape::caller_identity: read_caller_identity(r, c); break;
      case Shape::regions: input.records += read_regions(r, c); break;
      case Shape::zones: input.records += read_zones(r, command, c, regions); break;
      case Shape::offerings: input.records += read_offerings(r, base, c, regions); break;
      case Shape::sites: input.records += read_sites(r, c); break;
      case Shape::outposts: input.records += read_outposts(r, c, regions); break;
      case Shape::outpost_types: {
        std::string outpost;
        input.records += read_outpost_types(r, c, outpost);
        if (k == 0) input.command += " --outpost-id " + outpost;
        break;
      }
      case Shape::catalog_items: input.records += read_catalog_items(r, command_name(*shape), c); break;
      case Shape::network: input.records += read_network(r, input.region, c); break;
      case Shape::price_list: break;  // never here: import_aws_outputs hands price lists to import_price_lists
    }
    // The last page still holding a NextToken: the listing stopped early.
    if (k + 1 == pages.size() && pages[k].document.value().contains("NextToken") && !pages[k].document.value()["NextToken"].is_null()) {
      c.warnings.push_back(located(pages[k], pages[k].document.diagnose(
                                                 "/NextToken",
                                                 "the output is incomplete: its last page still has a NextToken; what it lists is used, what it does not is left as the documentation says",
                                                 "collect it again without --max-items (the AWS CLI pages through everything by itself)", Severity::warning)));
      if (*shape == Shape::offerings) c.truncated_offering_regions.insert(regions.begin(), regions.end());
    }
    for (const auto& d : r.diagnostics().items())
      if (d.severity == Severity::error) errors.push_back(located(pages[k], d));
      else c.warnings.push_back(located(pages[k], d));
  }
  if (input.region.empty() && regions.size() == 1) input.region = *regions.begin();
  // A filtered listing (the manifest shows the command) says what is offered,
  // not what is not: it cannot make a zone's families known.
  if (*shape == Shape::offerings && command.find("--filters") != std::string::npos) {
    c.truncated_offering_regions.insert(regions.begin(), regions.end());
    c.warnings.push_back(Diagnostic{Severity::warning, display_name(path), 0, 0, "",
                                    "the offerings were listed with --filters: they settle no zone's instance families", "collect them again without --filters"});
  }
  if (*shape == Shape::offerings)
    for (const auto& region : regions)
      if (!c.truncated_offering_regions.count(region)) c.offering_regions.insert(region);
  if (*shape != Shape::manifest) c.inputs.push_back(input);
}

// Files named on the command line, each directory replaced by every *.json
// below it; the manifest first, because it says what the others are.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, const FileSystem& fs) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    if (path != kStdinPath && fs.is_directory(path)) {
      auto found = fs.list_recursive(path, ".json");
      if (found.empty()) throw InputError(Diagnostic{Severity::error, display_name(path), 0, 0, "", "the directory holds no *.json file; " + expected_outputs(), {}});
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  std::stable_partition(files.begin(), files.end(), [](const std::string& f) { return f.size() >= 13 && f.substr(f.size() - 13) == "manifest.json"; });
  // A file named twice (a folder and a file in it) is read once.
  std::set<std::string> seen;
  std::erase_if(files, [&](const std::string& f) { return !seen.insert(f).second; });
  return files;
}

// ---- the overlay --------------------------------------------------------------

std::string source_text(const std::string& command, const std::string& region) {
  return region.empty() ? command : fmt::format("{} ({})", command, region);
}

// "US West (Salt Lake City) 1" -> "Salt Lake City"
std::string city_of_long_name(const std::string& long_name) {
  const auto open = long_name.rfind('(');
  const auto close = long_name.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  std::string city = long_name.substr(open + 1, close - open - 1);
  if (const auto dash = city.find(" - "); dash != std::string::npos) city = city.substr(dash + 3);
  return city;
}

Json type_families(const std::set<std::string>& types) {
  std::set<std::string> families;
  for (const auto& t : types) families.insert(t.substr(0, t.find('.')));
  return {{"families", families}, {"instance_types", types}};
}

struct OverlayBuilder {
  OverlayBuilder(const Catalog& base_catalog, const Collected& collected) : base(base_catalog), c(collected) {}
  const Catalog& base;
  const Collected& c;
  Json site_facts = Json::object();
  Json new_sites = Json::array();
  std::vector<std::string> gaps;
  std::vector<Diagnostic> warnings;

  Json& facts_of(const std::string& id) { return site_facts[id]; }

  void add_source(Json& facts, const std::string& source) {
    Json& sources = facts["sources"];
    if (!sources.is_array()) sources = Json::array();
    if (std::find(sources.begin(), sources.end(), source) == sources.end()) sources.push_back(source);
  }

  void regions() {
    if (!c.regions_listed) {
      gaps.push_back("Region opt-in: no aws ec2 describe-regions --all-regions output; opt-in Regions keep the documentation's \"enable it first\" condition");
      return;
    }
    for (const auto& site : base.sites) {
      if (site.kind != SiteKind::region) continue;
      Json& f = facts_of(site.id);
      add_source(f, "aws ec2 describe-regions");
      auto it = c.region_opt_in.find(site.id);
      f["seen"] = it != c.region_opt_in.end();
      if (it != c.region_opt_in.end()) f["opt_in_status"] = it->second;
    }
    std::vector<std::string> unknown;
    for (const auto& [region, status] : c.region_opt_in)
      if (!base.find_site(region)) unknown.push_back(region);
    if (!unknown.empty())
      gaps.push_back("Regions the account lists that the catalog does not have (not added: no location): " + util::join_list(unknown));
  }

  void zones() {
    std::set<std::string> covered;
    for (const auto& [region, complete] : c.zone_lists) covered.insert(region);
    for (const auto& [name, z] : c.zones) {
      if (z.type == "availability-zone") continue;
      const std::string source = source_text("aws ec2 describe-availability-zones", z.region);
      if (!base.find_site(name) && !new_site(name) && !add_new_zone(z)) continue;
      Json& f = facts_of(name);
      f["seen"] = true;
      if (!z.opt_in.empty()) f["opt_in_status"] = z.opt_in;
      if (!z.id.empty()) f["zone_id"] = z.id;
      if (!z.group.empty()) f["zone_group"] = z.group;
      if (!z.border_group.empty()) f["network_border_group"] = z.border_group;
      if (!z.state.empty()) f["state"] = z.state;
      add_source(f, source);
    }
    for (const auto& site : base.sites) {
      if (site.kind == SiteKind::region || !site.parent_region) continue;
      auto list = c.zone_lists.find(*site.parent_region);
      if (list == c.zone_lists.end() || c.zones.count(site.id)) continue;
      if (!list->second) continue;  // a list without the zones not opted in to proves nothing
      Json& f = facts_of(site.id);
      f["seen"] = false;
      add_source(f, source_text("aws ec2 describe-availability-zones --all-availability-zones", *site.parent_region));
    }
    for (const auto& [region, complete] : c.zone_lists)
      if (!complete)
        gaps.push_back(fmt::format("zones of {}: the zone list may leave out zones not opted in to (no --all-availability-zones in the manifest, and it lists none): zones missing from it are not flagged",
                                   region));
    std::vector<std::string> uncovered;
    std::set<std::string> with_zones;
    for (const auto& site : base.sites)
      if (site.parent_region && !covered.count(*site.parent_region)) with_zones.insert(*site.parent_region);
    uncovered.assign(with_zones.begin(), with_zones.end());
    if (!uncovered.empty())
      gaps.push_back("zone opt-in and visibility: no describe-availability-zones output for " + util::join_list(uncovered) +
                     "; their Local Zones and Wavelength Zones keep the documentation's facts");
  }

  bool new_site(const std::string& id) const {
    for (const auto& s : new_sites)
      if (s.value("id", "") == id) return true;
    return false;
  }

  // A zone the account sees and the catalog lacks: added where its long name
  // names a known metro (the catalog places every zone at its metro), else
  // reported as a gap. Whether it was added.
  bool add_new_zone(const Zone& z) {
    const std::string city = city_of_long_name(z.long_name);
    const Metro* metro = city.empty() ? nullptr : base.find_metro(city);
    if (!metro || !base.find_site(z.region)) {
      gaps.push_back(fmt::format("zone {} ({}{}): the account sees it but the catalog does not have it, and its name places it in no known metro; not added",
                                 z.name, z.type, z.long_name.empty() ? "" : ", \"" + z.long_name + "\""));
      return false;
    }
    const bool wavelength = z.type == "wavelength-zone";
    Json site = {{"id", z.name},
                 {"kind", wavelength ? "wavelength-zone" : "local-zone"},
                 {"name", z.long_name.empty() ? z.name : z.long_name},
                 {"parent_region", z.region},
                 {"country", metro->place.country},
                 {"subdivision", metro->place.subdivision ? Json(*metro->place.subdivision) : Json(nullptr)},
                 {"metro", metro->name},
                 {"lat", metro->place.point.lat},
                 {"lon", metro->place.point.lon},
                 {"location_basis", "metro named by the zone's GroupLongName (account view)"},
                 {"opt_in", false},
                 // Every Local Zone and Wavelength Zone runs EC2 and EBS in a VPC
                 // (how-local-zones-work, Wavelength architecture); the rest is unknown.
                 {"services", {{"all", false}, {"local", {"EBS", "EC2", "VPC"}}, {"probable", Json::array()}, {"unsupported", Json::array()}}},
                 {"instance_families", {{"status", "unknown"}, {"families", Json::array()}}},
                 {"source", {source_text("aws ec2 describe-availability-zones", z.region)}},
                 {"notes", "Seen by the account but not in the documentation the default catalog was built from: location from its name, services beyond EC2, EBS and VPC unknown."}};
    new_sites.push_back(site);
    warnings.push_back(Diagnostic{Severity::warning, "", 0, 0, "",
                                  fmt::format("zone {} is not in the catalog: added at {} (from its name \"{}\"); its services are unknown", z.name, metro->name, z.long_name), {}});
    return true;
  }

  void offerings() {
    for (const auto& [zone, types] : c.offerings) {
      const std::string region = region_of_zone_name(zone, base, c);
      if (c.truncated_offering_regions.count(region)) continue;
      const Site* site = base.find_site(zone);
      const bool zone_site = (site && site->kind != SiteKind::region) || new_site(zone);
      if (!zone_site) continue;
      Json& f = facts_of(zone);
      f["instance_families"] = type_families(types);
      add_source(f, source_text("aws ec2 describe-instance-type-offerings", region));
    }
    // A Region offers what any of its Availability Zones offers.
    std::map<std::string, std::set<std::string>> by_region;
    for (const auto& [zone, types] : c.offerings) {
      auto z = c.zones.find(zone);
      const bool az = (z != c.zones.end() && z->second.type == "availability-zone") || (z == c.zones.end() && !base.find_site(zone));
      if (!az) continue;
      const std::string region = region_of_zone_name(zone, base, c);
      if (!region.empty() && c.offering_regions.count(region)) by_region[region].insert(types.begin(), types.end());
    }
    for (const auto& [region, types] : by_region) {
      if (!base.find_site(region)) continue;
      Json& f = facts_of(region);
      f["instance_families"] = type_families(types);
      add_source(f, source_text("aws ec2 describe-instance-type-offerings", region));
    }
    // Opted-in zones of a covered Region with no offering: unknown stays unknown.
    for (const auto& [name, z] : c.zones)
      if (z.type != "availability-zone" && z.opt_in == "opted-in" && c.offering_regions.count(z.region) && !c.offerings.count(name))
        gaps.push_back(fmt::format("instance types of {}: the account has opted in, but the offerings of {} list none for it; its families stay as documented", name, z.region));
    std::set<std::string> want;
    for (const auto& [region, complete] : c.zone_lists) want.insert(region);
    for (const auto& region : c.truncated_offering_regions)
      gaps.push_back(fmt::format("instance types of {}: the offerings output is incomplete (NextToken) or filtered (--filters); its zones keep the documentation's families", region));
    std::vector<std::string> missing;
    for (const auto& region : want)
      if (!c.offering_regions.count(region) && !c.truncated_offering_regions.count(region)) missing.push_back(region);
    if (!missing.empty())
      gaps.push_back("instance types: no describe-instance-type-offerings output for " + util::join_list(missing) +
                     "; their zones keep the documentation's instance families");
  }

  Json existing_outposts() {
    Json out = Json::array();
    for (const auto& [id, o] : c.outposts) {
      Json j = {{"id", o.id}, {"name", o.name}, {"arn", o.arn}, {"owner_account", o.owner}, {"home_region", o.region},
                {"availability_zone", o.az}, {"hardware", o.hardware}, {"lifecycle_status", o.lifecycle}};
      Json sources = {source_text("aws outposts list-outposts", o.region)};
      Json site = {{"id", o.site_id}};
      if (auto s = c.sites.find(o.site_id); s != c.sites.end()) {
        const OutpostSite& st = s->second;
        site = {{"id", st.id}, {"name", st.name}, {"country", st.country}, {"state_or_region", st.state}, {"city", st.city}};
        if (st.power_kva) site["power_kva"] = *st.power_kva;
        if (st.uplink_gbps) site["uplink_gbps"] = *st.uplink_gbps;
        if (st.uplink_count) site["uplink_count"] = *st.uplink_count;
        if (st.max_weight_lbs) site["max_weight_lbs"] = *st.max_weight_lbs;
        sources.push_back(source_text("aws outposts list-sites", o.region));
      } else {
        gaps.push_back(fmt::format("Outpost {}: its site {} is not in any list-sites output; its address and rack facts are unknown", o.id, o.site_id));
      }
      j["site"] = site;
      if (auto t = c.outpost_types.find(o.id); t != c.outpost_types.end()) {
        j["instance_types"] = t->second;
        sources.push_back(source_text("aws outposts get-outpost-instance-types", o.region));
      } else {
        gaps.push_back(fmt::format("Outpost {}: no get-outpost-instance-types output; its instance types are unknown", o.id));
      }
      j["sources"] = sources;
      out.push_back(j);
    }
    for (const auto& [id, types] : c.outpost_types)
      if (!c.outposts.count(id)) gaps.push_back(fmt::format("instance types of Outpost {} were given, but no list-outposts output lists it; not used", id));
    return out;
  }

  Json catalog_items() {
    Json out = Json::array();
    for (const auto& item : c.catalog_items) {
      Json caps = Json::array();
      for (const auto& cap : item.ec2_capacities) caps.push_back({{"family", cap.family}, {"max_size", cap.max_size}, {"quantity", cap.quantity}});
      Json j = {{"id", item.id}, {"status", item.status}, {"ec2_capacities", caps}, {"uplink_gbps", item.uplink_gbps},
                {"storage", item.storage}, {"sources", item.sources}};
      j["power_kva"] = item.power_kva ? Json(*item.power_kva) : Json(nullptr);
      j["weight_lbs"] = item.weight_lbs ? Json(*item.weight_lbs) : Json(nullptr);
      out.push_back(j);
    }
    return out;
  }

  // A Region code, an Availability Zone id of the account's zone lists, or a
  // zone name: the catalog site it stands for.
  std::string site_of_place(const std::string& place) const {
    if (base.find_site(place)) return place;
    for (const auto& [name, z] : c.zones)
      if (z.id == place || z.name == place) return z.type == "availability-zone" ? z.region : z.name;
    return "";
  }

  Json measured_rtts() {
    // Median over the points of each pair (each point is AWS's own p50 over its period).
    std::map<std::pair<std::string, std::string>, std::vector<const NetworkPoint*>> pairs;
    for (const auto& p : c.network) pairs[{p.source, p.destination}].push_back(&p);
    Json out = Json::array();
    std::vector<std::string> unresolved;
    for (auto& [key, points] : pairs) {
      const std::string from = site_of_place(key.first), to = site_of_place(key.second);
      if (from.empty() || to.empty() || from == to) {
        unresolved.push_back(key.first + " -> " + key.second);
        continue;
      }
      std::vector<double> values;
      for (const auto* p : points) values.push_back(p->value);
      std::sort(values.begin(), values.end());
      const std::size_t n = values.size();
      const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
      out.push_back({{"from", from}, {"to", to}, {"rtt_ms", std::round(median * 100) / 100}, {"between", key.first + " -> " + key.second},
                     {"period", points.front()->period}, {"points", n},
                     {"source", source_text("aws ec2 get-aws-network-performance-data", points.front()->file_region)}});
    }
    if (!unresolved.empty())
      gaps.push_back("measured latency between places the catalog and the zone lists do not name (import the zone lists too): " + util::join_list(unresolved));
    return out;
  }
};

// The price list files when every input is `aws pricing get-products` output,
// nullopt when none is. Prices and the account's view go to different files
// (kind: Prices, a catalog overlay), so one import is one or the other.
std::optional<std::vector<aws_detail::PriceListFile>> price_lists(const std::vector<ParsedInput>& parsed, const Collected& c,
                                                                  const std::vector<Diagnostic>& errors) {
  std::vector<aws_detail::PriceListFile> prices;
  const ParsedInput* other = nullptr;
  for (const auto& input : parsed)
    if (input.shape == Shape::price_list) prices.push_back({input.path, &input.pages});
    else if (!other) other = &input;
  if (prices.empty()) return std::nullopt;
  if (!errors.empty()) throw InputError(errors);
  if (other || !c.manifest_files.empty())
    throw InputError(Diagnostic{Severity::error, display_name(prices.front().path), 0, 0, "",
                                fmt::format("aws pricing get-products output cannot be imported together with the account's outputs ({}): "
                                            "prices become a kind: Prices file, the account's view a catalog overlay",
                                            other ? display_name(other->path) : std::string("a collection manifest")),
                                "run edgeplan catalog import twice: once with the pricing outputs (-o prices.json), once with the others"});
  return prices;
}

std::string date_of(const std::string& timestamp) { return timestamp.size() >= 10 ? timestamp.substr(0, 10) : timestamp; }

bool valid_timestamp(const std::string& text) {
  return std::regex_match(text, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?"));
}

}  // namespace

const std::vector<std::string>& aws_import_commands() {
  static const std::vector<std::string> commands = [] {
    std::vector<std::string> out;
    for (const auto& s : kShapes) out.push_back(s.command);
    return out;
  }();
  return commands;
}

AwsImport import_aws_outputs(const std::vector<std::string>& paths, const FileSystem& fs, const Catalog& base, const AwsImportOptions& options) {
  Collected c;
  std::vector<Diagnostic> errors;
  std::vector<std::string> files = expand_inputs(paths, fs);
  std::vector<ParsedInput> parsed;
  for (std::size_t k = 0; k < files.size(); ++k) {
    const std::string path = files[k];
    auto text = fs.read(path);
    if (!text) {
      errors.push_back(Diagnostic{Severity::error, display_name(path), 0, 0, "", "cannot read file (" + fs.why_unreadable(path) + ")", {}});
      continue;
    }
    auto input = parse_input(path, *text, errors);
    if (!input) continue;
    if (input->shape != Shape::manifest) {
      parsed.push_back(std::move(*input));
      continue;
    }
    interpret(*input, base, c, errors);
    // A manifest brings the files it lists (`catalog import out/*.json` matches
    // no file in out/<region>/); each is read once.
    for (const auto& [file, entry] : c.manifest_files)
      if (std::find(files.begin(), files.end(), file) == files.end() && fs.exists(file)) files.push_back(file);
  }
  if (auto prices = price_lists(parsed, c, errors)) return aws_detail::import_price_lists(*prices, base, options);
  std::sort(parsed.begin(), parsed.end(), [](const ParsedInput& a, const ParsedInput& b) { return std::tie(a.shape, a.path) < std::tie(b.shape, b.path); });
  for (const auto& input : parsed) interpret(input, base, c, errors);
  if (options.captured_at) {
    if (!valid_timestamp(*options.captured_at))
      throw UsageError(fmt::format("--captured-at: expected an ISO 8601 date or time such as 2026-12-01T09:30:00Z, got \"{}\"", *options.captured_at));
    c.captured_at = *options.captured_at, c.captured_at_basis = "option";
  }
  if (options.account) c.account = *options.account, c.account_basis = "option";
  if (!errors.empty()) throw InputError(std::move(errors));
  if (c.inputs.empty())
    throw InputError(Diagnostic{Severity::error, "", 0, 0, "", "no AWS CLI output among the inputs (only a manifest); expected " + expected_outputs(), {}});

  OverlayBuilder b{base, c};
  b.regions();
  b.zones();
  b.offerings();
  Json outposts = b.existing_outposts();
  Json items = b.catalog_items();
  Json rtts = b.measured_rtts();
  if (c.outposts.empty()) b.gaps.push_back("existing Outposts: no aws outposts list-outposts output");
  if (c.catalog_items.empty()) b.gaps.push_back("Outposts rack configurations: no aws outposts list-catalog-items output; capacity planning keeps its stated assumptions");
  if (c.network.empty()) b.gaps.push_back("measured latency: no aws ec2 get-aws-network-performance-data output; every RTT is the model's estimate");
  for (const auto& failure : c.manifest_failures) b.gaps.push_back(failure);
  for (const auto& listed : c.manifest_files) {
    const std::string& file = listed.first;  // not a structured binding: clang 14 cannot capture one
    const bool given = std::any_of(c.inputs.begin(), c.inputs.end(), [&](const AwsInput& i) { return i.file == file; });
    if (!given) b.gaps.push_back(fmt::format("{}: listed in the manifest but not imported", file));
  }
  if (!c.captured_at) b.gaps.push_back("capture time unknown (no manifest and no --captured-at): the overlay's age cannot be checked");

  std::set<std::string> regions;
  for (const auto& input : c.inputs)
    if (!input.region.empty()) regions.insert(input.region);
  const std::string account = c.account.value_or("");
  const std::string captured = c.captured_at.value_or("");
  Json inputs = Json::array();
  for (const auto& i : c.inputs)
    inputs.push_back({{"file", i.file}, {"command", i.command}, {"region", i.region.empty() ? Json(nullptr) : Json(i.region)}, {"pages", i.pages}, {"records", i.records}});

  Json overlay = Json::object();
  overlay["apiVersion"] = "edgeplan/v1";
  overlay["kind"] = "Catalog";
  overlay["extends"] = "default";
  overlay["metadata"] = {{"name", options.name.empty() ? (account.empty() ? std::string("account") : "account-" + account) : options.name},
                         {"version", captured.empty() ? std::string("unknown") : captured},
                         {"date", captured.empty() ? Json(nullptr) : Json(date_of(captured))},
                         {"description", "What one AWS account sees, imported by edgeplan catalog import from AWS CLI output. Facts here override the default catalog's documentation facts for the sites they name."},
                         {"generator", "edgeplan catalog import"}};
  if (captured.empty()) overlay["metadata"].erase("date");
  overlay["account"] = {{"id", account.empty() ? Json(nullptr) : Json(account)},
                        {"id_basis", c.account_basis.empty() ? Json(nullptr) : Json(c.account_basis)},
                        {"captured_at", captured.empty() ? Json(nullptr) : Json(captured)},
                        {"captured_at_basis", c.captured_at_basis},
                        {"regions", regions},
                        {"inputs", inputs},
                        {"gaps", b.gaps}};
  overlay["site_facts"] = b.site_facts;
  if (!b.new_sites.empty()) overlay["sites"] = b.new_sites;
  if (!outposts.empty()) overlay["existing_outposts"] = outposts;
  if (!items.empty()) overlay["outposts"] = {{"catalog_items", items}};
  if (!rtts.empty()) overlay["measured_rtts"] = rtts;

  AwsImport result;
  result.overlay = std::move(overlay);
  result.inputs = c.inputs;
  result.gaps = b.gaps;
  result.warnings = c.warnings;
  result.warnings.insert(result.warnings.end(), b.warnings.begin(), b.warnings.end());
  return result;
}

}  // namespace edgeplan
