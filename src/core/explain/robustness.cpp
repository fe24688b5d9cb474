#include <edgeplan/robustness.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include <edgeplan/latency_model.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// Two options compared under a weight vector. With T the weights' sum and
// u = Σ w·s / T + A an option's weighted score (A: its adjustments),
//   T·(u_a − u_b) = Σ_f w_f · rate_f,   rate_f = (s_af − s_bf) + (A_a − A_b),
// linear in every weight: one weight moving from w_k to x changes the gap by
// (x − w_k)·rate_k, which is what makes the bounds below exact.
struct Gap {
  std::map<std::string, double> rate;  // per factor
  double value = 0;                    // Σ w_f · rate_f: > 0 while a leads
  bool tie_to_a = false;               // equal scores rank by option id
};

double factor_score(const Evaluation& e, const std::string& factor) {
  auto it = e.factor_scores.find(factor);
  return it == e.factor_scores.end() ? 100.0 : it->second;  // as CompiledRules scores an unscored factor
}

Gap gap_between(const Evaluation& a, const Evaluation& b, const std::map<std::string, double>& weights) {
  Gap g;
  const double extra = adjustment_points(a) - adjustment_points(b);
  for (const auto& [factor, w] : weights) {
    const double rate = factor_score(a, factor) - factor_score(b, factor) + extra;
    g.rate[factor] = rate;
    g.value += w * rate;
  }
  g.tie_to_a = a.candidate->id < b.candidate->id;
  return g;
}

bool leads(const Gap& g) { return g.value > 0 || (g.value == 0 && g.tie_to_a); }

// An option's gap to each other option, worked out once: every factor's bound
// and the nearest shift read the same gaps.
struct Rival {
  const Evaluation* option;
  Gap gap;  // from the option being assessed to this one
};

std::vector<Rival> rivals_of(const Evaluation& option, const std::vector<const Evaluation*>& eligible, const std::map<std::string, double>& weights) {
  std::vector<Rival> out;
  for (const Evaluation* e : eligible)
    if (e != &option) out.push_back({e, gap_between(option, *e, weights)});
  return out;
}

double weight_sum(const std::map<std::string, double>& weights) {
  double total = 0;
  for (const auto& [factor, w] : weights) total += w;
  return total;
}

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// One factor's interval for an option against every rival (see WeightBound).
WeightBound bound_for(const std::string& factor, double weight, const std::vector<Rival>& rivals) {
  WeightBound b;
  b.factor = factor;
  b.weight = weight;
  double low = -kInfinity, high = kInfinity;
  double low_rate = 0, high_rate = 0;
  for (const auto& [rival, g] : rivals) {
    const double rate = g.rate.at(factor);
    if (rate == 0) {
      if (!leads(g)) b.reachable = false;
      continue;
    }
    // The gap is zero where this weight is x0; past it the rival leads.
    const double x0 = b.weight - g.value / rate;
    // Equal bounds: the rival whose gap closes fastest wins past them.
    if (rate > 0 && (x0 > low || (x0 == low && rate > low_rate))) {
      low = x0, low_rate = rate, b.low_rival = rival->candidate->id, b.low_inclusive = !g.tie_to_a;
    } else if (rate < 0 && (x0 < high || (x0 == high && -rate > high_rate))) {
      high = x0, high_rate = -rate, b.high_rival = rival->candidate->id, b.high_inclusive = !g.tie_to_a;
    }
  }
  if (low > 0 || (low == 0 && b.low_inclusive)) b.low = low;
  else b.low_rival.clear();
  if (high < kInfinity) b.high = high;
  if (b.high && (*b.high < 0 || (b.low && *b.low >= *b.high))) b.reachable = false;
  return b;
}

// The cheapest way, in Σ|Δw|, to close `g`: lower the weights of factors where
// the leader is ahead (at most to zero) and raise those where it is behind,
// steepest first. A fractional knapsack, so greedy is optimal.
std::optional<WeightShift> shift_to_close(const Gap& g, const std::map<std::string, double>& weights) {
  struct Move {
    std::string factor;
    double rate;      // gap closed per unit of weight
    double capacity;  // how far this weight can move
    double sign;      // -1 lower, +1 raise
  };
  std::vector<Move> moves;
  for (const auto& [factor, rate] : g.rate) {
    if (rate > 0) moves.push_back({factor, rate, weights.at(factor), -1});
    if (rate < 0) moves.push_back({factor, -rate, kInfinity, +1});
  }
  if (moves.empty()) return std::nullopt;  // equal on every factor: no weight moves the gap
  std::sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) { return a.rate != b.rate ? a.rate > b.rate : a.factor < b.factor; });
  WeightShift shift;
  std::map<std::string, double> moved = weights;
  double left = std::max(0.0, g.value);
  for (const auto& m : moves) {
    if (left <= 0) break;
    const double amount = std::min(m.capacity, left / m.rate);
    moved[m.factor] += m.sign * amount;
    shift.l1 += amount;
    left -= amount * m.rate;
  }
  // Relative slack: the greedy sum may miss zero by rounding alone.
  if (left > 1e-9 * std::max(1.0, g.value)) return std::nullopt;
  if (weight_sum(moved) <= 0) return std::nullopt;
  for (const auto& [factor, w] : weights)
    if (moved[factor] != w) shift.moves.push_back({factor, w, moved[factor]});
  return shift;
}

std::optional<WeightShift> nearest_shift(const std::vector<Rival>& rivals, const std::map<std::string, double>& weights) {
  std::optional<WeightShift> best;
  for (const auto& [rival, gap] : rivals) {
    auto shift = shift_to_close(gap, weights);
    if (!shift || (best && shift->l1 >= best->l1)) continue;
    shift->rival = rival->candidate->id;
    best = std::move(shift);
  }
  if (best) {
    const double total = weight_sum(weights);
    best->share = total > 0 ? best->l1 / total : 0;
  }
  return best;
}

std::optional<WeightBound> smallest_change(const std::vector<WeightBound>& bounds) {
  std::optional<WeightBound> best;
  double best_distance = kInfinity;
  for (const auto& b : bounds) {
    const double down = b.low ? b.weight - *b.low : kInfinity;
    const double up = b.high ? *b.high - b.weight : kInfinity;
    if (std::min(down, up) >= best_distance) continue;
    best_distance = std::min(down, up);
    best = b;
    if (down <= up) best->high.reset(), best->high_rival.clear();
    else best->low.reset(), best->low_rival.clear();
  }
  return best;
}

void add_checks(LatencyOutlook& out, const Json& entries, bool dependency) {
  if (!entries.is_array()) return;
  for (const auto& e : entries) {
    const Json& required = e.value("required_ms", Json());
    if (!required.is_number() || !e.value("rtt_ms", Json()).is_number()) continue;
    LatencyCheck c;
    c.name = e.value("name", "");
    c.dependency = dependency;
    c.measured = e.value("source", "") == "measured";
    c.required_ms = required.get<double>();
    c.low_ms = e["rtt_low_ms"].get<double>();
    c.typical_ms = e["rtt_ms"].get<double>();
    c.high_ms = e["rtt_high_ms"].get<double>();
    c.probability = latency::probability_within({c.low_ms, c.typical_ms, c.high_ms}, c.required_ms);
    out.checks.push_back(std::move(c));
  }
}

LatencyBand band_of(const std::vector<LatencyCheck>& checks) {
  if (checks.empty()) return LatencyBand::no_budget;
  auto all = [&](double LatencyCheck::*estimate) {
    return std::all_of(checks.begin(), checks.end(), [&](const LatencyCheck& c) { return c.*estimate <= c.required_ms; });
  };
  if (all(&LatencyCheck::high_ms)) return LatencyBand::pessimistic;
  if (all(&LatencyCheck::typical_ms)) return LatencyBand::typical;
  if (all(&LatencyCheck::low_ms)) return LatencyBand::optimistic;
  return LatencyBand::missed;
}

// Where an option runs, for telling interchangeable options apart.
std::string whereabouts(const Candidate& c) {
  if (c.site) return c.site->metro;
  if (c.facility) return c.facility->id;
  return c.place.label;
}

bool interchangeable(const Evaluation& a, const Evaluation& b) {
  return a.candidate->kind == b.candidate->kind && whereabouts(*a.candidate) == whereabouts(*b.candidate) && a.factor_scores == b.factor_scores &&
         adjustment_points(a) == adjustment_points(b);
}

std::string points(double value) { return util::format_number(std::round(value * 10) / 10); }
std::string percent(double share) { return util::format_number(std::round(share * 1000) / 10) + " %"; }

// Sets the label and says which thresholds set it, most severe first.
void label(Robustness& r) {
  namespace c = confidence;
  std::vector<std::string> fragile, sensitive;
  if (r.leads_only_by_rounding) fragile.push_back("the winner leads only after rounding to one decimal");
  if (r.margin) {
    const std::string text = fmt::format("margin {} points", points(*r.margin));
    if (*r.margin < c::kFragileMargin) fragile.push_back(fmt::format("{} < {}", text, points(c::kFragileMargin)));
    else if (*r.margin < c::kSensitiveMargin) sensitive.push_back(fmt::format("{} < {}", text, points(c::kSensitiveMargin)));
  }
  if (r.nearest_shift) {
    const std::string text = fmt::format("a weight change of {} ({} of the weights) makes {} win", points(r.nearest_shift->l1),
                                         percent(r.nearest_shift->share), r.nearest_shift->rival);
    if (r.nearest_shift->share < c::kFragileWeightShare) fragile.push_back(fmt::format("{} < {}", text, percent(c::kFragileWeightShare)));
    else if (r.nearest_shift->share < c::kSensitiveWeightShare) sensitive.push_back(fmt::format("{} < {}", text, percent(c::kSensitiveWeightShare)));
  }
  if (!r.latency.empty()) {
    const LatencyOutlook& w = r.latency.front();
    if (w.band != LatencyBand::no_budget && w.probability < c::kFragileLatency)
      fragile.push_back(fmt::format("meets its latency budgets with probability {} < {}", percent(w.probability), percent(c::kFragileLatency)));
    else if (w.band != LatencyBand::no_budget && w.band != LatencyBand::pessimistic)
      sensitive.push_back("misses a latency budget at the pessimistic estimate");
  }
  if (!r.verify.empty())
    sensitive.push_back(fmt::format("{} verify condition{} could exclude it", r.verify.size(), r.verify.size() == 1 ? "" : "s"));
  r.label = !fragile.empty() ? Confidence::fragile : !sensitive.empty() ? Confidence::sensitive : Confidence::robust;
  r.reasons = fragile;
  r.reasons.insert(r.reasons.end(), sensitive.begin(), sensitive.end());
}

}  // namespace

std::vector<FactorShare> factor_shares(const Evaluation& a, const Evaluation& b, const std::map<std::string, double>& weights) {
  std::vector<FactorShare> out;
  const double total = weight_sum(weights);
  if (total <= 0) return out;
  for (const auto& [factor, w] : weights) {
    const double sa = factor_score(a, factor), sb = factor_score(b, factor);
    if (sa != sb) out.push_back({factor, sa, sb, w * (sa - sb) / total});
  }
  std::sort(out.begin(), out.end(), [](const FactorShare& x, const FactorShare& y) {
    return std::fabs(x.points) != std::fabs(y.points) ? std::fabs(x.points) > std::fabs(y.points) : x.factor < y.factor;
  });
  return out;
}

LatencyOutlook latency_outlook(const Evaluation& option) {
  LatencyOutlook out;
  out.option = option.candidate->id;
  const Json& latency = option.facts.is_object() ? option.facts.value("latency", Json()) : Json();
  if (latency.is_object()) {
    add_checks(out, latency.value("users", Json()), false);
    add_checks(out, latency.value("dependencies", Json()), true);
  }
  out.band = band_of(out.checks);
  // Comonotone budgets: all are met exactly when the least likely one is.
  for (const auto& c : out.checks) out.probability = std::min(out.probability, c.probability);
  return out;
}

namespace {

std::vector<WeightBound> bounds_against(const std::vector<Rival>& rivals, const std::map<std::string, double>& weights) {
  std::vector<WeightBound> out;
  for (const auto& [factor, w] : weights) out.push_back(bound_for(factor, w, rivals));
  return out;
}

}  // namespace

std::vector<WeightBound> winning_weights(const Evaluation& option, const std::vector<const Evaluation*>& eligible,
                                         const std::map<std::string, double>& weights) {
  return bounds_against(rivals_of(option, eligible, weights), weights);
}

std::optional<Robustness> assess_robustness(const Report& report) {
  if (report.ranked.empty()) return std::nullopt;
  const Evaluation& winner = *report.ranked.front().evaluation;
  Robustness r;
  r.winner = winner.candidate->id;
  std::vector<const Evaluation*> eligible;  // the winner and its rivals
  for (const auto& ranked : report.ranked) {
    const Evaluation* e = ranked.evaluation;
    if (e != &winner && interchangeable(winner, *e)) r.equivalent.push_back(e->candidate->id);
    else eligible.push_back(e);
  }
  for (const Evaluation* e : eligible) {
    const double u = unclamped_score(*e, report.weights);
    if (u > 100 || u < 0) r.clamped = true;
  }
  const std::vector<Rival> rivals = rivals_of(winner, eligible, report.weights);
  if (!rivals.empty()) {
    const Evaluation& runner = *rivals.front().option;
    r.runner_up = runner.candidate->id;
    r.margin = winner.score - runner.score;
    r.margin_by_factor = factor_shares(winner, runner, report.weights);
    r.margin_adjustments = adjustment_points(winner) - adjustment_points(runner);
    r.leads_only_by_rounding = std::any_of(rivals.begin(), rivals.end(), [](const Rival& rival) { return !leads(rival.gap); });
    // Bounds around the current weights exist only while the winner leads on them.
    if (!r.leads_only_by_rounding) {
      r.weight_bounds = bounds_against(rivals, report.weights);
      r.smallest_change = smallest_change(r.weight_bounds);
    }
    r.nearest_shift = nearest_shift(rivals, report.weights);
  }
  for (const auto& ranked : report.ranked) r.latency.push_back(latency_outlook(*ranked.evaluation));
  for (const auto& w : winner.warnings)
    if (w.condition_kind == "verify") r.verify.push_back(w);
  label(r);
  return r;
}

OptionOutlook option_outlook(const Report& report, const Evaluation& option) {
  OptionOutlook out;
  out.latency = latency_outlook(option);
  if (option.excluded() || report.ranked.empty()) return out;
  out.winner = report.ranked.front().evaluation == &option;
  if (out.winner) return out;
  std::vector<const Evaluation*> eligible;
  for (const auto& r : report.ranked) eligible.push_back(r.evaluation);
  out.to_win = winning_weights(option, eligible, report.weights);
  return out;
}

}  // namespace edgeplan
