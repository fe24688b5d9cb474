#include "validate/semantic_validation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include <fmt/format.h>

#include <edgeplan/instance_catalog.hpp>

#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// Runs after apply_defaults: a share still below 0 was not given while others were.
void check_shares(const Workload& w, JsonReader& r) {
  if (w.users.empty()) return;
  const auto given = std::count_if(w.users.begin(), w.users.end(), [](const UserGroup& g) { return g.share >= 0; });
  for (const auto& g : w.users)
    if (g.share < 0) r.error(g.pointer, "missing \"share\": give every user group a share, or none (equal shares)");
  if (given != static_cast<long>(w.users.size())) return;
  double sum = 0;
  for (const auto& g : w.users) sum += g.share;
  if (std::fabs(sum - 1.0) > 0.001)
    r.error("/spec/users", fmt::format("user shares sum to {}; expected 1", util::format_number(sum)),
            "shares are fractions of traffic, e.g. 0.7 and 0.3");
}

void check_service_list(const std::vector<std::string>& services, const std::string& pointer, const Catalog& catalog, JsonReader& r) {
  std::vector<std::string> known;  // for hints: listed at the first unknown service
  for (std::size_t i = 0; i < services.size(); ++i) {
    if (catalog.service_vocabulary.count(services[i])) continue;
    if (known.empty()) known.assign(catalog.service_vocabulary.begin(), catalog.service_vocabulary.end());
    r.error(fmt::format("{}/{}", pointer, i), fmt::format("unknown service \"{}\"", services[i]),
            util::did_you_mean(services[i], known, fmt::format("known services: {}", util::join_list(known))));
  }
}

// Any AWS service may run in a Region: an unknown name there is only a warning
// (a typo would go unnoticed in the residency verdict, so say what it means).
void check_regional_services(const std::vector<std::string>& services, const Catalog& catalog, JsonReader& r) {
  std::vector<std::string> known;  // for hints: listed at the first unknown service
  for (std::size_t i = 0; i < services.size(); ++i) {
    if (catalog.regional_services.count(services[i]) || catalog.service_vocabulary.count(services[i])) continue;
    if (known.empty())
      for (const auto& [name, stores] : catalog.regional_services) known.push_back(name);
    r.warning(fmt::format("/spec/services/regional/{}", i),
              fmt::format("service \"{}\" is not in edgeplan's vocabulary: treated as one that stores no data in the Region", services[i]),
              util::did_you_mean(services[i], known));
  }
}

void check_services(const Workload& w, const Catalog& catalog, JsonReader& r) {
  check_service_list(w.services_local, "/spec/services/local", catalog, r);
  check_regional_services(w.services_regional, catalog, r);
  for (std::size_t i = 0; i < w.services_regional.size(); ++i)
    if (std::count(w.services_local.begin(), w.services_local.end(), w.services_regional[i]))
      r.warning(fmt::format("/spec/services/regional/{}", i),
                fmt::format("\"{}\" is listed as both local and regional; treated as local", w.services_regional[i]));
}

void check_subdivision(const Place& place, const std::string& pointer, JsonReader& r) {
  if (place.subdivision && !place.country.empty() && place.subdivision->rfind(place.country + "-", 0) != 0)
    r.error(pointer + "/subdivision", fmt::format("subdivision \"{}\" is not in country \"{}\"", *place.subdivision, place.country));
}

const Facility* find_facility(const Workload& w, const std::string& id) {
  for (const auto& f : w.customer.facilities)
    if (f.id == id) return &f;
  return nullptr;
}

std::vector<std::string> facility_ids(const Workload& w) {
  std::vector<std::string> ids;
  for (const auto& f : w.customer.facilities) ids.push_back(f.id);
  return ids;
}

void unknown_facility(const Workload& w, const std::string& pointer, const std::string& id, JsonReader& r) {
  r.error(pointer, fmt::format("unknown facility \"{}\"", id),
          util::did_you_mean(id, facility_ids(w), "declare it under spec.customer.facilities"));
}

void check_facilities(const Workload& w, JsonReader& r) {
  std::set<std::string> seen;
  for (const auto& f : w.customer.facilities) {
    if (!seen.insert(f.id).second) r.error(f.pointer + "/id", fmt::format("duplicate facility id \"{}\"", f.id));
    check_subdivision(f.place, f.pointer + "/location", r);
    if (f.parent_region && !std::count(f.parent_region->begin(), f.parent_region->end(), '-'))
      r.error(f.pointer + "/parent_region", fmt::format("expected a Region code such as \"us-east-1\", got \"{}\"", *f.parent_region));
  }
}

// An Outposts site the account view does not know leaves the facility without
// its existing Outpost: said, not refused (the view may be partial or old).
// Without an account view there is nothing to check against.
void check_outposts_sites(const Workload& w, const Catalog& catalog, JsonReader& r) {
  if (!catalog.account) return;
  std::vector<std::string> ids, known;
  for (const auto& o : catalog.existing_outposts) {
    if (std::count(ids.begin(), ids.end(), o.site_id)) continue;
    ids.push_back(o.site_id);
    known.push_back(o.site_name.empty() ? o.site_id : fmt::format("{} ({})", o.site_id, o.site_name));
  }
  for (const auto& f : w.customer.facilities) {
    if (!f.outposts_site_id || std::count(ids.begin(), ids.end(), *f.outposts_site_id)) continue;
    r.warning(f.pointer + "/outposts_site_id",
              fmt::format("no Outpost of the imported account view stands at Outposts site \"{}\": no existing Outpost is placed in facility \"{}\"",
                          *f.outposts_site_id, f.id),
              known.empty() ? std::string("the account view lists no Outposts")
                            : util::did_you_mean(*f.outposts_site_id, ids, fmt::format("known sites: {}", util::join_list(known))));
  }
}

void check_dependencies(const Workload& w, JsonReader& r) {
  for (const auto& d : w.dependencies) {
    if (d.facility) {
      if (!find_facility(w, *d.facility)) unknown_facility(w, d.pointer + "/facility", *d.facility, r);
    } else if (!d.location_given) {
      r.error(d.pointer, "expected \"facility\" or \"location\": where does this dependency run?");
    }
    check_subdivision(d.place, d.pointer + "/location", r);
  }
}

void check_residency(const Workload& w, JsonReader& r) {
  for (std::size_t i = 0; i < w.residency.subdivisions.size(); ++i) {
    const std::string country = w.residency.subdivisions[i].substr(0, 2);
    if (!w.residency.countries.empty() && !std::count(w.residency.countries.begin(), w.residency.countries.end(), country))
      r.error(fmt::format("/spec/residency/subdivisions/{}", i),
              fmt::format("subdivision \"{}\" lies outside the allowed countries ({})", w.residency.subdivisions[i],
                          util::join_list(w.residency.countries)),
              fmt::format("add \"{}\" to spec.residency.countries", country));
  }
}

// Every option id the spec can name: catalog sites, "<facility>/<form factor>" and the account's existing Outposts.
std::vector<std::string> option_ids(const Workload& w, const Catalog& catalog) {
  std::vector<std::string> ids;
  for (const auto& site : catalog.sites) ids.push_back(site.id);
  for (const auto& facility : w.customer.facilities)
    for (const auto& ff : catalog.outposts.form_factors) ids.push_back(facility.id + "/" + ff.id);
  for (const auto& outpost : catalog.existing_outposts) ids.push_back(outpost.id);
  return ids;
}

void check_option_id(const Workload& w, const Catalog& catalog, const std::string& pointer, const std::string& id, JsonReader& r) {
  const auto ids = option_ids(w, catalog);
  if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
  const std::string guess = util::did_you_mean(id, ids);
  r.error(pointer, fmt::format("unknown option \"{}\"", id),
          guess.empty() ? "expected a catalog site id (e.g. \"us-west-2-lax-1a\") or \"<facility>/<form factor>\""
                        : guess + " (`edgeplan recommend` lists option ids)");
}

void check_waivers(const Workload& w, const Catalog& catalog, JsonReader& r) {
  for (const auto& waiver : w.waivers) {
    // Real calendar dates only: "2026-02-30" is a typo, not a far-off expiry.
    if (!waiver.expires.empty() && !util::is_calendar_date(waiver.expires))
      r.error(waiver.pointer + "/expires", fmt::format("\"{}\" is not a calendar date", waiver.expires), "expected YYYY-MM-DD");
    if (waiver.option) check_option_id(w, catalog, waiver.pointer + "/option", *waiver.option, r);
  }
}

void check_proposed(const Workload& w, const Catalog& catalog, JsonReader& r) {
  if (!w.proposed) return;
  const Proposed& p = *w.proposed;
  if (!p.option && !p.form_factor) r.error("/spec/proposed", "expected \"option\", or \"form_factor\" with \"facility\"");
  if (p.option) check_option_id(w, catalog, "/spec/proposed/option", *p.option, r);
  if (p.form_factor && !catalog.find_form_factor(*p.form_factor)) {
    std::vector<std::string> ids;
    for (const auto& f : catalog.outposts.form_factors) ids.push_back(f.id);
    r.error("/spec/proposed/form_factor", fmt::format("unknown Outposts form factor \"{}\"", *p.form_factor),
            util::did_you_mean(*p.form_factor, ids, fmt::format("known: {}", util::join_list(ids))));
  }
  if (p.form_factor && !p.facility) r.error("/spec/proposed", "missing \"facility\": an Outposts form factor needs the facility it goes to");
  if (p.facility && !find_facility(w, *p.facility)) unknown_facility(w, "/spec/proposed/facility", *p.facility, r);
}

void check_instances(const Workload& w, JsonReader& r) {
  const InstanceCatalog& types = InstanceCatalog::embedded();
  for (std::size_t i = 0; i < w.compute.instances.size(); ++i) {
    const std::string& type = w.compute.instances[i].type;
    if (types.find(type)) continue;
    r.error(fmt::format("/spec/compute/instances/{}/type", i), fmt::format("unknown instance type \"{}\"", type),
            util::did_you_mean(type, types.names(), "the catalog's instance types are in rules/catalog/instance_types.json"));
  }
}

void check_weights(const Workload& w, JsonReader& r) {
  if (w.weights.empty()) return;
  double sum = 0;
  for (const auto& [factor, weight] : w.weights) sum += weight;
  if (sum <= 0) r.error("/spec/weights", "weights sum to 0; at least one factor needs a positive weight");
}

void check_users(const Workload& w, JsonReader& r) {
  for (const auto& g : w.users) {
    check_subdivision(g.place, g.pointer + "/location", r);
    if (g.access == AccessType::mobile_5g && !g.carrier)
      r.warning(g.pointer, "mobile-5g users without a \"carrier\": no Wavelength Zone can be matched to them",
                "add \"carrier\", e.g. \"Verizon\"");
  }
  if (w.latency.users_max_rtt_ms && w.users.empty())
    r.error("/spec/latency/users", "a user latency requirement needs at least one entry in spec.users");
}

}  // namespace

void validate_semantics(const Workload& workload, const Catalog& catalog, JsonReader& reader) {
  check_shares(workload, reader);
  check_users(workload, reader);
  check_services(workload, catalog, reader);
  check_facilities(workload, reader);
  check_outposts_sites(workload, catalog, reader);
  check_dependencies(workload, reader);
  check_residency(workload, reader);
  check_proposed(workload, catalog, reader);
  check_waivers(workload, catalog, reader);
  check_weights(workload, reader);
  check_instances(workload, reader);
}

}  // namespace edgeplan
