#pragma once
// Candidates stage: every catalog site, plus every Outposts form factor at
// every customer facility. Nothing is filtered here: rules decide, and every
// candidate ends ranked or excluded with reasons.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/catalog.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

struct Candidate {
  std::string id;  // site id, or "<facility>/<form factor>" for Outposts
  SiteKind kind = SiteKind::region;
  std::string name;
  std::optional<std::string> parent_region;
  Place place;
  const Site* site = nullptr;               // Regions and zones
  const FormFactor* form_factor = nullptr;  // Outposts
  const Facility* facility = nullptr;       // Outposts
  bool is_outposts() const { return form_factor != nullptr; }
};

std::vector<Candidate> build_candidates(const Workload& workload, const Catalog& catalog);

// The candidate for one catalog site (Region or zone).
Candidate candidate_from_site(const Site& site);

// "plant-1/rack-gen2-single"
std::string outposts_candidate_id(const std::string& facility_id, const std::string& form_factor_id);

}  // namespace edgeplan
