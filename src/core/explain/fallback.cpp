#include <edgeplan/fallback.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include <edgeplan/latency_model.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

bool is_zone(const Candidate& c) { return c.kind == SiteKind::local_zone || c.kind == SiteKind::wavelength_zone; }

// The group AWS advertises a zone's addresses from: the account's observation
// when imported; a Local Zone's zone group ("us-west-2-lax-1"); a Wavelength
// Zone is its own (its zone group spans a carrier's zones in the Region).
std::string network_border_group(const Site& site) {
  if (site.account && site.account->network_border_group) return *site.account->network_border_group;
  return site.kind == SiteKind::local_zone ? zone_group_of(site) : site.id;
}

// The Region whose control plane the option depends on.
std::string home_region(const Candidate& c) { return c.kind == SiteKind::region ? c.id : c.parent_region.value_or(""); }

// Outposts within this distance of each other without a facility id to compare sit in one building.
constexpr double kSameBuildingKm = 1.0;

bool same_facility(const Candidate& a, const Candidate& b) {
  if (!a.is_outposts() || !b.is_outposts()) return false;
  if (a.facility && b.facility) return a.facility->id == b.facility->id;
  return distance_km(a.place.point, b.place.point) <= kSameBuildingKm;
}

bool same_metro(const Candidate& a, const Candidate& b) {
  if (a.site && b.site && !a.site->metro.empty() && a.site->metro == b.site->metro) return true;
  return distance_km(a.place.point, b.place.point) <= latency::kMetroRadiusKm;
}

std::string metro_name(const Candidate& a) { return a.site && !a.site->metro.empty() ? a.site->metro : a.place.label; }

// A degraded fallback: excluded by latency budgets alone, each with a number.
std::optional<FallbackChoice> degraded_choice(const Evaluation& e, const Resilience& resilience) {
  FallbackChoice choice;
  choice.evaluation = &e;
  choice.degraded = true;
  for (const auto& f : e.exclusions) {
    if (f.factor != "latency" || !f.measured.is_number()) return std::nullopt;
    choice.relaxed.push_back(&f);
    choice.worst_rtt_ms = std::max(choice.worst_rtt_ms.value_or(0.0), f.measured.get<double>());
  }
  if (resilience.degraded_max_rtt_ms) {
    if (*choice.worst_rtt_ms > *resilience.degraded_max_rtt_ms) return std::nullopt;
  } else {
    choice.to_verify.push_back(fmt::format("that the workload can run in degraded mode at {} ms (spec.resilience.degraded_max_rtt_ms is not set)",
                                           util::format_number(*choice.worst_rtt_ms)));
  }
  return choice;
}

}  // namespace

std::optional<FallbackChoice> acceptable_fallback(const Evaluation& e, const Resilience& resilience) {
  if (!e.excluded()) {
    FallbackChoice choice;
    choice.evaluation = &e;
    return choice;
  }
  return degraded_choice(e, resilience);
}

namespace {

// Fallbacks that meet every requirement first; among degraded ones the lower
// RTT (how the workload runs there matters more than a Region-wide event);
// then fewer shared dependencies, then the better score (ties by id: output
// never depends on catalog order).
auto preference(const FallbackChoice& c) {
  // Whole milliseconds: a tenth of a millisecond does not outweigh a shared dependency.
  return std::make_tuple(c.degraded, std::round(c.worst_rtt_ms.value_or(0.0)), c.shared.size(), -c.evaluation->score, c.evaluation->candidate->id);
}

bool shares_parent(const Candidate& a, const Candidate& b) {
  const std::string home = home_region(a);
  return !home.empty() && home == home_region(b);
}

}  // namespace

bool same_failure_domain(const Candidate& a, const Candidate& b) { return !failure_domain_conflict(a, b, Resilience{}).empty(); }

std::string failure_domain_conflict(const Candidate& primary, const Candidate& fallback, const Resilience& resilience) {
  if (primary.id == fallback.id) return "the same site";
  if (same_facility(primary, fallback))
    return primary.facility ? fmt::format("the same facility {}", primary.facility->id) : std::string("the same building");
  if (is_zone(primary) && is_zone(fallback) && primary.site && fallback.site) {
    const std::string group = network_border_group(*primary.site);
    if (group == network_border_group(*fallback.site)) return fmt::format("the same network border group {}", group);
  }
  if (resilience.separate_parent_region && shares_parent(primary, fallback))
    return fmt::format("the {} control plane, ruled out by separate_parent_region", home_region(primary));
  return {};
}

std::vector<std::string> shared_dependencies(const Candidate& a, const Candidate& b) {
  std::vector<std::string> out;
  if (shares_parent(a, b)) out.push_back(fmt::format("the {} control plane (parent Region of both)", home_region(a)));
  if (same_metro(a, b)) out.push_back(fmt::format("the {} metro area (power grid, fibre routes, regional disasters)", metro_name(a)));
  if (a.site && b.site && a.site->carrier && a.site->carrier == b.site->carrier)
    out.push_back(fmt::format("the {} 5G network", *a.site->carrier));
  return out;
}

std::optional<FallbackChoice> best_fallback(const Report& report, const Evaluation& primary, const Resilience& resilience,
                                            std::vector<FallbackPlan::PassedOver>* passed_over) {
  std::optional<FallbackChoice> best;
  const Candidate& p = *primary.candidate;
  for (const auto& e : report.evaluations) {
    if (&e == &primary) continue;
    if (std::string why = failure_domain_conflict(p, *e.candidate, resilience); !why.empty()) {
      if (passed_over && acceptable_fallback(e, resilience)) passed_over->push_back({e.candidate->id, std::move(why)});
      continue;
    }
    auto choice = acceptable_fallback(e, resilience);
    if (!choice) continue;
    choice->shared = shared_dependencies(p, *e.candidate);
    if (!best || preference(*choice) < preference(*best)) best = std::move(choice);
  }
  return best;
}

FallbackPlan plan_fallback(const Report& report, const Resilience& resilience) {
  FallbackPlan plan;
  plan.requirement = resilience.fallback;
  if (report.ranked.empty()) {
    plan.note = "nothing is eligible as a primary";
    return plan;
  }
  const Evaluation& winner = *report.ranked.front().evaluation;
  plan.primary = &winner;
  plan.fallback = best_fallback(report, winner, resilience, &plan.passed_over);
  if (plan.fallback && !plan.fallback->degraded) return plan;
  // The winner has no fallback that meets every requirement: does another primary?
  for (std::size_t i = 1; i < report.ranked.size(); ++i) {
    const Evaluation& primary = *report.ranked[i].evaluation;
    std::vector<FallbackPlan::PassedOver> passed_over;
    auto choice = best_fallback(report, primary, resilience, &passed_over);
    if (!choice || choice->degraded) continue;
    plan.note = fmt::format("{}, the top option, has no fallback outside its failure domain that meets every requirement{}; {} (rank {}) has one",
                            winner.candidate->id, plan.fallback ? fmt::format(" (best: {}, degraded)", plan.fallback->evaluation->candidate->id) : "",
                            primary.candidate->id, i + 1);
    plan.primary = &primary;
    plan.fallback = std::move(choice);
    plan.passed_over = std::move(passed_over);
    return plan;
  }
  if (!plan.fallback) plan.note = no_fallback_text(*winner.candidate, resilience);
  return plan;
}

std::string no_fallback_text(const Candidate& primary, const Resilience& resilience) {
  return fmt::format("no option outside the failure domain of {} meets the requirements, even with only its latency budgets relaxed{}", primary.id,
                     resilience.degraded_max_rtt_ms ? fmt::format(" (up to {} ms)", util::format_number(*resilience.degraded_max_rtt_ms)) : "");
}

}  // namespace edgeplan
