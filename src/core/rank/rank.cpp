#include <edgeplan/rank.hpp>

#include <algorithm>

namespace edgeplan {

namespace {

const std::string& id_of(const Evaluation& e) { return e.candidate->id; }

bool better(const Evaluation* a, const Evaluation* b) {
  if (a->score != b->score) return a->score > b->score;
  return id_of(*a) < id_of(*b);
}

// How far a finding's measured value is from its requirement, as a ratio;
// 1 when it is not numeric. Used to put near misses first.
double gap(const Finding& f) {
  if (!f.measured.is_number() || !f.required.is_number()) return 1.0;
  const double measured = f.measured.get<double>(), required = f.required.get<double>();
  if (required == 0) return 1.0;
  return std::abs(measured - required) / std::abs(required);
}

double worst_gap(const Evaluation& e) {
  double worst = 0;
  for (const auto& f : e.exclusions) worst = std::max(worst, gap(f));
  return worst;
}

bool closer(const Evaluation* a, const Evaluation* b) {
  if (a->exclusions.size() != b->exclusions.size()) return a->exclusions.size() < b->exclusions.size();
  const double ga = worst_gap(*a), gb = worst_gap(*b);
  if (ga != gb) return ga < gb;
  return better(a, b);
}

}  // namespace

void rank_options(Report& report, bool order_excluded) {
  std::vector<const Evaluation*> eligible, excluded;
  for (const auto& e : report.evaluations) (e.excluded() ? excluded : eligible).push_back(&e);
  std::sort(eligible.begin(), eligible.end(), better);
  if (order_excluded) std::sort(excluded.begin(), excluded.end(), closer);
  report.ranked.clear();
  for (std::size_t i = 0; i < eligible.size(); ++i) {
    RankedOption r;
    r.rank = static_cast<int>(i + 1);
    r.evaluation = eligible[i];
    report.ranked.push_back(std::move(r));
  }
  report.excluded.clear();
  for (const auto* e : excluded) report.excluded.push_back({e, std::nullopt});
}

}  // namespace edgeplan
