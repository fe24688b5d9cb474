#pragma once
// CI gating: is each spec's proposed placement acceptable under the rules?
// Runs the recommend pipeline per spec, then turns the proposed option's
// findings, the optional ranking gates and the spec's waivers into a verdict.
// Neutral data: the check renderers (text, JSON, SARIF, JUnit, GitHub,
// Markdown) read it; nothing here prints.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/placement_map.hpp>

namespace edgeplan {

struct CheckOptions {
  std::string fail_on = "error";         // the lowest severity that blocks: error | warning
  bool require_top = false;              // the proposed option must rank first
  bool require_fallback = false;         // a fallback outside its failure domain must exist (also: spec.resilience.fallback "required")
  std::optional<double> max_score_gap;   // ... or score within this many points of the top
  std::optional<double> max_monthly_cost;  // the placement (proposed, else the top one) costs at most this a month (needs prices)
  bool use_waivers = true;               // false: audit view, every finding counts
  std::string today;                     // YYYY-MM-DD; waivers expiring before it have lapsed
};

// Findings that come from edgeplan itself rather than from a rule file.
namespace builtin_rules {
inline constexpr const char* feasible = "placement.feasible";
inline constexpr const char* top = "placement.top";
inline constexpr const char* score_gap = "placement.score-gap";
inline constexpr const char* fallback = "placement.fallback";
inline constexpr const char* max_monthly_cost = "cost.max-monthly";
inline constexpr const char* waiver_expired = "waiver.expired";
inline constexpr const char* waiver_not_allowed = "waiver.not-waivable";
inline constexpr const char* waiver_unknown_rule = "waiver.unknown-rule";
inline constexpr const char* waiver_unused = "waiver.unused";
inline constexpr const char* input_error = "input.invalid";
}  // namespace builtin_rules

// Id, severity and help text of one rule a check can report, file rules and built-ins alike.
struct CheckRule {
  std::string id;
  std::string severity;
  std::string description;
  std::string help;    // what to do about a finding
  std::string effect;  // exclude | warn | gate | waiver | input
  std::string factor;
  std::string source;  // rule file, or "edgeplan" for built-ins
  bool waivable = true;
};

struct AppliedWaiver {
  std::string reason;
  std::string owner;
  std::string expires;
  std::string ticket;
  std::string pointer;
  int line = 0;
};

struct CheckFinding {
  std::string rule;
  std::string severity;
  std::string message;
  std::string option;  // the option it is about; "" for spec-level findings
  std::string item;    // the user group or dependency it is about (for_each rules); else ""
  Json measured;
  Json required;
  std::string unit;
  std::string pointer;  // where in the spec
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;
  std::optional<AppliedWaiver> waiver;  // set: suppressed
  bool blocking = false;                // unsuppressed and at or above --fail-on
  bool suppressed() const { return waiver.has_value(); }
};

// One rule's verdict for one spec: the JUnit test case.
enum class CaseStatus { passed, failed, warned, waived, skipped };
const char* to_string(CaseStatus status);

struct RuleCase {
  std::string rule;
  CaseStatus status = CaseStatus::passed;
  std::string detail;                  // why skipped, or the waiver
  std::vector<std::size_t> findings;   // indexes into SpecCheck::findings
};

struct SpecCheck {
  std::string file;
  std::string workload;
  std::optional<std::string> proposed;  // option id
  std::string proposed_kind;
  std::optional<int> proposed_rank;     // 1-based among eligible options
  std::optional<double> proposed_score;
  std::string top_option;               // the recommendation ("" when none is feasible)
  std::optional<double> top_score;
  int eligible = 0;
  int candidates = 0;
  std::vector<CheckFinding> findings;
  std::vector<RuleCase> cases;
  std::vector<Diagnostic> errors;    // the spec could not be evaluated
  std::vector<Diagnostic> warnings;  // non-fatal notes on the spec (unknown fields …)
  std::optional<PlacementMap> map;   // what the HTML review draws; none when not evaluated
  bool errored() const { return !errors.empty(); }
  bool passed() const;
  int count(const std::string& severity, bool suppressed) const;
};

struct CheckRun {
  std::vector<SpecCheck> specs;
  std::vector<CheckRule> rules;  // every rule a finding or case can name, file rules first
  CheckOptions options;
  Provenance provenance;
  int passed() const;
  int failed() const;   // blocking findings
  int errored() const;  // could not be evaluated
  int count(const std::string& severity, bool suppressed) const;
  const CheckRule* find_rule(const std::string& id) const;
};

// Today's date, UTC, as YYYY-MM-DD.

// The rules a run can report: every exclude/warn rule of the set, then the built-ins.
std::vector<CheckRule> check_rules(const RuleSet& rules);

// Checks one spec file; a spec that cannot be loaded or evaluated becomes an
// errored SpecCheck (never an exception), so one bad file does not hide the rest.
SpecCheck check_spec(const FileSystem& fs, const std::string& path, const Engine& engine, const CheckOptions& options);

CheckRun check_specs(const FileSystem& fs, const std::vector<std::string>& paths, const Engine& engine, const CheckOptions& options);

// 0 when nothing blocks, 1 when a finding blocks, 3 when a spec could not be evaluated.
int check_exit_code(const CheckRun& run);

}  // namespace edgeplan
