#pragma once
// The neutral result of one recommendation. Renderers (text, Markdown, JSON)
// turn it into a format; nothing in here knows about output.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/rules.hpp>

namespace edgeplan {

inline constexpr const char* kReportSchemaVersion = "1.0";

enum class Verdict { eligible, eligible_with_conditions };
const char* to_string(Verdict verdict);

struct RankedOption {
  int rank = 0;
  const Evaluation* evaluation = nullptr;
  Verdict verdict = Verdict::eligible;
  std::vector<std::string> rationale;  // why it ranks where it does
  std::vector<const Finding*> conditions;  // verify / arrange
  std::vector<const Finding*> notes;       // informational
};

// The smallest joint change of the requirements that was verified to make an
// excluded option eligible (see relax.hpp).
struct Relaxation {
  Json patch = Json::array();        // RFC 6902 operations on the spec document, in path order
  std::vector<std::string> changes;  // what the patch means, in the rules' words (one per rule)
  double distance = 0;               // size of the change: relative for numbers, 1 per other value
};

struct ExcludedOption {
  const Evaluation* evaluation = nullptr;
  std::optional<Relaxation> relaxation;  // none: no requirement change alone makes it eligible
};

// One of the closest excluded options, as the report lists them.
struct NearMiss {
  const Evaluation* evaluation = nullptr;
  Relaxation relaxation;
};

struct SummaryCount {
  std::string label;  // "residency", "missing RDS locally"
  int count = 0;
};

struct Provenance {
  std::string edgeplan_version;
  std::string catalog_name;
  std::string catalog_version;
  std::string catalog_date;
  std::string catalog_digest;
  std::string catalog_origin;
  std::string rules_digest;
  std::vector<std::string> rule_files;
  std::string measured_latency_digest;  // empty when none was used
};

// The workload a report was computed from, as the rules read it: `edgeplan diff`
// names the spec fields that changed between two reports by JSON pointer into it.
struct ReportInput {
  Json spec;                // workload_json(): derived members, and the spec document's "spec" as written under "spec"
  std::string spec_digest;  // hex SHA-256 of spec's canonical text (keys sorted, no spaces): reformatting, or YAML for JSON, is no change
  // Per spec section, the first 12 hex digits of its digest: "metadata" (name and
  // labels), then each member of the spec's "spec" ("users", "latency", …).
  std::vector<std::pair<std::string, std::string>> sections;
  // Full detail only: each rule's id and the file that defines it, so that a diff
  // can tell a rule that is new from one that did not fire before.
  std::vector<std::pair<std::string, std::string>> rules;
};

// Holds pointers into its own evaluations: movable, not copyable.
struct Report {
  Report() = default;
  Report(Report&&) = default;
  Report& operator=(Report&&) = default;
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;

  std::string workload;
  std::string workload_file;
  std::map<std::string, double> weights;
  std::shared_ptr<const std::vector<Candidate>> candidates;
  std::vector<Evaluation> evaluations;  // every candidate, in catalog order
  std::vector<RankedOption> ranked;
  std::vector<ExcludedOption> excluded;  // best (closest to eligible) first
  std::vector<NearMiss> near_misses;
  std::vector<SummaryCount> exclusion_counts;
  std::string summary;                  // "3 of 118 candidates eligible: 61 residency, ..."
  std::vector<std::string> winner_rationale;
  std::vector<Diagnostic> input_warnings;
  Provenance provenance;
  ReportInput input;
  bool feasible() const { return !ranked.empty(); }
  const Evaluation* find(const std::string& option_id) const;
};

}  // namespace edgeplan
