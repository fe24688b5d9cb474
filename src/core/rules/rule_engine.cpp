#include <edgeplan/evaluation.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

bool applies_to(const Rule& rule, const Json& option) {
  if (rule.kinds.empty()) return true;
  const std::string kind = option["kind"].get<std::string>();
  return std::find(rule.kinds.begin(), rule.kinds.end(), kind) != rule.kinds.end();
}

// "facts.latency.users" -> the array at that path of `data`, or null.
const Json* lookup_path(const Json& data, const std::string& path) {
  const Json* node = &data;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t dot = path.find('.', pos);
    std::string key = path.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    if (!node->is_object() || !node->contains(key)) return nullptr;
    node = &(*node)[key];
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  return node;
}

Json evaluate_or_null(const std::optional<jsonlogic::Expression>& e, const Json& data) {
  return e ? e->evaluate(data) : Json(nullptr);
}

Finding make_finding(const Rule& rule, const Json& data) {
  Finding f;
  f.rule = rule.id;
  f.effect = rule.effect;
  f.severity = rule.severity;
  f.factor = rule.factor;
  f.condition_kind = rule.condition_kind;
  f.message = rule.message.render(data);
  f.remedy = rule.remedy.empty() ? std::string{} : rule.remedy.render(data);
  f.summary = rule.summary.empty() ? rule.factor : rule.summary.render(data);
  f.measured = evaluate_or_null(rule.measured, data);
  f.required = evaluate_or_null(rule.required, data);
  f.unit = rule.unit;
  f.points = rule.points;
  f.rule_file = rule.file;
  f.waivable = rule.waivable;
  return f;
}

void record_fired(const Rule& rule, Evaluation& ev, const Json& data) {
  Finding f = make_finding(rule, data);
  ev.trace.push_back({rule.id, to_string(rule.effect), "fired", f.message});
  switch (rule.effect) {
    case Effect::exclude: ev.exclusions.push_back(std::move(f)); break;
    case Effect::warn: ev.warnings.push_back(std::move(f)); break;
    case Effect::adjust: ev.adjustments.push_back(std::move(f)); break;
    case Effect::score: break;
  }
}

void apply_score(const Rule& rule, Evaluation& ev, const jsonlogic::DataView& view) {
  Json value = rule.score->evaluate(view);
  double score = value.is_number() ? std::clamp(value.get<double>(), 0.0, 100.0) : 0.0;
  score = std::round(score * 10) / 10;  // as printed; keeps JSON and text in agreement
  // Several score rules for one factor: the lowest wins, so any rule can cap a factor.
  auto it = ev.factor_scores.find(rule.factor);
  if (it == ev.factor_scores.end() || score < it->second) ev.factor_scores[rule.factor] = score;
  ev.trace.push_back({rule.id, "score", fmt::format("{} {}", rule.factor, util::format_number(score)), ""});
}

}  // namespace

std::map<std::string, double> effective_weights(const RuleSet& rules, const std::map<std::string, double>& workload_weights) {
  std::map<std::string, double> out;
  for (const auto& factor : factor_names()) out[factor] = 0;
  for (const auto& [factor, w] : rules.weights) out[factor] = w;
  for (const auto& [factor, w] : workload_weights) out[factor] = w;
  return out;
}

RuleEngine::RuleEngine(const RuleSet& rules, std::map<std::string, double> weights)
    : m_rules(rules), m_weights(std::move(weights)) {}

// Conditions and scores read `view`; only a rule that fires renders its
// message and measured values from `data`, which then briefly holds "item".
// Inserting and erasing "item" leaves the nodes the view has cached in place
// (nlohmann objects are std::maps), and the view never reads "item" itself.
void RuleEngine::apply_rule(const Rule& rule, Evaluation& ev, Json& data, const jsonlogic::DataView& view) const {
  if (!applies_to(rule, ev.option)) {
    ev.trace.push_back({rule.id, to_string(rule.effect), "not applicable", "option kind " + ev.option["kind"].get<std::string>()});
    return;
  }
  if (rule.effect == Effect::score) {
    if (rule.condition.test(view)) apply_score(rule, ev, view);
    return;
  }
  if (rule.for_each.empty()) {
    if (rule.condition.test(view)) record_fired(rule, ev, data);
    else ev.trace.push_back({rule.id, to_string(rule.effect), "passed", ""});
    return;
  }
  const Json* items = lookup_path(data, rule.for_each);
  bool fired = false;
  if (items && items->is_array()) {
    for (const auto& item : *items) {
      const jsonlogic::DataView item_view(view, "item", item);
      if (!rule.condition.test(item_view)) continue;
      data["item"] = item;
      record_fired(rule, ev, data);
      data.erase("item");
      fired = true;
    }
  }
  if (!fired) ev.trace.push_back({rule.id, to_string(rule.effect), "passed", ""});
}

void RuleEngine::finish_score(Evaluation& ev) const {
  double weighted = 0, total_weight = 0;
  for (const auto& [factor, weight] : m_weights) {
    auto it = ev.factor_scores.find(factor);
    const double score = it == ev.factor_scores.end() ? 100.0 : it->second;
    ev.factor_scores[factor] = score;
    weighted += weight * score;
    total_weight += weight;
  }
  double score = total_weight > 0 ? weighted / total_weight : 0;
  for (const auto& a : ev.adjustments) score += a.points;
  ev.score = std::round(score * 10) / 10;
}

void RuleEngine::apply(Evaluation& ev, Json& data) const {
  data["option"] = ev.option;
  data["facts"] = std::move(ev.facts);
  const jsonlogic::DataView view(data);  // each path the rules read is looked up once per option
  for (const auto& rule : m_rules.rules) {
    try {
      apply_rule(rule, ev, data, view);
    } catch (const jsonlogic::EvalError& e) {
      throw InputError(Diagnostic{Severity::error, rule.file, 0, 0, rule.pointer,
                                  fmt::format("rule \"{}\" failed on option \"{}\": {}", rule.id, ev.option["id"].get<std::string>(), e.what()), {}});
    }
  }
  ev.facts = std::move(data["facts"]);
  finish_score(ev);
}

}  // namespace edgeplan
