#include "load/workload_reader.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// Counts are read as ints; the schema states each one's own limit (lower),
// this only keeps a value the schema let through from ever overflowing an int.
constexpr int kMaxCount = std::numeric_limits<int>::max();

std::optional<Place> read_location(JsonReader& r, const std::string& p, const Catalog& catalog) {
  if (!r.find(p)) return std::nullopt;
  auto metro_name = r.string(p + "/metro");
  auto lat = r.number(p + "/lat");
  auto lon = r.number(p + "/lon");
  Place place;
  if (metro_name) {
    const Metro* metro = catalog.find_metro(*metro_name);
    if (!metro) {
      const std::string guess = util::did_you_mean(*metro_name, catalog.metro_names());
      r.error(p + "/metro", fmt::format("unknown metro \"{}\"", *metro_name),
              guess.empty() ? "give lat, lon and country instead (rules/catalog/metros.json lists the known metros)"
                            : guess + " Or give lat, lon and country instead");
      return std::nullopt;
    }
    place = metro->place;
  } else if (!lat || !lon) {
    r.error(p, "expected either \"metro\" or both \"lat\" and \"lon\"");
    return std::nullopt;
  }
  if (lat && lon) {
    place.point = {*lat, *lon};
    // (Not value_or: its argument would be formatted for every named metro too.)
    place.label = metro_name ? *metro_name : fmt::format("{},{}", util::format_number(*lat), util::format_number(*lon));
  }
  if (auto country = r.string(p + "/country")) place.country = *country;
  if (auto subdivision = r.string(p + "/subdivision")) place.subdivision = *subdivision;
  if (place.country.empty()) r.error(p, "missing required field \"country\" (needed for residency when no metro is named)");
  return place;
}

std::vector<UserGroup> read_users(JsonReader& r, const Catalog& catalog) {
  std::vector<UserGroup> users;
  for (const auto& p : r.elements("/spec/users")) {
    UserGroup g;
    g.pointer = p;
    g.name = r.string(p + "/name").value_or("users");
    if (auto place = read_location(r, p + "/location", catalog)) g.place = *place;
    g.share = r.number(p + "/share").value_or(-1);  // -1: not given, shared out evenly later
    if (auto access = r.string(p + "/access")) g.access = access_type_from_string(*access).value_or(AccessType::fixed);
    g.carrier = r.string(p + "/carrier");
    users.push_back(std::move(g));
  }
  return users;
}

std::vector<Dependency> read_dependencies(JsonReader& r, const Catalog& catalog) {
  std::vector<Dependency> out;
  for (const auto& p : r.elements("/spec/latency/dependencies")) {
    Dependency d;
    d.pointer = p;
    d.name = r.string(p + "/name").value_or("dependency");
    d.max_rtt_ms = r.number(p + "/max_rtt_ms").value_or(0);
    d.facility = r.string(p + "/facility");
    if (auto place = read_location(r, p + "/location", catalog)) d.place = *place, d.location_given = true;
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Facility> read_facilities(JsonReader& r, const Catalog& catalog) {
  std::vector<Facility> out;
  for (const auto& p : r.elements("/spec/customer/facilities")) {
    Facility f;
    f.pointer = p;
    f.id = r.string(p + "/id").value_or("");
    f.name = r.string(p + "/name").value_or(f.id);
    if (auto place = read_location(r, p + "/location", catalog)) f.place = *place;
    f.power_kva = r.number(p + "/power_kva");
    if (auto units = r.integer(p + "/rack_units", 0, kMaxCount)) f.rack_units = *units;
    if (auto count = r.integer(p + "/uplinks/count", 0, kMaxCount)) f.uplinks = *count;
    f.uplink_speed_gbps = r.number(p + "/uplinks/speed_gbps");
    f.service_link_mbps = r.number(p + "/service_link_mbps");
    f.parent_region = r.string(p + "/parent_region");
    f.outposts_site_id = r.string(p + "/outposts_site_id");
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<Waiver> read_waivers(JsonReader& r) {
  std::vector<Waiver> out;
  for (const auto& p : r.elements("/spec/waivers")) {
    Waiver w;
    w.pointer = p;
    w.rule = r.string(p + "/rule").value_or("");
    w.reason = r.string(p + "/reason").value_or("");
    w.owner = r.string(p + "/owner").value_or("");
    w.expires = r.string(p + "/expires").value_or("");
    w.option = r.string(p + "/option");
    w.ticket = r.string(p + "/ticket").value_or("");
    out.push_back(std::move(w));
  }
  return out;
}

Compute read_compute(JsonReader& r) {
  Compute c;
  c.vcpu = r.number("/spec/compute/vcpu").value_or(0);
  c.memory_gib = r.number("/spec/compute/memory_gib").value_or(0);
  c.gpus = r.integer("/spec/compute/gpus", 0, kMaxCount).value_or(0);
  c.instance_families = r.strings("/spec/compute/instance_families");
  for (const auto& p : r.elements("/spec/compute/instances"))
    c.instances.push_back({r.string(p + "/type").value_or(""), r.integer(p + "/count", 0, kMaxCount).value_or(0)});
  c.ebs_tb = r.number("/spec/compute/storage/ebs_tb").value_or(0);
  c.s3_tb = r.number("/spec/compute/storage/s3_tb").value_or(0);
  c.annual_growth = r.number("/spec/compute/growth/annual_rate").value_or(0);
  c.horizon_years = r.number("/spec/compute/growth/horizon_years").value_or(0);
  if (auto spare = r.integer("/spec/compute/policy/spare_hosts", 0, kMaxCount)) c.spare_hosts = *spare;
  if (auto ceiling = r.number("/spec/compute/policy/max_utilization_percent")) c.max_utilization = *ceiling / 100.0;
  return c;
}

// A spec read section by section. Each reader sets every member of the model
// its section fills, whether the section is there or not, so that reading a
// section over a model replaces whatever that section gave it before.
void read_metadata(JsonReader& r, const Catalog&, WorkloadModel& w) {
  w.name = r.string("/metadata/name").value_or("");
  w.description = r.string("/metadata/description").value_or("");
}

void read_user_groups(JsonReader& r, const Catalog& catalog, WorkloadModel& w) { w.users = read_users(r, catalog); }

void read_user_latency(JsonReader& r, const Catalog&, WorkloadModel& w) {
  w.latency.users_max_rtt_ms = r.number("/spec/latency/users/max_rtt_ms");
  w.latency.percentile = r.string("/spec/latency/users/percentile").value_or("p95");
  w.latency.includes_access = r.boolean("/spec/latency/users/includes_access").value_or(true);
}

void read_dependency_list(JsonReader& r, const Catalog& catalog, WorkloadModel& w) { w.dependencies = read_dependencies(r, catalog); }

void read_residency(JsonReader& r, const Catalog&, WorkloadModel& w) {
  w.residency.countries = r.strings("/spec/residency/countries");
  w.residency.subdivisions = r.strings("/spec/residency/subdivisions");
}

void read_services(JsonReader& r, const Catalog&, WorkloadModel& w) {
  w.services_local = r.strings("/spec/services/local");
  w.services_regional = r.strings("/spec/services/regional");
}

void read_compute_section(JsonReader& r, const Catalog&, WorkloadModel& w) { w.compute = read_compute(r); }

void read_customer(JsonReader& r, const Catalog& catalog, WorkloadModel& w) {
  w.customer.facilities = read_facilities(r, catalog);
  w.customer.support_plan = r.string("/spec/customer/support_plan");
  w.customer.operates_hardware = r.boolean("/spec/customer/operates_hardware");
  w.customer.owns_outposts_servers = r.boolean("/spec/customer/owns_outposts_servers");
}

void read_weights(JsonReader& r, const Catalog&, WorkloadModel& w) {
  w.weights.clear();
  if (const Json* weights = r.find("/spec/weights"); weights && weights->is_object())
    for (const auto& [factor, value] : weights->items())
      if (value.is_number()) w.weights[factor] = value.get<double>();
}

void read_proposed(JsonReader& r, const Catalog&, WorkloadModel& w) {
  w.proposed.reset();
  if (r.find("/spec/proposed"))
    w.proposed = Proposed{r.string("/spec/proposed/option"), r.string("/spec/proposed/form_factor"), r.string("/spec/proposed/facility")};
}

void read_cost(JsonReader& r, const Catalog&, WorkloadModel& w) {
  w.cost.data_transfer_out_gb_per_month = r.number("/spec/cost/data_transfer_out_gb_per_month");
}

void read_resilience(JsonReader& r, const Catalog&, WorkloadModel& w) {
  w.resilience.reset();
  if (r.find("/spec/resilience")) {
    Resilience& res = w.resilience.emplace();
    res.fallback = r.string("/spec/resilience/fallback").value_or("required");
    res.degraded_max_rtt_ms = r.number("/spec/resilience/degraded_max_rtt_ms");
    res.separate_parent_region = r.boolean("/spec/resilience/separate_parent_region").value_or(false);
    res.proposed_fallback = r.string("/spec/resilience/proposed_fallback");
  }
}

void read_waiver_list(JsonReader& r, const Catalog&, WorkloadModel& w) { w.waivers = read_waivers(r); }

struct Section {
  std::string_view pointer;  // every value the reader reads is at or under it
  void (*read)(JsonReader&, const Catalog&, WorkloadModel&);
};

// In the order a spec is read, which is the order of its errors.
constexpr Section kSections[] = {
    {"/metadata", read_metadata},
    {"/spec/users", read_user_groups},
    {"/spec/latency/users", read_user_latency},
    {"/spec/latency/dependencies", read_dependency_list},
    {"/spec/residency", read_residency},
    {"/spec/services", read_services},
    {"/spec/compute", read_compute_section},
    {"/spec/customer", read_customer},
    {"/spec/weights", read_weights},
    {"/spec/proposed", read_proposed},
    {"/spec/cost", read_cost},
    {"/spec/resilience", read_resilience},
    {"/spec/waivers", read_waiver_list},
};

// Whether a change at JSON Pointer `path` can change what is read under `section`:
// the path is the section, under it, or above it (the root included).
bool touches(std::string_view path, std::string_view section) {
  const std::string_view shorter = path.size() < section.size() ? path : section;
  const std::string_view longer = path.size() < section.size() ? section : path;
  return longer.substr(0, shorter.size()) == shorter && (longer.size() == shorter.size() || longer[shorter.size()] == '/');
}

}  // namespace

Workload read_workload(JsonReader& r, const Catalog& catalog) {
  Workload w;
  for (const Section& section : kSections) section.read(r, catalog, w);
  w.source_name = r.document().name();
  return w;
}

Workload reread_workload(JsonReader& r, const Catalog& catalog, const WorkloadModel& before, const std::vector<PatchChange>& changes) {
  Workload w;
  static_cast<WorkloadModel&>(w) = before;
  for (const Section& section : kSections)
    if (std::any_of(changes.begin(), changes.end(), [&](const PatchChange& change) { return touches(change.pointer, section.pointer); }))
      section.read(r, catalog, w);
  w.source_name = r.document().name();
  return w;
}

}  // namespace edgeplan
