#pragma once
// Rules stage: policy as data, and applying it to one option (CompiledRules → Evaluation). A rule file (apiVersion "edgeplan/v1", kind
// "RuleSet") holds rules whose JsonLogic conditions read
//   {"workload": …, "option": …, "facts": …[, "item": …]}
// Conditions, templates and score expressions are compiled once at load time.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/candidates.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/lazy_data.hpp>
#include <edgeplan/json_document.hpp>
#include <edgeplan/jsonlogic.hpp>

namespace edgeplan {

enum class Effect { exclude, warn, score, adjust };
const char* to_string(Effect effect);
const std::vector<std::string>& effect_names();

// The factors a score can belong to; weights are per factor.
const std::vector<std::string>& factor_names();

// "estimated RTT to {item.name} {item.rtt_compared_ms} ms": each {path} is read
// from the evaluation data; numbers print as people write them, arrays as lists.
class MessageTemplate {
 public:
  MessageTemplate() = default;
  static MessageTemplate compile(const std::string& text);
  std::string render(const Json& data) const;
  std::string render(const jsonlogic::DataView& data) const;
  bool empty() const { return m_parts.empty(); }
  const std::string& source() const { return m_source; }
  jsonlogic::DataReads reads() const;

  // Snapshots (util/snapshot_archive.hpp): its parts and source.
  template <typename A>
  friend void fields(A& a, MessageTemplate& x) { a(x.m_parts, x.m_source); }

 private:
  struct Part {
    std::string literal;
    std::optional<jsonlogic::Expression> value;
    template <typename A>
    friend void fields(A& a, Part& x) { a(x.literal, x.value); }
  };
  std::vector<Part> m_parts;
  std::string m_source;
};

// One operation of a rule's relaxation: the RFC 6902 JSON Patch operation on
// the spec that lifts the rule for the option at hand ("replace" or "add";
// the path is a template, the value JsonLogic over the evaluation data).
struct RelaxOp {
  std::string op;
  MessageTemplate path;
  std::optional<jsonlogic::Expression> value;
};

struct Rule {
  std::string id;
  std::string description;
  Effect effect = Effect::exclude;
  std::string severity = "error";    // error | warning | info
  std::string factor;                // latency | services | operations | compliance | capacity
  std::string condition_kind;        // warn rules: "verify" or "arrange"
  std::string for_each;              // optional: dotted path of an array; each element is "item"
  jsonlogic::Expression for_each_var;  // {"var": for_each}: read through the option's view, whose lookups it shares
  std::vector<std::string> kinds;    // option kinds the rule applies to; empty = all
  jsonlogic::Expression condition;   // true = the rule fires
  std::optional<jsonlogic::Expression> measured;
  std::optional<jsonlogic::Expression> required;
  std::optional<jsonlogic::Expression> score;  // score rules: 0-100
  double points = 0;                            // adjust rules
  std::string unit;
  MessageTemplate message;
  MessageTemplate remedy;   // exclude rules: the requirement change that would lift it
  std::vector<RelaxOp> relax;  // exclude rules: that change as a patch of the spec; empty = none
  MessageTemplate summary;  // exclude rules: label for the one-line summary
  bool waivable = true;
  std::string location;  // JSON pointer into the spec the rule is about (CI annotations); "" = by factor
  std::string file;
  std::string pointer;  // of the rule inside its file
  std::vector<std::string> history;  // how later packs tightened or replaced it, in order
  // What the rule may read, so that data can be prepared on demand: all of it
  // (conditions, values, templates, for_each), and what deciding whether it
  // fires, its score and its summary label needs (no message, remedy or values).
  // Each lists its expressions' paths, then, last, the for_each array if any.
  jsonlogic::DataReads reads;
  jsonlogic::DataReads reads_to_decide;
};

// What a rule's expressions and texts read (Rule::reads without its for_each
// array, which it iterates rather than reads; "item" is an element of it).
jsonlogic::DataReads expression_reads(const Rule& rule);

// info < warning < error; -1 for an unknown name.
int severity_rank(const std::string& severity);

struct RuleSet {
  // In load order. A later pack may add rules, replace a rule (same id, full
  // definition) or tighten one with a patch ({"id", "severity", "waivable"});
  // it may never lower a severity, make a rule waivable again, or redefine a
  // non-waivable rule: an organisation's floor holds under a team's pack.
  std::vector<Rule> rules;
  std::map<std::string, double> weights;
  std::vector<std::string> files;  // as loaded, in order
  std::string digest;              // sha-256 over the files' names and bytes
};

const Rule* find_rule(const RuleSet& set, const std::string& id);

// The rules compiled into the binary (rules/default/*.json), read from their
// snapshot (util/snapshots.hpp), which build_default_rules() wrote at build time.
RuleSet load_default_rules();
// The same rules built from their embedded JSON.
RuleSet build_default_rules();
// A rule set as bytes, and back (std::runtime_error for bytes of another kind).
std::string write_rules_snapshot(const RuleSet& rules);
RuleSet read_rules_snapshot(std::string_view bytes);
// Appends every *.json of each directory (or single file), in order, to `base`.
RuleSet load_rule_dirs(const FileSystem& fs, const std::vector<std::string>& paths, RuleSet base);
// One rule file from its text (used by the loaders and tests).
void add_rule_file(RuleSet& set, const std::string& name, std::string_view text);

// ---------------------------------------------------------------- evaluating one option
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
  std::string item;  // for_each rules: the name of the item it is about (a user group, a dependency); else ""
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

// How an option's score is put together, in one place for CompiledRules and
// for re-weighting it (robustness.hpp): the weights' mean of the factor scores,
// each read by `score_of(factor)` (0 when the weights sum to 0), plus the points
// of its adjust findings; CompiledRules then clamps it to 0-100 and rounds it.
template <class ScoreOf>
double weighted_mean(const std::map<std::string, double>& weights, ScoreOf&& score_of) {
  double weighted = 0, total = 0;
  for (const auto& [factor, weight] : weights) {
    weighted += weight * score_of(factor);
    total += weight;
  }
  return total > 0 ? weighted / total : 0;
}
// `score` plus the points of each adjust finding, added in order (the order
// CompiledRules adds them: floating-point sums depend on it).
double plus_adjustments(double score, const Evaluation& evaluation);
inline double adjustment_points(const Evaluation& evaluation) { return plus_adjustments(0, evaluation); }
// The score before clamping and rounding; an unscored factor counts 100.
double unclamped_score(const Evaluation& evaluation, const std::map<std::string, double>& weights);
// A score (an option's, or a factor's) as reports carry it: clamped to 0-100 and
// rounded to a tenth, as printed, so that JSON and text agree.
double reported_score(double score);

// How much of an evaluation CompiledRules records.
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
  // The members of the data each way of evaluating a rule set may read: a
  // decision (every exclude rule to decide it, score and adjust rules fully;
  // warn rules not at all), and the exclude rules fully. Built parts need
  // only these members written (LazyData::build).
  ReadPaths decision_reads, exclusion_reads;
  // What each of them reads of each part (null: all of it), pointing into them.
  std::vector<const ReadPaths*> decision_part_reads, exclusion_part_reads;
  RuleNeeds(const RuleNeeds&) = delete;
  RuleNeeds& operator=(const RuleNeeds&) = delete;
  // Whether an exclude rule reads "workload" at all (built by the caller, not
  // lazily: a check that runs only the exclude rules can leave it out).
  bool exclusions_read_workload = false;
  // Whether an exclude rule may read an RTT's terms (text; may_read_rtt_terms):
  // a check that runs only the exclude rules describes none when none does.
  bool exclusions_read_terms = false;
  // The rules that apply to an option of each kind (indexed by SiteKind), in
  // rule order: worked out once, so an option's evaluation does not compare
  // its kind's name with each rule's kinds.
  struct KindRules {
    std::vector<std::uint64_t> applies;  // bit i % 64 of word i / 64: rule i applies
    std::vector<std::size_t> exclude;    // exclude rules
    std::vector<std::size_t> decide;     // score and adjust rules
  };
  std::array<KindRules, kSiteKindCount> by_kind;
};

// Whether any rule of the set may read an RTT's terms (text; may_read_rtt_terms).
bool any_rule_reads_rtt_terms(const RuleSet& rules);

// A rule that could not be evaluated (e.g. step limit) is an input error in its file.
class CompiledRules {
 public:
  // `needs`: for the lazily built parts `apply` will be given, if any.
  CompiledRules(const RuleSet& rules, std::map<std::string, double> weights, std::shared_ptr<const RuleNeeds> needs = nullptr);
  // `data` holds "workload". Without `lazy`, "option" and "facts" are set from
  // `evaluation` (and the facts moved back into it). With `lazy`, each part is
  // built in `data` when a rule first needs it and left there: the next option
  // overwrites it in place (see FactGroup), and `evaluation` gets neither.
  void apply(Evaluation& evaluation, Json& data, LazyData* lazy = nullptr, Detail detail = Detail::full) const;
  // Every exclusion finding, complete as `apply` at full detail records it (its
  // message and relax operations), and nothing else: no scores, warnings,
  // adjustments or trace. What checking a relaxed spec needs (relax.hpp).
  void exclusions(Evaluation& evaluation, Json& data, LazyData* lazy = nullptr) const;
  // What a report that keeps of an excluded option only its exclusions and
  // scores needs (ExcludedOptions::findings): `apply` at full detail without
  // the trace, and without the warn rules for an option an exclude rule
  // excludes (nothing reports an excluded option's conditions). The exclude
  // rules run first; each list of findings is in rule order, as `apply` makes it.
  void findings(Evaluation& evaluation, Json& data) const;
  const std::map<std::string, double>& weights() const { return m_weights; }
  const RuleSet& rule_set() const { return m_rules; }

 private:
  class Run;
  const RuleNeeds::KindRules& kind_rules(SiteKind kind) const {
    return (m_needs ? m_needs->by_kind : m_by_kind)[static_cast<std::size_t>(kind)];
  }

  const RuleSet& m_rules;
  std::map<std::string, double> m_weights;
  std::shared_ptr<const RuleNeeds> m_needs;
  // Without needs (full evaluations), the rules for each option kind
  // (RuleNeeds::by_kind) are worked out here, once.
  std::array<RuleNeeds::KindRules, kSiteKindCount> m_by_kind;
};

// Rule weights overridden by the workload's, for the factors it names.
std::map<std::string, double> effective_weights(const RuleSet& rules, const std::map<std::string, double>& workload_weights);

}  // namespace edgeplan
