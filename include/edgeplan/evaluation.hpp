#pragma once
// The result of applying every rule to one candidate: findings, factor scores
// and the trace `--explain` prints. Neutral data; ranking and rendering read it.
#include <map>
#include <string>
#include <vector>

#include <edgeplan/candidates.hpp>
#include <edgeplan/rules.hpp>

namespace edgeplan {

struct Finding {
  std::string rule;
  Effect effect = Effect::exclude;
  std::string severity;
  std::string factor;
  std::string condition_kind;  // warn findings: verify | arrange | note
  std::string message;
  std::string remedy;
  std::string summary;
  Json measured;  // number, string, array or null
  Json required;
  std::string unit;
  double points = 0;  // adjust findings
  std::string rule_file;
  bool waivable = true;
};

struct RuleTrace {
  std::string rule;
  std::string effect;
  std::string outcome;  // "fired", "passed", "not applicable", "score 87.5"
  std::string detail;
};

struct Evaluation {
  const Candidate* candidate = nullptr;
  Json option;  // option_json(candidate)
  Json facts;
  std::vector<Finding> exclusions;
  std::vector<Finding> warnings;
  std::vector<Finding> adjustments;
  std::map<std::string, double> factor_scores;  // 0-100 per factor
  double score = 0;                             // weighted factors + adjustments
  std::vector<RuleTrace> trace;
  bool excluded() const { return !exclusions.empty(); }
};

// A rule that could not be evaluated (e.g. step limit) is an input error in its file.
class RuleEngine {
 public:
  RuleEngine(const RuleSet& rules, std::map<std::string, double> weights);
  // `data` holds "workload"; "option" and "facts" are set from `evaluation`.
  void apply(Evaluation& evaluation, Json& data) const;
  const std::map<std::string, double>& weights() const { return m_weights; }

 private:
  void apply_rule(const Rule& rule, Evaluation& evaluation, Json& data, const jsonlogic::DataView& view) const;
  void finish_score(Evaluation& evaluation) const;

  const RuleSet& m_rules;
  std::map<std::string, double> m_weights;
};

// Rule weights overridden by the workload's, for the factors it names.
std::map<std::string, double> effective_weights(const RuleSet& rules, const std::map<std::string, double>& workload_weights);

}  // namespace edgeplan
