#pragma once
// `edgeplan diff` and `batch --baseline`: why the answer changed. Two recorded
// results (two `recommend --format json` reports, or two `batch` JSONL runs) are
// read back, matched workload by workload, and each change of placement is
// attributed to the inputs the outputs record as different — the spec (which
// fields), the catalog, the rules, the model (edgeplan's version) — with the
// evidence the outputs themselves give (the old winner's new exclusion, a factor
// that fell, a reason that appears on one side only).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <edgeplan/batch.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/json_document.hpp>

namespace edgeplan {

// ---------------------------------------------------------------- what a recorded result says

enum class RecordKind { report, batch };  // recommend --format json; batch --format jsonl
const char* to_string(RecordKind kind);   // "recommend report", "batch records"

// One exclusion reason as the report states it.
struct RecordedReason {
  std::string rule;
  std::string message;
  Json measured;
  Json required;
};

// One option of a recorded result: a report lists every candidate; a batch record only its top two.
struct RecordedOption {
  std::string id;
  std::string kind;
  std::optional<int> rank;  // nullopt: excluded
  std::optional<double> score;  // eligible: its score; excluded: the score it would have had (reports only)
  std::string verdict;          // "eligible", "eligible-with-conditions", "excluded"
  std::map<std::string, double> factors;
  std::vector<RecordedReason> reasons;  // excluded: why
};

// What a result was computed from, as far as the output records it; "" for
// anything it does not record (an output written before edgeplan recorded it).
struct RecordedInputs {
  std::string spec_digest;  // "sha256:…"
  Json spec;                // reports: the workload as the rules read it; null in batch records
  std::map<std::string, std::string> sections;  // batch records: spec section -> short digest
  std::string catalog_digest;                   // "sha256:…"
  std::string catalog_label;                    // reports: "aws-default 2026.11.26"
  std::string catalog_origin;                   // reports: "embedded" or the catalog file
  std::string measured_latency_digest;          // reports: a --latency-file's digest, "" when none
  std::string prices_digest;                    // reports: a --prices file's digest, "" when none
  std::string rules_digest;                     // "sha256:…"
  std::vector<std::string> rule_files;          // reports only
  std::map<std::string, std::string> rules;     // reports: rule id -> the file that defines it
  std::string edgeplan_version;
  std::map<std::string, double> weights;        // reports: the factor weights used (the spec's, or --weights)
};

// One workload's result.
struct RecordedResult {
  std::string key;       // batch: the record's file (FILE:LINE for a JSONL line); report: the spec file
  std::string workload;  // "" when the spec could not be read
  std::string status;    // "ok", "no-feasible", "error"
  std::string error;     // status "error": the first error, located
  int eligible = 0;
  int candidates = 0;
  std::vector<RecordedOption> options;    // ranked first (rank 1 the winner), then the excluded
  std::map<std::string, int> excluded_by;  // summary label -> candidates it excluded
  RecordedInputs inputs;
  const RecordedOption* winner() const;
  const RecordedOption* find(const std::string& id) const;
};

// A file `edgeplan diff` reads.
struct RecordedRun {
  RecordKind kind = RecordKind::report;
  std::string file;
  std::vector<RecordedResult> results;  // a report: one
};

// Reads a `recommend --format json` report, or `batch` JSONL records (one per
// line; blank lines skipped), deciding which by content. Throws InputError at the
// FILE:LINE:COL (POINTER) of the first value that is neither.
RecordedRun read_recorded(const std::string& name, std::string_view text);
RecordedRun read_recorded_file(const FileSystem& fs, const std::string& path);
// A batch result of this run, as its JSONL record would read back.
RecordedResult recorded_of(const BatchResult& result);

// ---------------------------------------------------------------- the diff

// The inputs a change can follow from.
enum class Cause { spec, catalog, rules, model };
const char* to_string(Cause cause);  // "spec", "catalog", "rules", "model"

struct ValueChange {
  std::string pointer;  // JSON pointer into the recorded workload ("/spec/latency/users/max_rtt_ms")
  Json before;          // null: absent
  Json after;
};

// Which recorded inputs differ between the two results of one workload.
struct InputChanges {
  std::vector<Cause> causes;           // in enum order
  std::vector<ValueChange> spec_fields;        // reports: the spec fields that differ
  std::vector<std::string> spec_sections;      // batch records: the spec sections whose digest differs
  std::string catalog_before, catalog_after;   // "aws-default 2026.11.26 sha256:8b0108b7a700" (a batch record: the digest)
  std::string catalog_origin_before, catalog_origin_after;  // reports: where each catalog came from ("embedded" or a file)
  bool measured_latency = false;               // reports: the --latency-file differs (counted as catalog)
  bool prices = false;                         // reports: the --prices file differs (counted as catalog: data the engine evaluates with)
  std::string rules_before, rules_after;       // "sha256:1dc9ec41f237"
  std::vector<std::string> rule_files_added, rule_files_removed;
  std::string version_before, version_after;
  bool unrecorded = false;  // one side records no spec digest (an older output): spec changes cannot be told
  bool has(Cause cause) const;
};

// What the outputs show about a change: a sentence, and the input it points to
// when it can be told (nullopt: it cannot).
struct Evidence {
  std::string text;
  std::optional<Cause> points_to;
};

// How one option's standing changed (reports: every option whose rank, score,
// verdict or exclusion reasons differ).
struct OptionChange {
  std::string id;
  std::string kind;
  std::optional<int> rank_before, rank_after;  // nullopt: excluded or absent
  std::optional<double> score_before, score_after;
  std::string verdict_before, verdict_after;   // "absent" when not a candidate on that side
  std::vector<std::string> reasons_added, reasons_removed;  // rule ids
};

// The placement on one side: "ok" with the winner, "no-feasible", "error", or "absent".
struct Placement {
  std::string status;
  std::string id;
  std::string kind;
  std::optional<double> score;
  std::string error;
};

// "moved" (another winner), "newly-infeasible", "newly-feasible", "error" (either
// side could not be evaluated), "added", "removed", "rescored" (the same winner,
// something else in the result differs), "unchanged".
struct WorkloadDiff {
  std::string key;
  std::string workload;
  std::string change;
  Placement before, after;
  InputChanges inputs;
  std::vector<Evidence> evidence;
  std::vector<OptionChange> options;  // reports only
  // The cause group: the one cause, "several", or "no input change recorded".
  std::string cause_group() const;
};

struct PlacementDiff {
  RecordKind kind = RecordKind::report;
  std::string before_file, after_file;
  int compared = 0;                     // workloads on both sides
  std::vector<WorkloadDiff> workloads;  // every changed workload (reports: the one, changed or not), in the after side's order, then removed ones
  bool changed() const;                 // some result differs (inputs alone are no change)
  std::size_t count(const std::string& change) const;
  // Moved workloads per cause group, most first (ties by name).
  std::vector<std::pair<std::string, int>> moved_by_cause() const;
};

// Throws UsageError when the two are of different kinds (a report and batch records).
PlacementDiff diff_placements(const RecordedRun& before, const RecordedRun& after);

}  // namespace edgeplan
