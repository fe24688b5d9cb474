// Portfolio aggregation: counts only, plus the workloads a reviewer must look
// at (no feasible placement, errors). Fed in input order, by one worker at a time.
#include <edgeplan/batch.hpp>

#include <algorithm>

namespace edgeplan {

std::vector<PortfolioSite> Portfolio::sites() const {
  std::vector<PortfolioSite> out;
  out.reserve(m_sites.size());
  for (const auto& [id, site] : m_sites) out.push_back(site);
  std::stable_sort(out.begin(), out.end(), [](const PortfolioSite& a, const PortfolioSite& b) { return a.count > b.count; });
  return out;
}

std::vector<PortfolioCount> Portfolio::by_site() const {
  std::vector<PortfolioCount> out;
  for (const auto& site : sites()) out.push_back({site.id, site.count});
  return out;
}

void Portfolio::add(const BatchResult& result) {
  ++m_workloads;
  switch (result.status) {
    case BatchStatus::ok: ++m_recommended; break;
    case BatchStatus::no_feasible: ++m_no_feasible; break;
    case BatchStatus::error: ++m_errors; break;
  }
  if (result.status == BatchStatus::error) {
    if (m_keep_workloads) m_failed.push_back(result);
    return;
  }
  if (result.status == BatchStatus::no_feasible && m_keep_workloads) m_infeasible.push_back(result);
  if (result.top) {
    ++m_by_kind[result.top->kind];
    ++m_by_region[result.top->region.empty() ? "(none)" : result.top->region];
    ++m_by_metro[result.top->metro.empty() ? "(unknown)" : result.top->metro];
    PortfolioSite& site = m_sites[result.top->id];
    if (site.count++ == 0) site = {result.top->id, result.top->kind, result.top->point, 1};
    if (const auto& cost = result.top->cost) {
      KindCost& k = m_cost_by_kind[result.top->kind];
      k.kind = result.top->kind;
      if (cost->monthly) ++k.priced, k.monthly += *cost->monthly;
      else ++k.unknown, k.unknown_at_least += cost->known_monthly;
      m_currency = cost->currency;
    }
  }
  if (result.robustness) {
    ++m_by_confidence[to_string(result.robustness->label)];
    if (result.robustness->label == Confidence::fragile && m_keep_workloads) m_fragile.push_back(result);
  }
  // A workload counts once per reason, however many of its candidates the reason excluded.
  for (const auto& reason : result.excluded_by) {
    ReasonCount& r = m_reasons[reason.label];
    r.label = reason.label;
    ++r.workloads;
    r.candidates += reason.count;
  }
}

std::vector<PortfolioCount> Portfolio::sorted(const std::map<std::string, int>& counts) {
  std::vector<PortfolioCount> out;
  out.reserve(counts.size());
  for (const auto& [label, count] : counts) out.push_back({label, count});
  // The map is ordered by label, so a stable sort by count breaks ties by label.
  std::stable_sort(out.begin(), out.end(), [](const PortfolioCount& a, const PortfolioCount& b) { return a.count > b.count; });
  return out;
}

std::vector<Portfolio::KindCost> Portfolio::cost_by_kind() const {
  std::vector<KindCost> out;
  for (const auto& [kind, cost] : m_cost_by_kind) out.push_back(cost);
  return out;
}

std::vector<ReasonCount> Portfolio::exclusion_reasons() const {
  std::vector<ReasonCount> out;
  out.reserve(m_reasons.size());
  for (const auto& [label, reason] : m_reasons) out.push_back(reason);
  std::stable_sort(out.begin(), out.end(), [](const ReasonCount& a, const ReasonCount& b) {
    return a.workloads != b.workloads ? a.workloads > b.workloads : a.candidates > b.candidates;
  });
  return out;
}

}  // namespace edgeplan
