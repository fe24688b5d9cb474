#pragma once
// The neutral result of one recommendation. Renderers (text, Markdown, JSON)
// turn it into a format; nothing in here knows about output.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/cost.hpp>
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
  std::optional<CostEstimate> cost;        // with prices (recommend --prices): what it costs over the period
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
  // The price file the costs come from (--prices); name empty when none was given.
  std::string prices_name;
  std::string prices_date;
  std::string prices_currency;
  std::string prices_digest;
  bool prices_example = false;  // illustrative prices, not real ones: every cost says so
};

// ---------------------------------------------------------------- how sure the winner is (robustness.hpp)
// One factor's share of the gap between two options: weight × (score a − score b) / Σ weights, points.
struct FactorShare {
  std::string factor;
  double score_a = 0, score_b = 0;
  double points = 0;
};

// The weight of one factor over which `option` stays first, the others fixed.
// A bound is where another option's weighted score meets it: past it (or at it,
// when the tie goes to the rival by id) `rival` wins.
struct WeightBound {
  std::string factor;
  double weight = 0;                 // now
  std::optional<double> low, high;   // none: holds down to 0 / without limit
  std::string low_rival, high_rival;  // who wins past each bound
  bool low_inclusive = false, high_inclusive = false;  // the rival already wins at the bound (tie broken by id)
  bool reachable = true;  // false: no value of this weight alone makes the option first
};

// The nearest weight vector, by the sum of absolute changes (L1), at which
// another option wins: the winner holds for any change smaller than `l1`.
struct WeightMove {
  std::string factor;
  double from = 0, to = 0;
};
struct WeightShift {
  double l1 = 0;
  double share = 0;  // l1 / Σ weights
  std::string rival;
  std::vector<WeightMove> moves;  // the weights that change, in factor order
};

// One latency budget of an option across the model's range.
struct LatencyCheck {
  std::string name;  // user group or dependency
  bool dependency = false;
  bool measured = false;
  double required_ms = 0;
  double low_ms = 0, typical_ms = 0, high_ms = 0;  // optimistic, typical, pessimistic
  double probability = 0;  // of RTT <= budget under the stated distribution
};

enum class LatencyBand {
  no_budget,    // the spec sets no latency budget this option is held to
  pessimistic,  // every budget met even at the pessimistic estimate
  typical,      // met at the typical estimate, missed at the pessimistic one
  optimistic,   // met only at the optimistic estimate
  missed,       // missed even at the optimistic estimate
};
const char* to_string(LatencyBand band);

// The RTT model's estimates are quantiles: optimistic p1, typical p50,
// pessimistic p99 (latency_model.hpp), with a normal half on each side of the
// median (the same assumption at_percentile makes for p90 and p95). Budgets
// of one option share the model's errors, so they are taken to move together
// (comonotone): every budget is met with the probability of the least likely.
struct LatencyOutlook {
  std::string option;
  LatencyBand band = LatencyBand::no_budget;
  double probability = 1;  // of meeting every budget
  std::vector<LatencyCheck> checks;  // in the facts' order: user groups, then dependencies
  const LatencyCheck* binding() const;  // the least likely; null without budgets
};

enum class Confidence { robust, sensitive, fragile };
const char* to_string(Confidence confidence);

struct Robustness {
  Confidence label = Confidence::robust;
  std::vector<std::string> reasons;  // what set the label, in words ("margin 0.4 points < 1")
  std::string winner;
  // Options interchangeable with the winner: same kind, same metro (or facility),
  // equal factor scores and adjustments — the zones of one Local Zone group, say.
  // No weight separates them and either serves, so they are not its rivals.
  std::vector<std::string> equivalent;
  // Margin over the best rival; none when no other option is eligible.
  std::optional<double> margin;
  std::string runner_up;
  std::vector<FactorShare> margin_by_factor;
  double margin_adjustments = 0;        // points the adjustments add to the margin
  bool leads_only_by_rounding = false;  // ranked first on rounded scores, not on the weighted ones
  // An option's adjustments took its score past 0 or 100, where it is clamped:
  // the weight algebra, which is linear, then only approximates its bounds.
  bool clamped = false;
  std::vector<WeightBound> weight_bounds;  // per factor, in factor order
  std::optional<WeightBound> smallest_change;  // the factor whose bound is nearest, and that bound only
  std::optional<WeightShift> nearest_shift;
  std::vector<LatencyOutlook> latency;  // per eligible option, in rank order
  std::vector<Finding> verify;          // the winner's verify conditions: each could exclude it
};

// ---------------------------------------------------------------- primary + fallback (fallback.hpp)
struct FallbackChoice {
  const Evaluation* evaluation = nullptr;
  bool degraded = false;                   // misses latency budgets: the workload runs in degraded mode there
  std::vector<const Finding*> relaxed;     // degraded: the latency exclusions it has
  std::optional<double> worst_rtt_ms;      // degraded: the largest RTT among them
  std::vector<std::string> shared;         // dependencies it shares with the primary, in words
  std::vector<std::string> to_verify;      // e.g. that degraded mode is acceptable, when the spec does not bound it
};

struct FallbackPlan {
  std::string requirement = "preferred";  // "required" | "preferred" (spec.resilience.fallback; --fallback: preferred)
  const Evaluation* primary = nullptr;    // null when nothing is eligible
  std::optional<FallbackChoice> fallback;
  std::string note;        // why the primary is not the winner, or why there is no fallback
  struct PassedOver {
    std::string option;
    std::string why;  // "the same network border group us-west-2-lax-1", …
  };
  // Options that would otherwise qualify, passed over for sharing the primary's failure domain.
  std::vector<PassedOver> passed_over;
};

// The workload a report was computed from, as the rules read it: `edgeplan diff`
// names the spec fields that changed between two reports by JSON pointer into it.
struct ReportInput {
  // workload_json(): derived members, and the spec document's "spec" as written
  // under "spec". Full detail only (a decision's report keeps the digests alone).
  Json spec;
  std::string spec_digest;  // hex SHA-256 of spec's canonical text (keys sorted, no spaces): reformatting, or YAML for JSON, is no change
  // Per spec section, the first 12 hex digits of its digest: "metadata" (name and
  // labels), then each member of the spec's "spec" ("users", "latency", …).
  std::vector<std::pair<std::string, std::string>> sections;
  // Full detail only: each rule's id and the file that defines it, so that a diff
  // can tell a rule that is new from one that did not fire before.
  std::vector<std::pair<std::string, std::string>> rules;
};

// Holds pointers into its own evaluations: movable, not copyable.
// Where the spec's people and systems are, resolved (a metro's coordinates, a
// dependency's facility), for maps; filled by recommend() in full detail.
struct PlacedUsers {
  std::string name;
  GeoPoint point;
  std::string label;   // the metro or "lat,lon"
  double share = 0;    // of the traffic
  // The great-circle distance within which a site of the winner's kind meets the
  // users' budget by the latency model (none: not even next door; no budget: unset).
  std::optional<double> reach_km;
};
struct PlacedSystem {
  std::string name;
  GeoPoint point;
  std::string label;
  std::optional<std::string> facility;  // the customer facility it is in
  double max_rtt_ms = 0;
};
struct PlacedFacility {
  std::string id;
  std::string name;
  GeoPoint point;
};
struct ReportPlaces {
  std::vector<PlacedUsers> users;
  std::vector<PlacedSystem> dependencies;
  std::vector<PlacedFacility> facilities;
  std::optional<double> users_budget_ms;  // spec.latency.users.max_rtt_ms
  std::string percentile;                 // the budget's percentile ("p95")
  std::string reach_kind;                 // the site kind reach_km is for ("local-zone"); "" without a winner
};

struct Report {
  Report() = default;
  Report(Report&&) = default;
  Report& operator=(Report&&) = default;
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;

  std::string workload;
  std::string workload_file;
  std::map<std::string, double> weights;
  // The candidates evaluations point at: the workload's, and the catalog's
  // sites where a decision shares them (Engine::site_candidates), else null.
  std::shared_ptr<const std::vector<Candidate>> candidates;
  std::shared_ptr<const std::vector<Candidate>> site_candidates;
  std::vector<Evaluation> evaluations;  // every candidate, in catalog order
  std::vector<RankedOption> ranked;
  std::vector<ExcludedOption> excluded;  // best (closest to eligible) first
  std::vector<NearMiss> near_misses;
  std::vector<SummaryCount> exclusion_counts;
  std::string summary;                  // "3 of 118 candidates eligible: 61 residency, ..."
  std::vector<std::string> winner_rationale;
  std::vector<Diagnostic> input_warnings;
  Provenance provenance;
  std::optional<Robustness> robustness;  // none when nothing is eligible
  std::optional<FallbackPlan> fallback;  // spec.resilience or recommend --fallback
  ReportInput input;
  ReportPlaces places;  // full detail only
  bool feasible() const { return !ranked.empty(); }
  const Evaluation* find(const std::string& option_id) const;
};

}  // namespace edgeplan
