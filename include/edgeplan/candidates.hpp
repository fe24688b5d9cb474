#pragma once
// Candidates stage: every catalog site, every Outposts form factor at every
// customer facility, and every Outpost the account already has (an imported
// account view). Nothing is filtered here: rules decide, and every candidate
// ends ranked or excluded with reasons.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/catalog.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

// Where an existing Outpost is placed: in the spec facility that names its
// site (outposts_site_id), at the metro of its site's city (approximate), or
// nowhere known (the rules exclude it).
enum class ExistingPlacement { facility, metro, unknown };
const char* to_string(ExistingPlacement placement);  // "facility", "metro", "unknown"

struct Candidate {
  std::string id;  // site id, "<facility>/<form factor>" for new Outposts, the Outpost id ("op-...") for an existing one
  SiteKind kind = SiteKind::region;
  std::string name;
  std::optional<std::string> parent_region;
  Place place;
  const Site* site = nullptr;               // Regions and zones
  const FormFactor* form_factor = nullptr;  // Outposts
  const Facility* facility = nullptr;       // Outposts; null for an existing Outpost no facility names
  const AccountOutpost* existing = nullptr;  // an Outpost the account already has
  ExistingPlacement placement = ExistingPlacement::facility;  // existing Outposts only
  bool is_outposts() const { return form_factor != nullptr; }
};

// Every option for the workload: the catalog's sites (site_candidates), then
// its Outposts (workload_candidates).
std::vector<Candidate> build_candidates(const Workload& workload, const Catalog& catalog);
// The catalog's Regions and zones, in catalog order: the same for every
// workload, so a caller that evaluates many may make them once.
std::vector<Candidate> site_candidates(const Catalog& catalog);
// The workload's own options, after the sites: new Outposts at each of its
// facilities, then the account's existing Outposts.
std::vector<Candidate> workload_candidates(const Workload& workload, const Catalog& catalog);
// Whether `candidates` are site_candidates(catalog) of this very catalog (its sites, in order).
bool are_site_candidates_of(const std::vector<Candidate>& candidates, const Catalog& catalog);

// The first candidate build_candidates would give with this id, built alone.
std::optional<Candidate> build_candidate(const Workload& workload, const Catalog& catalog, const std::string& id);

// The candidate for one catalog site (Region or zone).
Candidate candidate_from_site(const Site& site);

// "plant-1/rack-gen2-single"
std::string outposts_candidate_id(const std::string& facility_id, const std::string& form_factor_id);

}  // namespace edgeplan
