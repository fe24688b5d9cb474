#include <edgeplan/rules.hpp>

#include <algorithm>
#include <cmath>
#include <span>

#include <fmt/format.h>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// The option's kind, from its candidate when there is one: with lazy data the
// "option" part may not have been built.
std::string option_kind(const Evaluation& ev) {
  return ev.candidate ? to_string(ev.candidate->kind) : ev.option["kind"].get<std::string>();
}

std::string option_id(const Evaluation& ev) { return ev.candidate ? ev.candidate->id : ev.option["id"].get<std::string>(); }

bool applies_to(const Rule& rule, const std::string& kind) {
  return rule.kinds.empty() || std::find(rule.kinds.begin(), rule.kinds.end(), kind) != rule.kinds.end();
}

Json evaluate_or_null(const std::optional<jsonlogic::Expression>& e, const jsonlogic::DataView& data) {
  return e ? e->evaluate(data) : Json(nullptr);
}

// What a finding says about its rule, without anything rendered from the data.
void describe_rule(Finding& f, const Rule& rule) {
  f.rule = rule.id;
  f.effect = rule.effect;
  f.severity = rule.severity;
  f.factor = rule.factor;
  f.condition_kind = rule.condition_kind;
  f.unit = rule.unit;
  f.points = rule.points;
  f.rule_file = rule.file;
  f.waivable = rule.waivable;
}

std::string render_summary(const Rule& rule, const jsonlogic::DataView& data) { return rule.summary.empty() ? rule.factor : rule.summary.render(data); }

// The rule's relaxation for this option as JSON Patch operations; null when
// the rule has none or a value it needs is unknown.
Json render_relax(const Rule& rule, const jsonlogic::DataView& data) {
  if (rule.relax.empty()) return nullptr;
  Json ops = Json::array();
  for (const auto& op : rule.relax) {
    Json value = evaluate_or_null(op.value, data);
    if (value.is_null()) return nullptr;
    ops.push_back({{"op", op.op}, {"path", op.path.render(data)}, {"value", std::move(value)}});
  }
  return ops;
}

// Everything a fired rule says of the data (evaluating may throw EvalError).
void render_finding(Finding& f, const Rule& rule, const jsonlogic::DataView& data) {
  f.message = rule.message.render(data);
  f.remedy = rule.remedy.empty() ? std::string{} : rule.remedy.render(data);
  f.relax = render_relax(rule, data);
  f.summary = render_summary(rule, data);
  f.measured = evaluate_or_null(rule.measured, data);
  f.required = evaluate_or_null(rule.required, data);
}

// A for_each item's name ("Denver viewers"), so two findings of one rule on one
// option stay apart (check's SARIF fingerprints, locations); "" without one.
std::string item_name(const Json* item) {
  if (!item || !item->is_object()) return {};
  const auto name = item->find("name");
  return name != item->end() && name->is_string() ? name->get<std::string>() : std::string{};
}

// Where a finding of `effect` is kept; a score rule keeps none.
std::vector<Finding>* findings_of(Evaluation& ev, Effect effect) {
  switch (effect) {
    case Effect::exclude: return &ev.exclusions;
    case Effect::warn: return &ev.warnings;
    case Effect::adjust: return &ev.adjustments;
    case Effect::score: return nullptr;
  }
  return nullptr;
}

// Reading `path` needs `part` when one contains the other.
bool reads_part(const std::string& path, const std::string& part) {
  const auto inside = [](const std::string& longer, const std::string& shorter) {
    return longer.size() > shorter.size() && longer.compare(0, shorter.size(), shorter) == 0 && longer[shorter.size()] == '.';
  };
  return path == part || inside(path, part) || inside(part, path);
}

std::uint64_t parts_read(const jsonlogic::DataReads& reads, const std::vector<std::string>& parts) {
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool read = reads.anything || std::any_of(reads.paths.begin(), reads.paths.end(),
                                                    [&](const std::string& path) { return reads_part(path, parts[i]); });
    if (read) mask |= std::uint64_t{1} << i;
  }
  return mask;
}

// A path a rule's expression reads, as a path of the data: its "item" is an
// element of its for_each array, so "item.terms" of facts.latency.users reads
// facts.latency.users.*.terms.
std::string data_path(const Rule& rule, const std::string& path) {
  const bool of_item = !rule.for_each.empty() && (path == "item" || path.rfind("item.", 0) == 0);
  return of_item ? rule.for_each + ".*" + path.substr(4) : path;
}

// A rule's recorded reads (Rule::reads, Rule::reads_to_decide) are what its
// expressions read, then its for_each array (rule_loader.cpp): the paths of
// the expressions. Worked out once at load (and kept in the rules snapshot),
// so not again here.
std::span<const std::string> expression_paths(const Rule& rule, const jsonlogic::DataReads& recorded) {
  return std::span<const std::string>(recorded.paths).first(recorded.paths.size() - (rule.for_each.empty() ? 0 : 1));
}

// Whether the rule may read an RTT's terms.
bool reads_rtt_terms(const Rule& rule) {
  if (rule.reads.anything) return true;
  const auto paths = expression_paths(rule, rule.reads);
  return std::any_of(paths.begin(), paths.end(), [&](const std::string& path) { return may_read_rtt_terms(data_path(rule, path)); });
}

// Adds to `out` the members of the data a rule reads with `recorded` (one of
// its recorded reads). Its for_each array is iterated, and a finding names its
// item by the item's "name" (item_name).
void add_read_paths(ReadPaths& out, const Rule& rule, const jsonlogic::DataReads& recorded) {
  if (recorded.anything) out.add("");
  for (const auto& path : expression_paths(rule, recorded)) out.add(data_path(rule, path));
  if (!rule.for_each.empty()) {
    out.add_iterated(rule.for_each);
    out.add(rule.for_each + ".*.name");
  }
}

// The rules of the set that apply to an option of `kind` (applies_to), in rule order.
RuleNeeds::KindRules rules_for_kind(const RuleSet& rules, const std::string& kind) {
  RuleNeeds::KindRules out;
  out.applies.assign((rules.rules.size() + 63) / 64, 0);
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    const Rule& rule = rules.rules[i];
    if (!applies_to(rule, kind)) continue;
    out.applies[i / 64] |= std::uint64_t{1} << (i % 64);
    if (rule.effect == Effect::exclude) out.exclude.push_back(i);
    if (rule.effect == Effect::score || rule.effect == Effect::adjust) out.decide.push_back(i);
  }
  return out;
}

// rules_for_kind for every option kind, indexed by SiteKind.
std::array<RuleNeeds::KindRules, kSiteKindCount> rules_by_kind(const RuleSet& rules) {
  std::array<RuleNeeds::KindRules, kSiteKindCount> out;
  for (std::size_t kind = 0; kind < kSiteKindCount; ++kind) out[kind] = rules_for_kind(rules, to_string(static_cast<SiteKind>(kind)));
  return out;
}

}  // namespace

bool any_rule_reads_rtt_terms(const RuleSet& rules) {
  return std::any_of(rules.rules.begin(), rules.rules.end(), [](const Rule& rule) { return reads_rtt_terms(rule); });
}

double plus_adjustments(double score, const Evaluation& evaluation) {
  for (const auto& a : evaluation.adjustments) score += a.points;
  return score;
}

double reported_score(double score) { return std::round(std::clamp(score, 0.0, 100.0) * 10) / 10; }

double unclamped_score(const Evaluation& evaluation, const std::map<std::string, double>& weights) {
  auto score_of = [&](const std::string& factor) {
    auto it = evaluation.factor_scores.find(factor);
    return it == evaluation.factor_scores.end() ? 100.0 : it->second;
  };
  return plus_adjustments(weighted_mean(weights, score_of), evaluation);
}

std::map<std::string, double> effective_weights(const RuleSet& rules, const std::map<std::string, double>& workload_weights) {
  std::map<std::string, double> out;
  for (const auto& factor : factor_names()) out[factor] = 0;
  for (const auto& [factor, w] : rules.weights) out[factor] = w;
  for (const auto& [factor, w] : workload_weights) out[factor] = w;
  return out;
}

RuleNeeds::RuleNeeds(const RuleSet& rules, const std::vector<std::string>& parts) {
  if (parts.size() > 64) throw std::logic_error("RuleNeeds: at most 64 lazily built parts");
  for (const auto& rule : rules.rules) {
    all.push_back(parts_read(rule.reads, parts));
    to_decide.push_back(rule.effect == Effect::adjust ? all.back() : parts_read(rule.reads_to_decide, parts));
    if (rule.effect == Effect::exclude && parts_read(rule.reads, {"workload"}) != 0) exclusions_read_workload = true;
    if (rule.effect == Effect::exclude && reads_rtt_terms(rule)) exclusions_read_terms = true;
    // As Run::decision and Run::exclusions evaluate them.
    if (rule.effect == Effect::exclude || rule.effect == Effect::score) add_read_paths(decision_reads, rule, rule.reads_to_decide);
    if (rule.effect == Effect::adjust) add_read_paths(decision_reads, rule, rule.reads);
    if (rule.effect == Effect::exclude) add_read_paths(exclusion_reads, rule, rule.reads);
  }
  // The nodes a builder writes where a rule's path leads go straight into the
  // rules' view (Run::prepare): the ids it caches them under.
  const auto id_of = [](const std::string& path) { return jsonlogic::path_id(path).value_or(ReadPaths::kNoId); };
  decision_reads.assign_ids(id_of);
  exclusion_reads.assign_ids(id_of);
  for (const auto& part : parts) {
    decision_part_reads.push_back(decision_reads.at(part));
    exclusion_part_reads.push_back(exclusion_reads.at(part));
  }
  by_kind = rules_by_kind(rules);
}

CompiledRules::CompiledRules(const RuleSet& rules, std::map<std::string, double> weights, std::shared_ptr<const RuleNeeds> needs)
    : m_rules(rules), m_weights(std::move(weights)), m_needs(std::move(needs)) {
  if (m_needs && m_needs->all.size() != rules.rules.size()) throw std::logic_error("CompiledRules: needs of another rule set");
  if (!m_needs) m_by_kind = rules_by_kind(rules);
}

// One option through the rules. Everything reads `m_view` (for_each rules an
// overlay of it binding "item"), so each path is looked up once per option and
// no element is copied to render a message. Lazily built parts are inserted
// into `m_data` while the view is in use: that leaves the nodes it has cached
// in place (nlohmann objects are std::maps).
class CompiledRules::Run {
 public:
  // `reads`: what the evaluation may read of each lazily built part (null: all of every part).
  Run(const CompiledRules& engine, Evaluation& ev, Json& data, LazyData* lazy, Detail detail, const std::vector<const ReadPaths*>* reads)
      : m_engine(check_needs(engine, lazy)), m_ev(ev), m_data(data), m_lazy(lazy), m_reads(reads), m_detail(detail),
        m_by_kind(ev.candidate ? &engine.kind_rules(ev.candidate->kind) : nullptr),
        m_view(prepared(data, ev, lazy)) {}

  // Lazily built parts stay in the data, for the next option to overwrite.
  ~Run() {
    if (!m_lazy) m_ev.facts = std::move(m_data["facts"]);
  }

  void full() {
    // Each rule traces one line or more: room for them at once, not by doubling.
    m_ev.trace.reserve(rules().size());
    for (std::size_t i = 0; i < rules().size(); ++i) guarded(i, &RuleNeeds::all, [&] { apply_fully(i); });
    m_ev.trace.resize(m_traced);  // lines left from the option the evaluation held before
    finish_score();
  }

  // Every exclude rule that applies to the option, fully; nothing else is
  // evaluated, and no facts are derived for a rule that does not apply.
  void exclusions() {
    for (std::size_t i = 0; i < rules().size(); ++i)
      if (rules()[i].effect == Effect::exclude && applies(i)) guarded(i, &RuleNeeds::all, [&] { apply_fully(i); });
  }

  // Full detail but the trace, exclusions first: CompiledRules::findings.
  void findings() {
    exclusions();
    const bool excluded = m_ev.excluded();
    for (std::size_t i = 0; i < rules().size(); ++i) {
      const Effect effect = rules()[i].effect;
      if (effect == Effect::exclude || (excluded && effect == Effect::warn)) continue;
      guarded(i, &RuleNeeds::all, [&] { apply_fully(i); });
    }
    finish_score();
  }

  // Exclusions first, in rule order, up to the first that fires; scores only
  // for an option that none excludes. By the rules listed for the option's
  // kind (RuleNeeds::by_kind; worked out here when there are none).
  void decision() {
    std::optional<RuleNeeds::KindRules> own;
    const RuleNeeds::KindRules& listed = m_by_kind ? *m_by_kind : own.emplace(rules_for_kind(m_engine.m_rules, kind()));
    for (std::size_t k = 0; k < listed.exclude.size() && !m_ev.excluded(); ++k) {
      const std::size_t i = listed.exclude[k];
      guarded(i, &RuleNeeds::to_decide, [&] { first_exclusion(i); });
    }
    if (m_ev.excluded()) return;
    for (const std::size_t i : listed.decide) guarded(i, &RuleNeeds::to_decide, [&] { apply_fully(i); });
    finish_score();
  }

 private:
  static const Json& prepared(Json& data, Evaluation& ev, LazyData* lazy) {
    if (lazy) {
      if (!data.contains("facts")) data["facts"] = Json::object();
    } else {
      data["option"] = ev.option;
      data["facts"] = std::move(ev.facts);
    }
    return data;
  }

  const std::vector<Rule>& rules() const { return m_engine.m_rules.rules; }

  bool applies(std::size_t i) const {
    if (m_by_kind) return (m_by_kind->applies[i / 64] >> (i % 64) & 1) != 0;
    return applies_to(rules()[i], kind());
  }

  // The option's kind as rules name it, worked out when first asked.
  const std::string& kind() const {
    if (m_kind.empty()) m_kind = option_kind(m_ev);
    return m_kind;
  }

  static const CompiledRules& check_needs(const CompiledRules& engine, const LazyData* lazy) {
    if (lazy && !engine.m_needs) throw std::logic_error("CompiledRules: lazily built data needs RuleNeeds");
    return engine;
  }

  // Runs `step` for rule `i` once the parts it needs are built.
  template <typename Step>
  void guarded(std::size_t i, std::vector<std::uint64_t> RuleNeeds::*needs, Step&& step) {
    try {
      if (m_lazy) prepare((*m_engine.m_needs.*needs)[i]);
      step();
    } catch (const jsonlogic::EvalError& e) {
      const Rule& rule = rules()[i];
      throw InputError(Diagnostic{Severity::error, rule.file, 0, 0, rule.pointer,
                                  fmt::format("rule \"{}\" failed on option \"{}\": {}", rule.id, option_id(m_ev), e.what()), {}});
    }
  }

  // Builds the lazy parts in `needs` not built yet. The nodes a part's builder
  // reports (where a rule's path leads) are taken by the view as found.
  void prepare(std::uint64_t needs) {
    std::uint64_t missing = needs & ~m_built;
    thread_local WrittenNodes written;
    for (std::size_t part = 0; missing != 0; ++part, missing >>= 1) {
      if ((missing & 1) == 0) continue;
      written.clear();
      m_lazy->build(part, m_data, PartWrite{m_reads ? (*m_reads)[part] : nullptr, m_reads ? &written : nullptr});
      m_view.bind(written.nodes());
    }
    m_built |= needs;
  }

  // The trace is written from its start: the lines an evaluation may hold
  // already (one evaluated again) are overwritten, their strings' room reused,
  // and the rest dropped by full().
  RuleTrace& trace_line(const Rule& rule) {
    RuleTrace& line = m_traced < m_ev.trace.size() ? m_ev.trace[m_traced] : m_ev.trace.emplace_back();
    ++m_traced;
    line.rule.assign(rule.id);
    line.effect.assign(to_string(rule.effect));
    return line;
  }

  // Only full detail keeps a trace.
  bool tracing() const { return m_detail == Detail::full; }

  void trace(const Rule& rule, std::string_view outcome, std::string_view detail = {}) {
    if (!tracing()) return;
    RuleTrace& line = trace_line(rule);
    line.outcome.assign(outcome);
    line.detail.assign(detail);
  }

  void trace_not_applicable(const Rule& rule) {
    if (!tracing()) return;
    RuleTrace& line = trace_line(rule);
    line.outcome.assign("not applicable");
    line.detail.assign("option kind ").append(kind());
  }

  // `view`: the option's, or an overlay binding "item" for for_each rules.
  void record_fired(const Rule& rule, const jsonlogic::DataView& view, const Json* item = nullptr) {
    const Finding* f = add_finding(rule, [&](Finding& added) {
      describe_rule(added, rule);
      render_finding(added, rule, view);
      added.item = item_name(item);
    });
    trace(rule, "fired", f ? std::string_view(f->message) : std::string_view());
  }

  // A finding of `rule`, built where it is kept (a Finding is large: moving
  // one costs as much as filling it), and taken back if `fill` throws.
  template <typename Fill>
  const Finding* add_finding(const Rule& rule, Fill&& fill) {
    std::vector<Finding>* list = findings_of(m_ev, rule.effect);
    if (list == nullptr) return nullptr;
    Finding& f = list->emplace_back();
    try {
      fill(f);
    } catch (...) {
      list->pop_back();
      throw;
    }
    return &f;
  }

  void apply_score(const Rule& rule) {
    Json value = rule.score->evaluate(m_view);
    const double score = value.is_number() ? reported_score(value.get<double>()) : 0.0;
    // Several score rules for one factor: the lowest wins, so any rule can cap a factor.
    auto it = m_ev.factor_scores.find(rule.factor);
    if (it == m_ev.factor_scores.end() || score < it->second) m_ev.factor_scores[rule.factor] = score;
    if (tracing()) trace(rule, fmt::format("{} {}", rule.factor, util::format_number(score)));
  }

  // Read as a `var` of the option's view: the path's prefix is often resolved already.
  const Json* for_each_items(const Rule& rule) const {
    const Json* items = rule.for_each_var.read_var(m_view).value_or(nullptr);
    return items && items->is_array() ? items : nullptr;
  }

  void apply_fully(std::size_t i) {
    const Rule& rule = rules()[i];
    if (!applies(i)) return trace_not_applicable(rule);
    if (rule.effect == Effect::score) {
      if (rule.condition.test(m_view)) apply_score(rule);
      return;
    }
    if (rule.for_each.empty()) {
      if (rule.condition.test(m_view)) record_fired(rule, m_view);
      else trace(rule, "passed");
      return;
    }
    bool fired = false;
    if (const Json* items = for_each_items(rule)) {
      for (const auto& item : *items) {
        const jsonlogic::DataView item_view(m_view, "item", item);
        if (!rule.condition.test(item_view)) continue;
        record_fired(rule, item_view, &item);
        fired = true;
      }
    }
    if (!fired) trace(rule, "passed");
  }

  // Decision detail: whether rule `i` excludes the option, and the summary of
  // its first finding (the one the full evaluation would list first).
  void first_exclusion(std::size_t i) {
    const Rule& rule = rules()[i];
    if (rule.for_each.empty()) {
      if (rule.condition.test(m_view)) record_exclusion(rule, m_view);
      return;
    }
    if (const Json* items = for_each_items(rule)) {
      for (const auto& item : *items) {
        const jsonlogic::DataView item_view(m_view, "item", item);
        if (rule.condition.test(item_view)) return record_exclusion(rule, item_view);
      }
    }
  }

  // Decision detail records what it promises (Detail::decision): the rule and
  // the summary. The rest of the rule's description is not copied: a batch
  // excludes most options, and copying six strings for each was measurable.
  void record_exclusion(const Rule& rule, const jsonlogic::DataView& view) {
    add_finding(rule, [&](Finding& f) {
      f.rule = rule.id;
      f.effect = rule.effect;
      f.summary = render_summary(rule, view);
    });
  }

  void finish_score() {
    // An unscored factor counts 100, and is recorded so: every weighted factor has a score.
    auto score_of = [&](const std::string& factor) { return m_ev.factor_scores.try_emplace(factor, 100.0).first->second; };
    const double score = plus_adjustments(weighted_mean(m_engine.m_weights, score_of), m_ev);
    // Scores are on 0-100 like the factors; adjustments move an option within it.
    m_ev.score = reported_score(score);
  }

  const CompiledRules& m_engine;
  Evaluation& m_ev;
  Json& m_data;
  LazyData* m_lazy;
  const std::vector<const ReadPaths*>* m_reads;
  Detail m_detail;
  std::size_t m_traced = 0;  // lines of the trace written so far
  std::uint64_t m_built = 0;
  const RuleNeeds::KindRules* m_by_kind;  // the rules for the candidate's kind; null: ask each rule (applies_to)
  mutable std::string m_kind;             // kind(): empty until asked
  const jsonlogic::DataView m_view;  // each path the rules read is looked up once per option
};

void CompiledRules::apply(Evaluation& ev, Json& data, LazyData* lazy, Detail detail) const {
  const bool decision = lazy && detail == Detail::decision;
  Run run(*this, ev, data, lazy, detail, decision ? &m_needs->decision_part_reads : nullptr);
  if (detail == Detail::full) run.full();
  else run.decision();
}

void CompiledRules::findings(Evaluation& ev, Json& data) const {
  Run run(*this, ev, data, nullptr, Detail::decision, nullptr);  // decision detail: no trace
  run.findings();
}

void CompiledRules::exclusions(Evaluation& ev, Json& data, LazyData* lazy) const {
  Run run(*this, ev, data, lazy, Detail::decision, lazy ? &m_needs->exclusion_part_reads : nullptr);  // decision detail: no trace
  run.exclusions();
}

}  // namespace edgeplan
