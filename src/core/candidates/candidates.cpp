#include <edgeplan/candidates.hpp>

#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

namespace edgeplan {

namespace {


// How well a Region keeps the workload's data where residency wants it
// (lower is better): inside, then inside the country only, then abroad.
int residency_rank(const Residency& residency, const Place& place) {
  const std::string_view verdict = residency.verdict(place);
  if (verdict == "inside" || verdict == "unconstrained") return 0;
  if (verdict == "outside-country") return 2;
  return 1;
}

// How many of the services the workload needs locally, and the form factor
// offers (`offered`), the form factor lacks when homed to `region` (AWS lists
// an Outpost's local services per parent Region).
int services_lacking(const FormFactor& form_factor, const std::string& region, const std::vector<const std::string*>& offered) {
  auto table = form_factor.services_by_parent_region.find(region);
  if (table == form_factor.services_by_parent_region.end()) return 0;
  int lacking = 0;
  for (const std::string* s : offered) lacking += !table->second.count(*s);
  return lacking;
}

// What the choice of a parent Region weighs of each Region whatever the form
// factor: where residency puts the data and how far the Region is from the
// facility. Worked out once per facility and Region, as the form factors ask:
// every form factor offers most Regions.
class RegionKeys {
 public:
  RegionKeys(const Facility& facility, const Workload& workload, const Catalog& catalog)
      : m_facility(facility), m_workload(workload), m_catalog(catalog), m_keys(catalog.sites.size()) {}

  struct Key {
    int residency = 0;
    double distance_km = 0;
  };
  // Null when the catalog has no such Region.
  const Key* of(const std::string& code) {
    const Site* region = m_catalog.find_site(code);
    if (!region) return nullptr;
    std::optional<Key>& key = m_keys[static_cast<std::size_t>(region - m_catalog.sites.data())];
    if (!key) key = Key{residency_rank(m_workload.residency, region->place), distance_km(m_facility.place.point, region->place.point)};
    return &*key;
  }

 private:
  const Facility& m_facility;
  const Workload& m_workload;
  const Catalog& m_catalog;
  std::vector<std::optional<Key>> m_keys;  // by the Region's position in the catalog's sites
};

// The facility's declared parent Region, else the Region the customer would
// choose among those that can home this form factor: one that keeps data
// inside the residency boundary (an Outpost sends control-plane data, metrics
// and any regional data to its parent Region), then one that offers the
// services needed locally on the Outpost, then the nearest (the shortest
// service link).
std::optional<std::string> choose_parent_region(const Facility& facility, const FormFactor& form_factor, const Workload& workload,
                                                RegionKeys& keys) {
  if (facility.parent_region) return facility.parent_region;
  std::vector<const std::string*> offered;
  for (const auto& s : workload.services_local)
    if (form_factor.services_local.count(s)) offered.push_back(&s);
  const std::string* best = nullptr;
  std::tuple<int, int, double> best_key{};
  for (const auto& code : form_factor.parent_regions) {
    const RegionKeys::Key* region = keys.of(code);
    if (!region) continue;
    const std::tuple<int, int, double> key{region->residency, services_lacking(form_factor, code, offered), region->distance_km};
    if (!best || key < best_key) best_key = key, best = &code;
  }
  if (!best) return std::nullopt;
  return *best;
}

Candidate from_outposts(const Facility& facility, const FormFactor& form_factor, const Workload& workload, RegionKeys& keys) {
  Candidate c;
  c.id = outposts_candidate_id(facility.id, form_factor.id);
  c.kind = form_factor.kind;
  c.name = fmt::format("{} at {}", form_factor.name, facility.name.empty() ? facility.id : facility.name);
  c.parent_region = choose_parent_region(facility, form_factor, workload, keys);
  c.place = facility.place;
  c.form_factor = &form_factor;
  c.facility = &facility;
  return c;
}

const Facility* facility_of_site(const Workload& workload, const std::string& site_id) {
  if (site_id.empty()) return nullptr;
  for (const auto& facility : workload.customer.facilities)
    if (facility.outposts_site_id == site_id) return &facility;
  return nullptr;
}

// An existing Outpost is homed already, and stands where it stands: in the spec
// facility that names its Outposts site (its dependencies there are a LAN hop
// away), else at the metro of its site's city, else nowhere known.
Candidate from_existing(const AccountOutpost& outpost, const FormFactor& form_factor, const Workload& workload, const Catalog& catalog) {
  Candidate c;
  c.id = outpost.id;
  c.kind = form_factor.kind;
  c.parent_region = outpost.home_region;
  c.form_factor = &form_factor;
  c.existing = &outpost;
  c.facility = facility_of_site(workload, outpost.site_id);
  const std::string site = outpost.site_name.empty() ? outpost.site_id : outpost.site_name;
  if (c.facility) {
    c.placement = ExistingPlacement::facility;
    c.place = c.facility->place;
  } else if (const Metro* metro = outpost.city.empty() ? nullptr : catalog.find_metro(outpost.city)) {
    c.placement = ExistingPlacement::metro;
    c.place = metro->place;
  } else {
    // Somewhere in its country: enough for residency's country verdict, not for latency.
    c.placement = ExistingPlacement::unknown;
    c.place.country = outpost.country;
    c.place.label = outpost.city;
  }
  c.name = fmt::format("existing Outpost {} ({}) at {}", outpost.name, outpost.id,
                       c.facility ? (c.facility->name.empty() ? c.facility->id : c.facility->name) : site.empty() ? std::string("an unknown site") : site);
  return c;
}

}  // namespace

const char* to_string(ExistingPlacement placement) {
  switch (placement) {
    case ExistingPlacement::facility: return "facility";
    case ExistingPlacement::metro: return "metro";
    case ExistingPlacement::unknown: return "unknown";
  }
  return "unknown";
}

Candidate candidate_from_site(const Site& site) {
  Candidate c;
  c.id = site.id;
  c.kind = site.kind;
  c.name = site.name;
  c.parent_region = site.parent_region;
  c.place = site.place;
  c.site = &site;
  return c;
}

std::string outposts_candidate_id(const std::string& facility_id, const std::string& form_factor_id) {
  return facility_id + "/" + form_factor_id;
}

namespace {

void add_site_candidates(std::vector<Candidate>& out, const Catalog& catalog) {
  for (const auto& site : catalog.sites) out.push_back(candidate_from_site(site));
}

void add_workload_candidates(std::vector<Candidate>& out, const Workload& workload, const Catalog& catalog) {
  for (const auto& facility : workload.customer.facilities) {
    RegionKeys keys(facility, workload, catalog);
    for (const auto& form_factor : catalog.outposts.form_factors) out.push_back(from_outposts(facility, form_factor, workload, keys));
  }
  for (std::size_t i = 0; i < catalog.existing_outposts.size() && i < catalog.existing_form_factors.size(); ++i)
    out.push_back(from_existing(catalog.existing_outposts[i], catalog.existing_form_factors[i], workload, catalog));
}

std::size_t workload_candidate_count(const Workload& workload, const Catalog& catalog) {
  return workload.customer.facilities.size() * catalog.outposts.form_factors.size() + catalog.existing_outposts.size();
}

}  // namespace

std::vector<Candidate> build_candidates(const Workload& workload, const Catalog& catalog) {
  std::vector<Candidate> out;
  out.reserve(catalog.sites.size() + workload_candidate_count(workload, catalog));
  add_site_candidates(out, catalog);
  add_workload_candidates(out, workload, catalog);
  return out;
}

std::vector<Candidate> site_candidates(const Catalog& catalog) {
  std::vector<Candidate> out;
  out.reserve(catalog.sites.size());
  add_site_candidates(out, catalog);
  return out;
}

std::vector<Candidate> workload_candidates(const Workload& workload, const Catalog& catalog) {
  std::vector<Candidate> out;
  out.reserve(workload_candidate_count(workload, catalog));
  add_workload_candidates(out, workload, catalog);
  return out;
}

bool are_site_candidates_of(const std::vector<Candidate>& candidates, const Catalog& catalog) {
  if (candidates.size() != catalog.sites.size()) return false;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].site != &catalog.sites[i]) return false;
  return true;
}

// The same order as build_candidates, so that the same candidate is found first.
std::optional<Candidate> build_candidate(const Workload& workload, const Catalog& catalog, const std::string& id) {
  for (const auto& site : catalog.sites)
    if (site.id == id) return candidate_from_site(site);
  for (const auto& facility : workload.customer.facilities)
    for (const auto& form_factor : catalog.outposts.form_factors)
      if (outposts_candidate_id(facility.id, form_factor.id) == id) {
        RegionKeys keys(facility, workload, catalog);
        return from_outposts(facility, form_factor, workload, keys);
      }
  for (std::size_t i = 0; i < catalog.existing_outposts.size() && i < catalog.existing_form_factors.size(); ++i)
    if (catalog.existing_outposts[i].id == id) return from_existing(catalog.existing_outposts[i], catalog.existing_form_factors[i], workload, catalog);
  return std::nullopt;
}

}  // namespace edgeplan
