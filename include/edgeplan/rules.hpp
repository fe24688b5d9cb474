#pragma once
// Rules stage: policy as data. A rule file (apiVersion "edgeplan/v1", kind
// "RuleSet") holds rules whose JsonLogic conditions read
//   {"workload": …, "option": …, "facts": …[, "item": …]}
// Conditions, templates and score expressions are compiled once at load time.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/file_system.hpp>
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

 private:
  struct Part {
    std::string literal;
    std::optional<jsonlogic::Expression> value;
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
  jsonlogic::DataReads reads;
  jsonlogic::DataReads reads_to_decide;
};

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

// The rules compiled into the binary (rules/default/*.json).
RuleSet load_default_rules();
// Appends every *.json of each directory (or single file), in order, to `base`.
RuleSet load_rule_dirs(const FileSystem& fs, const std::vector<std::string>& paths, RuleSet base);
// One rule file from its text (used by the loaders and tests).
void add_rule_file(RuleSet& set, const std::string& name, std::string_view text);

}  // namespace edgeplan
