#pragma once
// The whole data flow for one workload:
//   load → validate → candidates → facts → rules → rank → explain → Report
// The CLI, the tests and the benchmarks all call this; it never touches
// argv, the environment, stdout or exit codes.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/capacity.hpp>

#include <edgeplan/catalog.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/rules.hpp>
#include <edgeplan/json_digest.hpp>  // json_digest: a report digests its spec
#include <edgeplan/latency_model.hpp>
#include <edgeplan/prices.hpp>
#include <edgeplan/report.hpp>
#include <edgeplan/rules.hpp>
#include <edgeplan/workload_loader.hpp>

namespace edgeplan {

struct Engine {
  const Catalog& catalog;
  const RuleSet& rules;
  const MeasuredLatency* measured = nullptr;
  std::optional<int> spare_hosts = std::nullopt;         // command-line override of the sizing policy
  std::optional<double> max_utilization = std::nullopt;  // 0-1
  // What each rule reads of the lazily built data (Detail::decision). Worked out
  // per workload when absent; callers that evaluate many workloads set it once
  // (decision_needs(rules)).
  std::shared_ptr<const RuleNeeds> decision_needs = nullptr;
  // The catalog's sites as candidates (site_candidates(catalog)), for callers
  // that decide many workloads: made once, shared by every decision's report.
  // Used only while they are the catalog's (are_site_candidates_of).
  std::shared_ptr<const std::vector<Candidate>> site_candidates = nullptr;
  // An imported account view older than this many days, counted to `today`
  // (YYYY-MM-DD, UTC), is a condition to verify (facts.account.stale).
  std::string today = {};
  int max_catalog_age_days = 30;
  // Prices (--prices): each eligible option's cost, and the cost factor. None: no cost is estimated.
  const Prices* prices = nullptr;
  // Threads a full-detail recommendation may use for its candidates and their
  // relaxations (0: every core). The report is the same for any number.
  std::size_t threads = 0;
};

std::shared_ptr<const RuleNeeds> decision_needs(const RuleSet& rules);
// The engine's own, when its caller worked them out once; else worked out now.
std::shared_ptr<const RuleNeeds> decision_needs(const Engine& engine);

class FileSystem;

// What an engine is built from, as a command line names it. Every command
// that evaluates workloads builds its engine from these, the same way.
struct EngineSources {
  std::string catalog;                  // empty: the embedded default
  std::vector<std::string> rule_packs;  // layered after the defaults, in order
  bool default_rules = true;
  std::string measured_latency;         // a LatencyMeasurements file; empty: estimates only
  std::optional<int> spare_hosts;       // sizing-policy overrides
  std::optional<double> max_utilization;  // 0-1
  std::string today = {};                 // YYYY-MM-DD; empty: today, UTC
  int max_catalog_age_days = 30;          // --max-catalog-age
  std::string prices = {};                // --prices: a price file (kind: Prices); empty: none
  std::size_t threads = 0;                // --jobs (recommend, check): Engine::threads
};

// Loads the sources once and owns what the Engine refers to; built in place.
class EngineSetup {
 public:
  // `extend_rules` may add to the rule set the sources name (`rules test` adds the packs under test).
  EngineSetup(const EngineSources& sources, const FileSystem& fs, const std::function<RuleSet(RuleSet)>& extend_rules = {});
  EngineSetup(const EngineSetup&) = delete;
  EngineSetup& operator=(const EngineSetup&) = delete;

  const Catalog& catalog() const { return m_catalog; }
  const RuleSet& rules() const { return m_rules; }
  const Engine& engine() const { return m_engine; }
  Engine& engine() { return m_engine; }

 private:
  Catalog m_catalog;
  RuleSet m_rules;
  std::optional<MeasuredLatency> m_measured;
  std::optional<Prices> m_prices;
  Engine m_engine;
};

// The catalog the sources name: the embedded default, or a file.
Catalog load_catalog(const EngineSources& sources, const FileSystem& fs);
// The rule set the sources name: the defaults (unless left out), then each pack.
RuleSet load_rule_set(const EngineSources& sources, const FileSystem& fs);

// Defaults, then the spec's spec.compute.policy, then the engine's overrides.
SizingPolicy sizing_policy(const Workload& workload, const Engine& engine);
// What the facts of the workload's options are derived with under this engine.
FactsContext facts_context(const Workload& workload, const Engine& engine);

// What a report was computed from: versions and digests of catalog and rules.
Provenance provenance_of(const Engine& engine);
// The report's record of its workload (workload_json()), its digest and its sections' digests.
ReportInput report_input(Json workload);
// The digests alone, of the object `members` with `spec` (null: none) as its
// "spec" member, without that object being built: input.spec is left null.
ReportInput report_digests(const Json& members, const Json* spec);

// Detail::decision evaluates only what ranking needs (see CompiledRules): the
// report then has its ranking, exclusion counts and summary, and no rationale,
// near misses, warnings, trace, or facts beyond those the rules read.
// A full report always has its robustness analysis (robustness.hpp); with
// Detail::decision, `robustness` asks for it: the eligible options (usually
// few) are then evaluated fully, since it reads their latency facts and
// verify conditions.
//
// A full report also has, for each excluded option, the relaxation that would
// make it eligible, each checked by evaluating the relaxed spec again: about a
// third of a recommendation's work. Relaxations::skipped leaves them out, for
// callers that judge options by their findings, ranking and fallback alone
// (check, rule tests).
enum class Relaxations { checked, skipped };
//
// A full report keeps every option's facts and rule trace, which --explain,
// check and the rule tests read, and which are most of a report's memory.
// ExcludedOptions::findings keeps of an excluded option only what a
// recommendation prints of it: its option, exclusions and scores (the facts are
// released as soon as it is evaluated, for the next option to reuse; it is not
// checked against the warn rules). No option is traced, and RTT terms are
// written only for the options kept whole, unless a rule reads them.
// ExcludedOptions::trace keeps its rule trace too, which check reads of the
// proposed option: an option's facts at the spec's limits (1,000 user groups)
// are megabytes, and check kept them for every option (1.9 GB).
enum class ExcludedOptions { whole, trace, findings };
Report recommend(const LoadedWorkload& workload, const Engine& engine, Detail detail = Detail::full, bool robustness = false,
                 Relaxations relaxations = Relaxations::checked, ExcludedOptions excluded = ExcludedOptions::whole);

// The exclusions of one option of `workload` under the full evaluation, as
// recommend() finds them; nullopt when the workload has no such candidate.
std::optional<std::vector<Finding>> option_exclusions(const Workload& workload, const Engine& engine, const std::string& option_id);

// The data every rule condition reads, one object per candidate option:
//   {"workload": …, "option": …, "facts": …}
// built by the same code recommend() uses (for_each rules add "item").
// `edgeplan facts` prints it; tests and the evaluator benchmark read it.
struct RuleData {
  std::string option_id;
  Json data;
};
// Every candidate of the workload, in catalog order (the order `recommend` evaluates them).
std::vector<RuleData> rule_data(const LoadedWorkload& workload, const Engine& engine);

const char* edgeplan_version();

}  // namespace edgeplan
