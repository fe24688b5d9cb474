#pragma once
// The result of applying every rule to one candidate: findings, factor scores
// and the trace `--explain` prints. Neutral data; ranking and rendering read it.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <edgeplan/candidates.hpp>
#include <edgeplan/lazy_data.hpp>
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
  Json relax;  // exclusions: RFC 6902 operations on the spec that lift this finding; null = none known
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

// How much of an evaluation the rule engine records.
enum class Detail {
  full,      // every finding, every factor score and the trace: recommend, check, --explain
  decision,  // what ranking needs: eligibility, the first exclusion (its rule and
             // summary only) and, for eligible options, factor scores and adjustments
};

// Which lazily built parts each rule of a set reads (bit i = part i): to
// evaluate it fully, and to decide it (an adjust rule's finding is complete
// even then: its message explains a score). Worked out once per rule set and
// parts list, and shared by every workload evaluated with them.
struct RuleNeeds {
  RuleNeeds(const RuleSet& rules, const std::vector<std::string>& parts);
  std::vector<std::uint64_t> all, to_decide;  // per rule
};

// A rule that could not be evaluated (e.g. step limit) is an input error in its file.
class RuleEngine {
 public:
  // `needs`: for the lazily built parts `apply` will be given, if any.
  RuleEngine(const RuleSet& rules, std::map<std::string, double> weights, std::shared_ptr<const RuleNeeds> needs = nullptr);
  // `data` holds "workload". Without `lazy`, "option" and "facts" are set from
  // `evaluation` (and the facts moved back into it). With `lazy`, each part is
  // built in `data` when a rule first needs it and left there: the next option
  // overwrites it in place (see FactGroup), and `evaluation` gets neither.
  void apply(Evaluation& evaluation, Json& data, LazyData* lazy = nullptr, Detail detail = Detail::full) const;
  const std::map<std::string, double>& weights() const { return m_weights; }

 private:
  class Run;

  const RuleSet& m_rules;
  std::map<std::string, double> m_weights;
  std::shared_ptr<const RuleNeeds> m_needs;
};

// Rule weights overridden by the workload's, for the factors it names.
std::map<std::string, double> effective_weights(const RuleSet& rules, const std::map<std::string, double>& workload_weights);

}  // namespace edgeplan
