#pragma once
// Primary + fallback (explain stage): the best pair of placements where the
// fallback does not share the primary's failure domain, and what they still
// share. rules/README.md ("A fallback in a separate failure domain") states
// the rules below with their sources.
//
// Same failure domain (never a fallback):
//   - the same site; Outposts at the same customer facility (one building's
//     power and network), whatever their form factor;
//   - two Local Zones or Wavelength Zones in the same network border group
//     (AWS advertises a zone's addresses from its border group, and the zones
//     of a Local Zone group share one: they fail together).
// Shared dependencies (allowed, listed as conditions):
//   - the same parent Region: a zone's and an Outpost's control plane runs in
//     it (Outposts user guide, "Outposts connectivity to AWS Regions"; Local
//     Zones user guide) — forbidden instead with spec.resilience.separate_parent_region;
//   - the same metro area (within 50 km, or one catalog metro): power grid,
//     fibre routes and regional disasters;
//   - the same carrier (two Wavelength Zones of one carrier's 5G network).
// The fallback meets every requirement, or misses only latency budgets —
// degraded mode — within spec.resilience.degraded_max_rtt_ms when the spec sets
// it (unset: shown, with a condition to confirm degraded mode is acceptable).
// Residency, services, capacity and the rest are never relaxed for a fallback.
#include <optional>

#include <edgeplan/report.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

// Whether `b` is in `a`'s failure domain (see above).
bool same_failure_domain(const Candidate& a, const Candidate& b);
// What `a` and `b` share, in words ("the us-west-2 control plane (parent Region)", …).
std::vector<std::string> shared_dependencies(const Candidate& a, const Candidate& b);

// `option` as a fallback, failure domains aside: it meets every requirement, or
// misses only latency budgets within spec.resilience.degraded_max_rtt_ms.
std::optional<FallbackChoice> acceptable_fallback(const Evaluation& option, const Resilience& resilience);
// Why `fallback` may not serve `primary` — "the same network border group
// us-west-2-lax-1", or, with separate_parent_region, "the us-west-2 control plane,
// ruled out by separate_parent_region" — or "" when it may.
std::string failure_domain_conflict(const Candidate& primary, const Candidate& fallback, const Resilience& resilience);

// The best fallback for `primary` among the report's options, if any is acceptable.
// `passed_over`, when given, gets the acceptable options passed over for sharing its failure domain.
std::optional<FallbackChoice> best_fallback(const Report& report, const Evaluation& primary, const Resilience& resilience,
                                            std::vector<FallbackPlan::PassedOver>* passed_over = nullptr);

// "no option outside the failure domain of X meets the requirements, even with
// only its latency budgets relaxed (up to 50 ms)": the plan's note and check's finding.
std::string no_fallback_text(const Candidate& primary, const Resilience& resilience);

// The best pair: the highest-ranked primary whose fallback meets every
// requirement; else the winner with its best degraded fallback; else the
// winner alone, with the reason in `note`.
FallbackPlan plan_fallback(const Report& report, const Resilience& resilience);

}  // namespace edgeplan
