#pragma once
// Words every format of a result shares, so text, Markdown, SARIF, JUnit and
// GitHub annotations say the same thing. Layout stays in each format's file.
#include <string>
#include <vector>

#include <edgeplan/render.hpp>

namespace edgeplan::render_detail {

// ---- recommendations (wording.cpp)
std::string option_title(const Evaluation& e);  // "us-west-2-lax-1a (local-zone) — US West (Los Angeles), parent us-west-2"
std::string verdict_words(Verdict verdict);     // "eligible with conditions"
std::string factor_line(const Evaluation& e);   // "latency 95 · services 100 · …"
std::string provenance_line(const Provenance& p);
std::string finding_line(const Finding& f);     // "verify: …" / "arrange: …"
// Said when no excluded option has a verified relaxation.
inline constexpr const char* kNoRelaxation =
    "no change to the requirements alone makes any excluded option eligible (residency, reachability and catalog facts are not relaxed)";
// "eligible if …", or, when one change alone would not do, "eligible only with all of: …".
std::string near_miss_text(const NearMiss& n);
// For an excluded option: its verified relaxation, or that no requirement change alone would do.
std::string relaxation_line(const Report& report, const Evaluation& e);
// Where each estimate's milliseconds come from, one line per user group,
// dependency and the parent-Region leg: "Denver viewers (internet, p95 21.8 ms): access (fixed) 10 + …".
std::vector<std::string> latency_term_lines(const Evaluation& e);
// Which source decided the site facts that an account view can settle (instance
// families, opt-in, visibility, the parent-Region RTT): "instance families c5, m5
// (known): account 111122223333 — aws ec2 describe-instance-type-offerings (us-west-2), captured …".
std::vector<std::string> fact_source_lines(const Evaluation& e);

// ---- how sure the winner is (wording.cpp; robustness.hpp)
// The latency outlook of the i-th ranked option; null without a robustness analysis.
const LatencyOutlook* latency_outlook_of(const Report& report, std::size_t rank_index);
// "99.2 %", "> 99.9 %", "< 0.1 %"
std::string probability_text(double p);
// A figure to one decimal, as people read ms, points and weights: "21.8", "25", "0.4".
std::string one_decimal(double value);
// "meets every latency budget even at the pessimistic estimate", "… only at the typical estimate (P 97.1 %, …)"
// and, for a table cell, "pessimistic (P > 99.9 %)".
std::string latency_band_cell(const LatencyOutlook& o);
std::string latency_band_text(const LatencyOutlook& o);
// "holds unless the operations weight drops to 0 (now 25), then us-east-1-nyc-1a wins"
std::string weight_bound_text(const WeightBound& b);
// For an eligible option that does not win, one line per factor whose weight alone
// would make it first: "wins if the latency weight rises above 61.5 (now 35)".
std::vector<std::string> to_win_lines(const OptionOutlook& o);
// The short line under the recommendation:
// "sensitive — margin 3 points over X; operations weight 25 → 0 makes X win; latency …; 1 verify condition"
std::string confidence_line(const Robustness& r);
// The detail (`--explain` of the winner): label, reasons, margin by factor, every weight bound, the nearest shift.
std::vector<std::string> robustness_lines(const Robustness& r);
// One line per latency budget: "Milwaukee head office: budget 80 ms; optimistic 62.1 · typical 70 · pessimistic 85.3 ms; P 97.2 %".
std::vector<std::string> latency_check_lines(const LatencyOutlook& o);

// ---- primary + fallback (wording.cpp; fallback.hpp)
// "us-west-2 (region) — US West (Oregon)", or "none"
std::string fallback_headline(const FallbackPlan& plan);
// What the fallback meets or relaxes, what it shares, what to verify, and the plan's note.
std::vector<std::string> fallback_lines(const FallbackPlan& plan);

// ---- check runs (wording.cpp)
// "payments-eu: proposed us-east-1 (region), excluded by 2 rules"
std::string spec_headline(const SpecCheck& spec);
// "specs/payments.json:14:5 (/spec/residency)"
std::string location_text(const std::string& file, const CheckFinding& finding);
// "waived by alice@example.com until 2027-01-31: reason [TICKET-1]"
std::string waiver_text(const AppliedWaiver& waiver);
// "4 specs checked: 2 passed, 1 failed, 1 could not be evaluated · …"
std::string check_summary_line(const CheckRun& run);
// 32 hex digits, stable while the same rule fires on the same option of the same
// spec for the same user group or dependency (SARIF, GitLab Code Quality).
std::string finding_fingerprint(const SpecCheck& spec, const CheckFinding& finding);

// ---- catalog listings and diffs (wording.cpp)
// A fact's value as words: null "unknown" (nobody stated it), an empty list "none",
// true/false "yes"/"no", numbers as written, a list "a, b", an object
// "key: value; key: value" (an object inside a list in parentheses). Not
// escaped: each format escapes it. The parts are its list items or object
// members, for a printer that puts a long value on several lines.
std::string fact_value_text(const FactValue& value);
std::vector<std::string> fact_value_parts(const FactValue& value);
// Sources numbered in order of first use, listed once under the entries: a
// fact line says "[2]", and the twenty facts of one source name it once.
class SourceNumbers {
 public:
  std::size_t number(const std::string& source);  // from 1; 0 for "" (no source)
  const std::vector<std::string>& sources() const { return m_sources; }

 private:
  std::vector<std::string> m_sources;
};
// "aws-default 2026.11.26 (2026-11-26), sha256:0123456789ab, from embedded"
std::string catalog_line(const CatalogInfo& info);
// "3 changed, 1 added, 0 removed", or "no changes"
std::string diff_counts(const CatalogDiff& diff);

// ---- capacity plans (capacity_document.cpp): text and Markdown differ only in bullets and headings
std::string capacity_document(const CapacityReport& report, bool markdown);

// ---- costs
// "compute: 4 × m5.2xlarge …: $1,191/month now, $1,489 at the horizon; $48,245 over 36 months [1]";
// `citation` names the price's source ("[1]", or the source itself), unknown lines say what to supply.
std::string cost_line_text(const CostLine& line, const CostEstimate& estimate, const std::string& citation);
// The option's cost, when the report has one (recommend --prices): its summary, then each line citing its source.
std::vector<std::string> cost_lines(const Report& report, const Evaluation& option);
// cost_document.cpp: text and Markdown differ only in bullets, headings and escaping
std::string cost_document(const CostReport& report, bool markdown);

// ---- portfolios (portfolio_tables.cpp): built once as tables, laid out per format
struct Table {
  std::string title;
  std::vector<std::string> columns;
  std::vector<bool> numeric;  // right-aligned columns
  std::vector<std::vector<std::string>> rows;
  std::string note;  // under the table: "… and 12 more"
};
std::vector<Table> portfolio_tables(const Portfolio& p, std::size_t top);
// "12 workloads: 9 with a recommendation, 3 with no feasible placement, 0 errors"
std::string portfolio_headline(const Portfolio& p);
// The inputs as given ("`a`, `b`, shard 2/3" in Markdown).
std::string inputs_text(const PortfolioInfo& info, bool markdown);
// "107 residency, 4 latency"
std::string excluded_text(const std::vector<SummaryCount>& counts);

// ---- placement diffs (diff_tables.cpp): `diff` and `batch --baseline`
// "us-east-1-nyc-2a (local-zone, 92.4)", "no feasible placement", "error: …", "absent"
std::string placement_words(const Placement& p);
// One line per changed input ("catalog: aws-default 2026.11.26 sha256:… → …"), or that none was recorded.
std::vector<std::string> input_change_lines(const InputChanges& c);
// "edgeplan catalog diff default overlay.json": the command that names the site facts; "" unless the catalog changed.
std::string catalog_diff_hint(const InputChanges& c);
// The evidence and, when several inputs changed, the one it points to: "… (points to: catalog)".
std::string evidence_words(const Evidence& e, const InputChanges& inputs);
// "placement moved: A → B", or a batch diff's counts.
std::string diff_headline(const PlacementDiff& d);
Table options_table(const WorkloadDiff& w);
// Placement changes by cause, then one table per kind of change (moved under `moved_title`).
std::vector<Table> batch_diff_tables(const PlacementDiff& d, const std::string& moved_title);

}  // namespace edgeplan::render_detail
