#pragma once
// `edgeplan capacity`: a sizing plan for every Outposts candidate, instance
// availability at the other sites, and optionally the fit on an existing Outpost.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/capacity.hpp>
#include <edgeplan/pipeline.hpp>

namespace edgeplan {

struct OutpostsPlan {
  std::string candidate_id;  // "<facility>/<form factor>"
  const Facility* facility = nullptr;
  const FormFactor* form_factor = nullptr;
  SizingPlan plan;
  bool power_ok = true;  // facility power >= plan power (unknown facility power: true)
  bool space_ok = true;
  bool fits() const { return plan.feasible && power_ok && space_ok; }
};

struct SiteAvailability {
  std::string id;
  std::string kind;
  std::string knowledge;  // elastic | known | partial | unknown
  std::vector<std::string> matched, missing, unverified;
};

struct CapacityReport {
  std::string workload;
  Demand demand;
  std::vector<std::string> requested_families;
  SizingPolicy policy;
  std::vector<OutpostsPlan> plans;
  std::vector<SiteAvailability> availability;
  std::optional<SharedOutpostCheck> shared;
  Provenance provenance;
};

CapacityReport plan_capacity(const LoadedWorkload& workload, const Engine& engine, const ExistingOutpost* shared);

}  // namespace edgeplan
