#pragma once
// How sure a recommendation is (explain stage): the winner's margin and the
// factors that carry it, how far the factor weights must move before another
// option wins, whether each eligible option meets its latency budgets across
// the RTT model's range, and the verify conditions that could still change the
// verdict — summed up in one confidence label with documented thresholds
// (rules/README.md, "How sure is the winner").
//
// Scores here are the weighted scores before rounding to one decimal, and the
// factor scores the rules gave: weights only combine them, so any weight
// vector can be tried without evaluating the rules again.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/report.hpp>

namespace edgeplan {

// Thresholds of the confidence label. A winner is *fragile* when any fragile
// threshold is crossed, *sensitive* when any sensitive one is, else *robust*.
namespace confidence {
constexpr double kFragileMargin = 1.0;         // score points ahead of the runner-up
constexpr double kSensitiveMargin = 5.0;
constexpr double kFragileWeightShare = 0.05;   // smallest L1 weight change that flips the winner, over the weights' sum
constexpr double kSensitiveWeightShare = 0.20;
constexpr double kFragileLatency = 0.90;       // probability of meeting every latency budget
// Sensitive: a budget is missed at the pessimistic estimate, or a verify condition remains.
}  // namespace confidence

// Every factor whose scores differ, largest share first (ties by name).
std::vector<FactorShare> factor_shares(const Evaluation& a, const Evaluation& b, const std::map<std::string, double>& weights);
// From an evaluation's facts (facts.latency.users / dependencies).
LatencyOutlook latency_outlook(const Evaluation& option);

// The bounds of every factor's weight over which `option` ranks first among
// `eligible` (evaluations with factor scores for every weighted factor).
std::vector<WeightBound> winning_weights(const Evaluation& option, const std::vector<const Evaluation*>& eligible,
                                         const std::map<std::string, double>& weights);

// One option seen from the robustness analysis (`recommend --explain ID`): its
// latency outlook and, for an eligible option that does not win, the weight of
// each factor at which it would.
struct OptionOutlook {
  LatencyOutlook latency;
  bool winner = false;
  std::vector<WeightBound> to_win;  // eligible non-winners only
};
OptionOutlook option_outlook(const Report& report, const Evaluation& option);

// Needs a ranked report whose eligible evaluations carry their facts and
// warnings (Detail::full); none when nothing is eligible.
std::optional<Robustness> assess_robustness(const Report& report);

}  // namespace edgeplan
