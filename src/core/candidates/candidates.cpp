#include <edgeplan/candidates.hpp>

#include <limits>

#include <fmt/format.h>

namespace edgeplan {

namespace {


// The facility's declared parent Region, else the nearest Region that can home
// this form factor: the service link is shortest there.
std::optional<std::string> choose_parent_region(const Facility& facility, const FormFactor& form_factor, const Catalog& catalog) {
  if (facility.parent_region) return facility.parent_region;
  std::optional<std::string> best;
  double best_km = std::numeric_limits<double>::max();
  for (const auto& code : form_factor.parent_regions) {
    const Site* region = catalog.find_site(code);
    if (!region) continue;
    double km = distance_km(facility.place.point, region->place.point);
    if (km < best_km) best_km = km, best = code;
  }
  return best;
}

Candidate from_outposts(const Facility& facility, const FormFactor& form_factor, const Catalog& catalog) {
  Candidate c;
  c.id = outposts_candidate_id(facility.id, form_factor.id);
  c.kind = form_factor.kind;
  c.name = fmt::format("{} at {}", form_factor.name, facility.name.empty() ? facility.id : facility.name);
  c.parent_region = choose_parent_region(facility, form_factor, catalog);
  c.place = facility.place;
  c.form_factor = &form_factor;
  c.facility = &facility;
  return c;
}

}  // namespace

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

std::vector<Candidate> build_candidates(const Workload& workload, const Catalog& catalog) {
  std::vector<Candidate> out;
  out.reserve(catalog.sites.size() + workload.customer.facilities.size() * catalog.outposts.form_factors.size());
  for (const auto& site : catalog.sites) out.push_back(candidate_from_site(site));
  for (const auto& facility : workload.customer.facilities)
    for (const auto& form_factor : catalog.outposts.form_factors) out.push_back(from_outposts(facility, form_factor, catalog));
  return out;
}

}  // namespace edgeplan
