#include <edgeplan/pipeline.hpp>

#include <algorithm>

#include <edgeplan/explain.hpp>
#include <edgeplan/fallback.hpp>
#include <edgeplan/candidates.hpp>
#include <edgeplan/cost.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/rank.hpp>
#include <edgeplan/relax.hpp>
#include <edgeplan/robustness.hpp>
#include <edgeplan/json_digest.hpp>
#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/parallel.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

Provenance provenance_of(const Engine& engine) {
  Provenance p;
  p.edgeplan_version = edgeplan_version();
  p.catalog_name = engine.catalog.info.name;
  p.catalog_version = engine.catalog.info.version;
  p.catalog_date = engine.catalog.info.date;
  p.catalog_digest = engine.catalog.info.digest;
  p.catalog_origin = engine.catalog.info.origin;
  p.rules_digest = engine.rules.digest;
  p.rule_files = engine.rules.files;
  if (engine.measured) p.measured_latency_digest = engine.measured->digest();
  if (engine.prices) {
    p.prices_name = engine.prices->name;
    p.prices_date = engine.prices->effective_date;
    p.prices_currency = engine.prices->currency;
    p.prices_digest = engine.prices->digest;
    p.prices_example = engine.prices->example;
  }
  return p;
}

const char* edgeplan_version() { return EDGEPLAN_VERSION; }

namespace {

// "\"key\":" as canonical_text writes a member's key.
std::string member_key(const std::string& key) { return canonical_text(Json(key)) + ":"; }

}  // namespace

// The workload's canonical text is put together from its members' texts, so
// that the sections a batch record digests on their own are dumped once: a
// batch evaluates thousands of specs, and a dump costs more than the digest.
// The result is byte for byte canonical_text of the members with `spec` (if
// any) under "spec" (tested).
ReportInput report_digests(const Json& members, const Json* spec) {
  static const std::string kSpec = "spec";
  // The members in the order a std::map keeps them, "spec" among them.
  std::vector<std::pair<const std::string*, const Json*>> items;
  items.reserve(members.size() + 1);
  for (const auto& [key, value] : members.get_ref<const Json::object_t&>())
    if (key != kSpec) items.emplace_back(&key, &value);
  if (spec)
    items.insert(std::lower_bound(items.begin(), items.end(), kSpec, [](const auto& item, const std::string& key) { return *item.first < key; }),
                 {&kSpec, spec});

  ReportInput input;
  std::string text = "{", name, labels;
  for (const auto& [key, value] : items) {
    text += (text.size() > 1 ? "," : "") + member_key(*key);
    if (*key != kSpec || !value->is_object()) {
      const std::string piece = canonical_text(*value);
      if (*key == "name") name = piece;
      if (*key == "labels") labels = piece;
      text += piece;
      continue;
    }
    text += "{";
    for (const auto& [section, part] : value->items()) {
      const std::string piece = canonical_text(part);
      input.sections.emplace_back(section, util::short_digest(util::sha256_hex(piece)));
      text += (text.back() == '{' ? "" : ",") + member_key(section) + piece;
    }
    text += "}";
  }
  text += "}";
  const std::string metadata = "{" + member_key("labels") + (labels.empty() ? "null" : labels) + "," + member_key("name") + (name.empty() ? "null" : name) + "}";
  input.sections.insert(input.sections.begin(), {"metadata", util::short_digest(util::sha256_hex(metadata))});
  input.spec_digest = util::sha256_hex(text);
  return input;
}

ReportInput report_input(Json workload) {
  const auto spec = workload.find("spec");
  ReportInput input = report_digests(workload, spec == workload.end() ? nullptr : &*spec);
  input.spec = std::move(workload);
  return input;
}

SizingPolicy sizing_policy(const Workload& workload, const Engine& engine) {
  SizingPolicy policy;
  if (workload.compute.spare_hosts) policy.spare_hosts = *workload.compute.spare_hosts;
  if (workload.compute.max_utilization) policy.max_utilization = *workload.compute.max_utilization;
  if (engine.spare_hosts) policy.spare_hosts = *engine.spare_hosts;
  if (engine.max_utilization) policy.max_utilization = *engine.max_utilization;
  return policy;
}

std::shared_ptr<const RuleNeeds> decision_needs(const RuleSet& rules) {
  return std::make_shared<const RuleNeeds>(rules, LazyFacts::part_names());
}

std::shared_ptr<const RuleNeeds> decision_needs(const Engine& engine) {
  return engine.decision_needs ? engine.decision_needs : decision_needs(engine.rules);
}

FactsContext facts_context(const Workload& workload, const Engine& engine) {
  FactsContext context{workload, engine.catalog, engine.measured, sizing_policy(workload, engine)};
  if (engine.catalog.account && !engine.catalog.account->captured_at.empty())
    context.account_age_days = util::days_between(engine.catalog.account->captured_at, engine.today);
  context.max_catalog_age_days = engine.max_catalog_age_days;
  return context;
}

namespace {

// What the rules read of one candidate besides the workload: its option and all its facts.
void derive_option(Evaluation& ev, const FactsContext& context) {
  ev.option = option_json(*ev.candidate);
  ev.facts = derive_facts(*ev.candidate, context);
}

// The full evaluation of one candidate: every rule over its option and all its facts.
void evaluate_fully(Evaluation& ev, const FactsContext& context, const CompiledRules& rules, Json& data) {
  derive_option(ev, context);
  rules.apply(ev, data);
}

// The same, for a report that keeps no facts (nor, but for
// ExcludedOptions::trace, the trace) of an excluded option: its facts are
// written over the last excluded option's on this thread, and left there for
// the next. Allocating fresh nodes for each option and freeing them costs
// instructions, and fresh pages cost more: most options are excluded. Without
// the trace, no option is traced (CompiledRules::findings): nothing reads it.
// `described`, if any, is `context` describing RTT terms, which `context` does
// not: an option kept whole gets its facts written again with them.
void evaluate_keeping_findings(Evaluation& ev, const FactsContext& context, const CompiledRules& rules, Json& data, bool keep_trace,
                               const FactsContext* described) {
  thread_local Json recycled = Json::object();
  ev.option = option_json(*ev.candidate);
  write_facts(*ev.candidate, context, recycled);
  ev.facts = std::move(recycled);
  if (keep_trace) rules.apply(ev, data);
  else rules.findings(ev, data);
  if (!ev.excluded()) {  // kept: the next option writes afresh
    if (described) write_facts(*ev.candidate, *described, ev.facts);
    return;
  }
  recycled = std::move(ev.facts);
  ev.facts = Json();
}

// Robustness in a decision-detail run reads the eligible options' latency facts
// and verify conditions: those options are evaluated again, fully, with rules
// compiled and data set up once, on the first of them. The data is its own: the
// lazily built parts of the decision run's data are laid out for the next option.
class FullEvaluator {
 public:
  // `needs`: the decision's, whose rules per option kind serve here too.
  FullEvaluator(const RuleSet& rules, const std::map<std::string, double>& weights, const Json& workload, std::shared_ptr<const RuleNeeds> needs)
      : m_rules(rules, weights, std::move(needs)), m_data{{"workload", workload}} {}
  Evaluation evaluate(const Candidate& candidate, const FactsContext& context) {
    Evaluation ev;
    ev.candidate = &candidate;
    evaluate_fully(ev, context, m_rules, m_data);
    return ev;
  }

 private:
  CompiledRules m_rules;
  Json m_data;
};

}  // namespace

// Only the exclude rules run, and only the facts they read are derived: the
// exclusions are those of a full evaluation (relax.cpp checks every relaxation
// this way, dozens of times per recommendation).
std::optional<std::vector<Finding>> option_exclusions(const Workload& workload, const Engine& engine, const std::string& option_id) {
  const std::optional<Candidate> candidate = build_candidate(workload, engine.catalog, option_id);
  if (!candidate) return std::nullopt;
  const std::shared_ptr<const RuleNeeds> needs = decision_needs(engine);
  FactsContext context = facts_context(workload, engine);
  // Terms (text) only if an exclude rule may read them: the default rules do not.
  context.describe_terms = needs->exclusions_read_terms;
  const CompiledRules rules(engine.rules, {}, needs);
  // The rules' data of this thread's last check: a relaxation is checked round
  // after round, option after option, and each check writes its facts over the
  // last one's nodes (as a batch does from option to option) rather than
  // allocating and freeing them. Each part a rule reads is built before it
  // reads it; parts left from the last check are never read.
  thread_local Json data = Json::object();
  // The workload's data (the spec copied whole) only when an exclude rule reads it.
  if (needs->exclusions_read_workload) data["workload"] = workload_json(workload);
  else data.erase("workload");
  Evaluation ev;
  ev.candidate = &*candidate;
  LazyFacts lazy(*candidate, context);
  rules.exclusions(ev, data, &lazy);
  return std::move(ev.exclusions);
}

namespace {

// The winner's facts say whether a group is in its carrier's network (Wavelength).
bool in_carrier_network(const Evaluation& winner, std::size_t group) {
  const Json* users = winner.facts.is_object() && winner.facts.contains("latency") ? &winner.facts["latency"]["users"] : nullptr;
  return users && users->is_array() && group < users->size() && (*users)[group].value("in_carrier_network", false);
}

// How far from each user group a site of the winner's kind may be and meet the
// users' budget; the same last mile as the facts (facts.cpp write_user_latency).
void add_reach(ReportPlaces& places, const Workload& workload, const Report& report) {
  if (!workload.latency.users_max_rtt_ms || !report.feasible()) return;
  const Evaluation& winner = *report.ranked.front().evaluation;
  const SiteKind kind = winner.candidate->kind;
  places.reach_kind = to_string(kind);
  const bool counts_access = workload.latency.includes_access;
  for (std::size_t i = 0; i < places.users.size(); ++i) {
    const UserGroup& g = workload.users[i];
    const Range last_mile = !counts_access                       ? latency::access_overhead(AccessType::lan)
                            : in_carrier_network(winner, i)      ? latency::kCarrierEdge5g
                                                                 : latency::access_overhead(g.access);
    places.users[i].reach_km = latency::reach_km(last_mile, kind, workload.latency.percentile, *workload.latency.users_max_rtt_ms);
  }
}

ReportPlaces places_of(const Workload& workload, const Report& report) {
  ReportPlaces places;
  for (const auto& g : workload.users) places.users.push_back({g.name, g.place.point, g.place.label, g.share, std::nullopt});
  for (const auto& d : workload.dependencies)
    places.dependencies.push_back({d.name, d.place.point, d.place.label, d.facility, d.max_rtt_ms});
  for (const auto& f : workload.customer.facilities) places.facilities.push_back({f.id, f.name, f.place.point});
  places.users_budget_ms = workload.latency.users_max_rtt_ms;
  places.percentile = workload.latency.percentile;
  add_reach(places, workload, report);
  return places;
}

// The weights a report ranks by. Cost is scored only from prices: with a price
// file it weighs kDefaultCostWeight unless the spec sets it; without one it is
// left out, and a spec that weighs it hears why.
std::map<std::string, double> report_weights(const Engine& engine, const LoadedWorkload& loaded, std::vector<Diagnostic>& warnings) {
  std::map<std::string, double> weights = effective_weights(engine.rules, loaded.workload.weights);
  if (engine.prices) {
    weights.try_emplace("cost", kDefaultCostWeight);
  } else if (weights.erase("cost")) {
    const auto weight = loaded.workload.weights.find("cost");
    if (weight == loaded.workload.weights.end() || weight->second <= 0) return weights;
    // Located at the spec's field when the spec says it; a --weights override has no place in a file.
    const bool in_spec = loaded.workload.spec.contains(Json::json_pointer("/spec/weights/cost"));
    warnings.push_back({Severity::warning, in_spec ? loaded.workload.source_name : "", 0, 0, in_spec ? "/spec/weights/cost" : "",
                        in_spec ? "spec.weights.cost is set, but no prices were given: cost is not scored"
                                : "--weights sets a cost weight, but no prices were given: cost is not scored",
                        "pass a price file with --prices FILE"});
  }
  return weights;
}

// Each eligible option's cost, the cost factor from them, and each ranked
// option's estimate once ranked.
std::vector<CostEstimate> estimate_costs(Report& report, const FactsContext& context, const Prices& prices) {
  std::vector<CostEstimate> estimates;
  for (const auto& ev : report.evaluations)
    if (!ev.excluded()) estimates.push_back(estimate_cost(*ev.candidate, context, prices));
  score_cost(report, estimates);
  return estimates;
}

void attach_costs(Report& report, std::vector<CostEstimate>& estimates) {
  for (auto& r : report.ranked)
    for (auto& e : estimates)
      if (e.option_id == r.evaluation->candidate->id) r.cost = std::move(e);
}

// Every candidate fully (recommend, check, --explain). Each evaluation reads
// only shared, unchanging inputs and writes its own slot, so they run on every
// core, each worker over its own copy of the rules' data; the evaluations are
// the same, in candidate order, for any number of threads.
void evaluate_all_fully(std::vector<Evaluation>& out, const std::vector<Candidate>& candidates, const FactsContext& context,
                        const CompiledRules& rules, Json& data, std::size_t threads, ExcludedOptions excluded) {
  // RTT terms are text that only --explain prints, and most options are
  // excluded: a report that keeps only an excluded option's findings evaluates
  // without them where no rule reads them, and describes them for the options
  // it keeps whole (their facts are then those of a full report).
  std::optional<FactsContext> lean;
  if (excluded == ExcludedOptions::findings && context.describe_terms && !any_rule_reads_rtt_terms(rules.rule_set())) {
    lean.emplace(context);
    lean->describe_terms = false;
  }
  out.resize(candidates.size());
  const std::size_t workers = util::parallel_threads(candidates.size(), threads);
  std::vector<Json> worker_data(workers - 1, data);  // worker 0 (this thread) uses `data`
  util::parallel_for(candidates.size(), workers, [&](std::size_t i, std::size_t worker) {
    Evaluation& ev = out[i];
    ev.candidate = &candidates[i];
    Json& own_data = worker == 0 ? data : worker_data[worker - 1];
    if (excluded == ExcludedOptions::whole) evaluate_fully(ev, context, rules, own_data);
    else evaluate_keeping_findings(ev, lean ? *lean : context, rules, own_data, excluded == ExcludedOptions::trace, lean ? &context : nullptr);
  });
}

// Every candidate to a decision (batch, cost): on this thread, as a batch
// worker runs it. With robustness, an eligible option is evaluated again, fully.
// The report's candidates in order: the catalog's sites when it shares them
// (Report::site_candidates), then its own.
void evaluate_all(Report& report, const Engine& engine, const FactsContext& context, const CompiledRules& rules,
                  const std::shared_ptr<const RuleNeeds>& needs, Json& data, PartNodes& parts, bool robustness) {
  std::optional<FullEvaluator> again;
  const std::vector<Candidate>* lists[] = {report.site_candidates.get(), report.candidates.get()};
  std::size_t count = 0;
  for (const auto* list : lists) count += list ? list->size() : 0;
  report.evaluations.reserve(count);
  for (const auto* list : lists) {
    if (!list) continue;
    for (const auto& candidate : *list) {
      // Evaluated where it is kept: an Evaluation is a dozen containers to move.
      Evaluation& ev = report.evaluations.emplace_back();
      ev.candidate = &candidate;
      LazyFacts lazy(candidate, context, &parts);
      rules.apply(ev, data, &lazy, Detail::decision);
      if (robustness && !ev.excluded()) {
        if (!again) again.emplace(engine.rules, report.weights, data["workload"], needs);
        ev = again->evaluate(candidate, context);
      }
    }
  }
}

// A decision's candidates: the engine's shared site candidates, while they are
// this catalog's, and the workload's own; else all of them made here.
void decision_candidates(Report& report, const Workload& workload, const Engine& engine) {
  if (engine.site_candidates && are_site_candidates_of(*engine.site_candidates, engine.catalog)) {
    report.site_candidates = engine.site_candidates;
    report.candidates = std::make_shared<const std::vector<Candidate>>(workload_candidates(workload, engine.catalog));
  } else {
    report.candidates = std::make_shared<const std::vector<Candidate>>(build_candidates(workload, engine.catalog));
  }
}

}  // namespace

Report recommend(const LoadedWorkload& loaded, const Engine& engine, Detail detail, bool robustness, Relaxations relaxations,
                 ExcludedOptions excluded) {
  const Workload& workload = loaded.workload;
  Report report;
  report.workload = workload.name;
  report.workload_file = workload.source_name;
  report.input_warnings = loaded.warnings;
  report.weights = report_weights(engine, loaded, report.input_warnings);
  report.provenance = provenance_of(engine);

  // Candidates must outlive the evaluations that point at them: keep them in the report.
  const bool full = detail == Detail::full;
  if (full) report.candidates = std::make_shared<const std::vector<Candidate>>(build_candidates(workload, engine.catalog));
  else decision_candidates(report, workload, engine);
  FactsContext context = facts_context(workload, engine);
  context.describe_terms = full;
  context.leg_texts = full;
  const std::shared_ptr<const RuleNeeds> needs = full ? nullptr : decision_needs(engine);
  const CompiledRules rules(engine.rules, report.weights, needs);
  // The rules' data. A decision builds each option's facts lazily into it, over
  // the last option's nodes, and those nodes stay with the thread from workload
  // to workload (a batch worker evaluates one after another) instead of being
  // freed with each workload and allocated again for the next: each part a rule
  // reads is built before it reads it, so parts left from before are never read.
  thread_local Json decision_data = Json::object();
  thread_local PartNodes decision_parts;  // where the parts sit in decision_data
  Json full_data = Json::object();
  Json& data = full ? full_data : decision_data;
  // The workload as rules read it, the spec copied in. A decision without a
  // rule that reads it (the default rules read none) and without robustness
  // (its full evaluations read it) leaves it out, and keeps only its digests:
  // the report of a decision renders no record of its input.
  const bool reads_workload = full || robustness || needs->decision_reads.at("workload") != nullptr;
  if (reads_workload) data["workload"] = workload_json(workload);
  else data.erase("workload");
  if (full) {
    evaluate_all_fully(report.evaluations, *report.candidates, context, rules, data, engine.threads, excluded);
  } else {
    evaluate_all(report, engine, context, rules, needs, data, decision_parts, robustness);
  }
  if (full) report.input = report_input(std::move(data["workload"]));
  else report.input = report_digests(workload_members_json(workload), &spec_section(workload));
  if (full)
    for (const auto& rule : engine.rules.rules) report.input.rules.emplace_back(rule.id, rule.file);
  std::vector<CostEstimate> costs;
  if (engine.prices) costs = estimate_costs(report, context, *engine.prices);
  rank_options(report, full);
  attach_costs(report, costs);
  if (full) {
    explain(report);
    report.places = places_of(workload, report);
    if (relaxations == Relaxations::checked) relax_excluded(report, loaded, engine);
    if (workload.resilience) report.fallback = plan_fallback(report, *workload.resilience);
  } else {
    count_exclusions(report);
    if (robustness) report.robustness = assess_robustness(report);
  }
  return report;
}

std::vector<RuleData> rule_data(const LoadedWorkload& loaded, const Engine& engine) {
  const Workload& workload = loaded.workload;
  const std::vector<Candidate> candidates = build_candidates(workload, engine.catalog);
  const FactsContext context = facts_context(workload, engine);
  const Json workload_data = workload_json(workload);
  std::vector<RuleData> out;
  out.reserve(candidates.size());
  for (const Candidate& candidate : candidates) {
    Evaluation ev;
    ev.candidate = &candidate;
    derive_option(ev, context);
    out.push_back({candidate.id, Json{{"workload", workload_data}, {"option", std::move(ev.option)}, {"facts", std::move(ev.facts)}}});
  }
  return out;
}

}  // namespace edgeplan
