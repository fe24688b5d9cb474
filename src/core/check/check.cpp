#include <edgeplan/check.hpp>
#include <edgeplan/fallback.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include <edgeplan/candidates.hpp>
#include <edgeplan/exit_codes.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

double round1(double value) { return std::round(value * 10) / 10; }

// Where a finding of a rule points in the spec when the rule does not say.
std::string default_location(const std::string& factor) {
  if (factor == "compliance") return "/spec/residency";
  if (factor == "latency") return "/spec/latency";
  if (factor == "services") return "/spec/services";
  if (factor == "capacity") return "/spec/compute";
  if (factor == "operations") return "/spec/customer";
  return "";
}

bool has_pointer(const JsonDocument& doc, const std::string& pointer) {
  if (pointer.empty()) return false;
  try {
    return doc.value().contains(Json::json_pointer(pointer));
  } catch (const Json::exception&) {
    return false;
  }
}

// The first of the candidates that exists in the spec, else the document root.
std::string locate(const JsonDocument& doc, std::initializer_list<std::string> candidates) {
  for (const auto& pointer : candidates)
    if (has_pointer(doc, pointer)) return pointer;
  return "";
}

// The user group or dependency named `item` ("/spec/users/1"), when exactly one has that name.
std::string item_pointer(const JsonDocument& doc, const std::string& item) {
  if (item.empty()) return "";
  std::string found;
  int matches = 0;
  for (const char* list : {"/spec/users", "/spec/latency/dependencies"}) {
    const Json::json_pointer at(list);
    if (!doc.value().contains(at) || !doc.value().at(at).is_array()) continue;
    const Json& entries = doc.value().at(at);
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (entries[i].is_object() && entries[i].value("name", "") == item) found = fmt::format("{}/{}", list, i), ++matches;
  }
  return matches == 1 ? found : "";
}

void set_location(CheckFinding& f, const JsonDocument& doc, const std::string& pointer) {
  f.pointer = pointer;
  const TextPosition pos = doc.position_of(pointer);
  f.line = pos.line;
  f.column = pos.column;
}

std::string proposed_id(const Proposed& p) {
  if (p.option) return *p.option;
  return outposts_candidate_id(p.facility.value_or(""), p.form_factor.value_or(""));
}

const CheckRule* find_check_rule(const std::vector<CheckRule>& rules, const std::string& id) {
  auto it = std::find_if(rules.begin(), rules.end(), [&](const CheckRule& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

// Builds one spec's findings and cases; the stages below each add theirs.
class SpecChecker {
 public:
  SpecChecker(SpecCheck& out, const JsonDocument& doc, const Workload& workload, const Report& report, const RuleSet& rules,
              const std::vector<CheckRule>& check_rules, const CheckOptions& options)
      : m_out(out), m_doc(doc), m_workload(workload), m_report(report), m_rules(rules), m_check_rules(check_rules), m_options(options) {}

  void run() {
    summarise_report();
    if (m_workload.proposed) check_proposed(proposed_id(*m_workload.proposed));
    else check_feasible();
    m_out.map->proposed = m_out.proposed;
    if (m_out.errors.empty()) check_fallback();
    if (m_out.errors.empty() && m_options.max_monthly_cost) check_cost(*m_options.max_monthly_cost);
    apply_waivers();
    settle();
  }

 private:
  void summarise_report() {
    m_out.candidates = static_cast<int>(m_report.evaluations.size());
    m_out.eligible = static_cast<int>(m_report.ranked.size());
    if (m_report.feasible()) {
      m_out.top_option = m_report.ranked.front().evaluation->candidate->id;
      m_out.top_score = m_report.ranked.front().evaluation->score;
    }
    m_out.map = placement_map(m_report);
  }

  // A finding with its rule, severity, message and spec location; callers add the numbers.
  CheckFinding located(const std::string& rule, const std::string& severity, std::string message, const std::string& pointer) const {
    CheckFinding f;
    f.rule = rule;
    f.severity = severity;
    f.message = std::move(message);
    set_location(f, m_doc, pointer);
    return f;
  }

  CheckFinding& add_finding(const std::string& rule, const std::string& severity, std::string message, const std::string& pointer) {
    m_out.findings.push_back(located(rule, severity, std::move(message), pointer));
    return m_out.findings.back();
  }

  RuleCase& add_case(const std::string& rule, CaseStatus status, std::string detail = {}) {
    m_out.cases.push_back({rule, status, std::move(detail), {}});
    return m_out.cases.back();
  }

  // A finding that also fails the case it belongs to.
  void fail_case(RuleCase& c, CheckFinding f) {
    c.status = CaseStatus::failed;
    c.findings.push_back(m_out.findings.size());
    m_out.findings.push_back(std::move(f));
  }

  CheckFinding finding_from(const Finding& found, const Rule& rule, const std::string& option) const {
    // Where the finding is about: its user group or dependency, else where the
    // rule says, else the proposed placement (so an alert sits on the PR diff).
    const std::string pointer =
        locate(m_doc, {item_pointer(m_doc, found.item), rule.location, "/spec/proposed", default_location(rule.factor)});
    CheckFinding f = located(found.rule, rule.severity, found.message, pointer);
    f.option = option;
    f.item = found.item;
    f.measured = found.measured;
    f.required = found.required;
    f.unit = found.unit;
    return f;
  }

  void check_proposed(const std::string& id) {
    m_out.proposed = id;
    const Evaluation* ev = m_report.find(id);
    if (!ev) {
      m_out.errors.push_back(m_doc.diagnose("/spec/proposed", fmt::format("option \"{}\" is not a candidate for this workload", id)));
      return;
    }
    m_out.proposed_kind = to_string(ev->candidate->kind);
    m_out.proposed_score = ev->score;
    for (const auto& ranked : m_report.ranked)
      if (ranked.evaluation == ev) m_out.proposed_rank = ranked.rank;
    for (const auto& rule : m_rules.rules)
      if (rule.effect == Effect::exclude || rule.effect == Effect::warn) check_rule(rule, *ev);
    check_gates(*ev);
  }

  void check_rule(const Rule& rule, const Evaluation& ev) {
    const auto trace = std::find_if(ev.trace.begin(), ev.trace.end(), [&](const RuleTrace& t) { return t.rule == rule.id; });
    if (trace != ev.trace.end() && trace->outcome == "not applicable") {
      add_case(rule.id, CaseStatus::skipped, fmt::format("does not apply to {} options", m_out.proposed_kind));
      return;
    }
    RuleCase& c = add_case(rule.id, CaseStatus::passed);
    for (const auto* list : {&ev.exclusions, &ev.warnings})
      for (const auto& found : *list)
        if (found.rule == rule.id) fail_case(c, finding_from(found, rule, ev.candidate->id));
  }

  void check_gates(const Evaluation& ev) {
    const std::string pointer = locate(m_doc, {"/spec/proposed"});
    if (m_options.require_top) check_gate(builtin_rules::top, ev, pointer, [&] { return m_out.proposed_rank != 1; });
    if (m_options.max_score_gap)
      check_gate(builtin_rules::score_gap, ev, pointer, [&] { return *m_out.top_score - ev.score > *m_options.max_score_gap; });
  }

  template <typename Fails>
  void check_gate(const char* rule, const Evaluation& ev, const std::string& pointer, Fails fails) {
    if (ev.excluded() || !m_out.top_score) {
      add_case(rule, CaseStatus::skipped, "the proposed option is not eligible");
      return;
    }
    RuleCase& c = add_case(rule, CaseStatus::passed);
    if (!fails()) return;
    CheckFinding f = located(rule, "error", gate_message(ev), pointer);
    f.option = ev.candidate->id;
    f.measured = round1(*m_out.top_score - ev.score);
    f.required = m_options.max_score_gap && std::string(rule) == builtin_rules::score_gap ? Json(*m_options.max_score_gap) : Json(0);
    f.unit = "points";
    fail_case(c, std::move(f));
  }

  std::string gate_message(const Evaluation& ev) const {
    const std::string rank = m_out.proposed_rank ? fmt::format("ranks {} of {} eligible", *m_out.proposed_rank, m_out.eligible) : "is not ranked";
    return fmt::format("proposed {} {} with score {}; {} scores {} ({} points more)", ev.candidate->id, rank,
                       util::format_number(ev.score), m_out.top_option, util::format_number(*m_out.top_score),
                       util::format_number(round1(*m_out.top_score - ev.score)));
  }

  void check_feasible() {
    RuleCase& c = add_case(builtin_rules::feasible, CaseStatus::passed,
                           m_report.feasible() ? fmt::format("recommended: {}", m_out.top_option) : "");
    if (m_report.feasible()) return;
    CheckFinding f = located(builtin_rules::feasible, "error", "no feasible placement: " + m_report.summary, locate(m_doc, {"/spec"}));
    f.measured = 0;
    f.required = 1;
    f.unit = "eligible options";
    fail_case(c, std::move(f));
  }

  // A fallback outside the primary's failure domain (the proposed option, else
  // the top one), when --require-fallback or spec.resilience.fallback requires it.
  void check_fallback() {
    const bool by_spec = m_workload.resilience && m_workload.resilience->fallback == "required";
    if (!m_options.require_fallback && !by_spec) return;
    const Resilience resilience = m_workload.resilience.value_or(Resilience{});
    const Evaluation* primary = m_out.proposed ? m_report.find(*m_out.proposed) : nullptr;
    if (!m_out.proposed && m_report.feasible()) primary = m_report.ranked.front().evaluation;
    if (!primary || primary->excluded()) {
      add_case(builtin_rules::fallback, CaseStatus::skipped, "no eligible primary to find a fallback for");
      return;
    }
    RuleCase& c = add_case(builtin_rules::fallback, CaseStatus::passed);
    const std::string pointer = locate(m_doc, {"/spec/resilience/proposed_fallback", "/spec/resilience", "/spec/proposed", "/spec"});
    std::string problem;
    if (resilience.proposed_fallback) problem = proposed_fallback_problem(*primary, *resilience.proposed_fallback, resilience);
    else if (auto choice = best_fallback(m_report, *primary, resilience)) c.detail = "fallback: " + choice->evaluation->candidate->id + (choice->degraded ? " (degraded mode)" : "");
    else problem = no_fallback_text(*primary->candidate, resilience);
    if (problem.empty() || !m_out.errors.empty()) return;
    CheckFinding f = located(builtin_rules::fallback, "error", problem, pointer);
    f.option = primary->candidate->id;
    fail_case(c, std::move(f));
  }

  // The placement (proposed, else the top one) against --max-monthly-cost. An
  // unknown cost fails too: the limit cannot be shown to hold until the prices are given.
  void check_cost(double limit) {
    const RankedOption* placement = nullptr;
    for (const auto& r : m_report.ranked)
      if (m_out.proposed ? r.evaluation->candidate->id == *m_out.proposed : r.rank == 1) placement = &r;
    if (!placement || !placement->cost) {
      add_case(builtin_rules::max_monthly_cost, CaseStatus::skipped, m_out.proposed ? "the proposed option is not eligible" : "no eligible placement");
      return;
    }
    const CostEstimate& cost = *placement->cost;
    const std::string id = placement->evaluation->candidate->id;
    RuleCase& c = add_case(builtin_rules::max_monthly_cost, CaseStatus::passed, fmt::format("{}: {}", id, cost_summary(cost)));
    if (cost.monthly && *cost.monthly <= limit) return;
    const std::string message =
        cost.monthly ? fmt::format("{} costs about {}/month over {} months, more than --max-monthly-cost {}", id, format_money(*cost.monthly, cost.currency),
                                   cost.months, format_money(limit, cost.currency))
                     : fmt::format("the cost of {} is unknown, so --max-monthly-cost {} cannot be shown to hold; supply {}", id,
                                   format_money(limit, cost.currency), util::join_list(cost.missing, "; "));
    CheckFinding f = located(builtin_rules::max_monthly_cost, "error", message, locate(m_doc, {"/spec/proposed", "/spec"}));
    f.option = id;
    f.measured = cost.monthly ? Json(std::round(*cost.monthly * 100) / 100) : Json(nullptr);
    f.required = limit;
    f.unit = cost.currency + "/month";
    fail_case(c, std::move(f));
  }

  std::string proposed_fallback_problem(const Evaluation& primary, const std::string& id, const Resilience& resilience) {
    const Evaluation* fallback = m_report.find(id);
    if (!fallback) {
      m_out.errors.push_back(m_doc.diagnose("/spec/resilience/proposed_fallback", fmt::format("option \"{}\" is not a candidate for this workload", id)));
      return {};
    }
    if (std::string why = failure_domain_conflict(*primary.candidate, *fallback->candidate, resilience); !why.empty())
      return fmt::format("proposed fallback {} shares the failure domain of {}: {}", id, primary.candidate->id, why);
    if (acceptable_fallback(*fallback, resilience)) return {};
    const Finding& first = fallback->exclusions.front();
    return fmt::format("proposed fallback {} does not meet the requirements (only latency may be relaxed for a fallback{}): {}", id,
                       resilience.degraded_max_rtt_ms ? fmt::format(", up to {} ms", util::format_number(*resilience.degraded_max_rtt_ms)) : "",
                       first.message);
  }

  void apply_waivers() {
    for (const auto& waiver : m_workload.waivers) apply_waiver(waiver);
  }

  void apply_waiver(const Waiver& waiver) {
    const CheckRule* rule = find_check_rule(m_check_rules, waiver.rule);
    if (!rule) return waiver_finding(builtin_rules::waiver_unknown_rule, "warning", waiver, unknown_rule_message(waiver));
    if (!rule->waivable)
      return waiver_finding(builtin_rules::waiver_not_allowed, "warning", waiver,
                            fmt::format("rule {} is non-waivable ({}); the waiver owned by {} has no effect", waiver.rule, rule->source, waiver.owner));
    if (waiver.expires < m_options.today)
      return waiver_finding(builtin_rules::waiver_expired, "warning", waiver,
                            fmt::format("the waiver of {} owned by {} expired on {}: renew it or fix the finding", waiver.rule, waiver.owner, waiver.expires));
    if (!m_options.use_waivers) return;
    int matched = 0;
    for (auto& f : m_out.findings)
      if (f.rule == waiver.rule && !f.waiver && (!waiver.option || *waiver.option == f.option)) {
        f.waiver = AppliedWaiver{waiver.reason, waiver.owner, waiver.expires, waiver.ticket, waiver.pointer, m_doc.position_of(waiver.pointer).line};
        ++matched;
      }
    if (matched == 0)
      waiver_finding(builtin_rules::waiver_unused, "info", waiver,
                     fmt::format("the waiver of {} owned by {} matches no finding: remove it", waiver.rule, waiver.owner));
  }

  std::string unknown_rule_message(const Waiver& waiver) const {
    std::vector<std::string> ids;
    for (const auto& r : m_check_rules) ids.push_back(r.id);
    const std::string guess = util::did_you_mean(waiver.rule, ids);
    return fmt::format("the waiver names no loaded rule \"{}\"{}", waiver.rule, guess.empty() ? "" : " (" + guess + ")");
  }

  void waiver_finding(const char* rule, const char* severity, const Waiver& waiver, std::string message) {
    CheckFinding& f = add_finding(rule, severity, std::move(message), waiver.pointer);
    f.option = waiver.option.value_or("");
  }

  // Blocking, and each case's final status, once waivers are known.
  void settle() {
    const int threshold = severity_rank(m_options.fail_on);
    for (auto& f : m_out.findings) f.blocking = !f.suppressed() && severity_rank(f.severity) >= threshold;
    for (std::size_t i = 0; i < m_out.findings.size(); ++i) attach_builtin_finding(i);
    for (auto& c : m_out.cases) settle_case(c);
  }

  // Waiver findings have no case until they occur: JUnit shows them only then.
  void attach_builtin_finding(std::size_t index) {
    const std::string& rule = m_out.findings[index].rule;
    if (rule.rfind("waiver.", 0) != 0) return;
    auto it = std::find_if(m_out.cases.begin(), m_out.cases.end(), [&](const RuleCase& c) { return c.rule == rule; });
    if (it == m_out.cases.end()) it = m_out.cases.insert(m_out.cases.end(), RuleCase{rule, CaseStatus::passed, {}, {}});
    it->findings.push_back(index);
  }

  void settle_case(RuleCase& c) const {
    if (c.findings.empty()) return;
    bool blocking = false, open = false;
    for (auto i : c.findings) {
      blocking |= m_out.findings[i].blocking;
      open |= !m_out.findings[i].suppressed();
    }
    if (blocking) c.status = CaseStatus::failed;
    else if (open) c.status = CaseStatus::warned;
    else {
      c.status = CaseStatus::waived;
      const AppliedWaiver& w = *m_out.findings[c.findings.front()].waiver;
      c.detail = fmt::format("waived by {} until {}: {}", w.owner, w.expires, w.reason);
    }
  }

  SpecCheck& m_out;
  const JsonDocument& m_doc;
  const Workload& m_workload;
  const Report& m_report;
  const RuleSet& m_rules;
  const std::vector<CheckRule>& m_check_rules;
  const CheckOptions& m_options;
};

// A message template for readers with no data to fill it (SARIF rule help):
// "{option.country}" → "the option's country", "{facts.latency.p95_ms}" → "the latency p95 ms".
std::string without_placeholders(const std::string& text) {
  static const std::regex placeholder(R"(\{([A-Za-z0-9_.]+)\})");
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
    out.append(last, text.cbegin() + it->position());
    std::vector<std::string> parts;
    std::stringstream path((*it)[1].str());
    for (std::string part; std::getline(path, part, '.');)
      if (part != "facts" && part != "workload" && part != "spec") parts.push_back(part);
    std::string owner = "the ";
    if (!parts.empty() && (parts.front() == "option" || parts.front() == "item")) owner += parts.front() + "'s ", parts.erase(parts.begin());
    std::string words = util::join_list(parts, " ");
    std::replace(words.begin(), words.end(), '_', ' ');
    out += owner + words;
    last = text.cbegin() + it->position() + it->length();
  }
  out.append(last, text.cend());
  return out;
}

CheckRule builtin(const char* id, const char* severity, const char* effect, const char* description, const char* help, bool waivable) {
  return {id, severity, description, help, effect, "", "edgeplan", waivable};
}

}  // namespace

const char* to_string(CaseStatus status) {
  switch (status) {
    case CaseStatus::passed: return "passed";
    case CaseStatus::failed: return "failed";
    case CaseStatus::warned: return "warned";
    case CaseStatus::waived: return "waived";
    case CaseStatus::skipped: return "skipped";
  }
  return "passed";
}

bool SpecCheck::passed() const {
  return !errored() && std::none_of(findings.begin(), findings.end(), [](const CheckFinding& f) { return f.blocking; });
}

int SpecCheck::count(const std::string& severity, bool suppressed) const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const CheckFinding& f) {
    return f.severity == severity && f.suppressed() == suppressed;
  }));
}

int CheckRun::passed() const {
  return static_cast<int>(std::count_if(specs.begin(), specs.end(), [](const SpecCheck& s) { return s.passed(); }));
}

int CheckRun::failed() const {
  return static_cast<int>(std::count_if(specs.begin(), specs.end(), [](const SpecCheck& s) { return !s.errored() && !s.passed(); }));
}

int CheckRun::errored() const {
  return static_cast<int>(std::count_if(specs.begin(), specs.end(), [](const SpecCheck& s) { return s.errored(); }));
}

int CheckRun::count(const std::string& severity, bool suppressed) const {
  int n = 0;
  for (const auto& s : specs) n += s.count(severity, suppressed);
  return n;
}

const CheckRule* CheckRun::find_rule(const std::string& id) const { return find_check_rule(rules, id); }


std::vector<CheckRule> check_rules(const RuleSet& rules) {
  std::vector<CheckRule> out;
  for (const auto& r : rules.rules) {
    if (r.effect != Effect::exclude && r.effect != Effect::warn) continue;
    std::string help = r.effect == Effect::exclude ? "The proposed option is excluded by this rule." : "The proposed option is eligible only with this condition met.";
    if (!r.remedy.empty()) help += " It would pass if " + without_placeholders(r.remedy.source()) + ".";
    out.push_back({r.id, r.severity, r.description, help, to_string(r.effect), r.factor, r.file, r.waivable});
  }
  out.push_back(builtin(builtin_rules::feasible, "error", "gate", "A spec without a proposed placement must have at least one feasible placement.",
                        "Relax the requirement named in the exclusion summary, or add a facility that can host Outposts.", true));
  out.push_back(builtin(builtin_rules::top, "error", "gate", "The proposed placement must be the top recommendation (--require-top).",
                        "Propose the top recommendation, or record why not in a waiver.", true));
  out.push_back(builtin(builtin_rules::score_gap, "error", "gate",
                        "The proposed placement must score within --max-score-gap points of the top recommendation.",
                        "Propose a better-scoring option, or record why not in a waiver.", true));
  out.push_back(builtin(builtin_rules::fallback, "error", "gate",
                        "A fallback outside the primary's failure domain must meet the requirements, or miss only latency budgets "
                        "(spec.resilience.degraded_max_rtt_ms) (--require-fallback, or spec.resilience.fallback: required).",
                        "Add a facility or relax a requirement so another site qualifies, or name a fallback in spec.resilience.proposed_fallback.", true));
  out.push_back(builtin(builtin_rules::max_monthly_cost, "error", "gate",
                        "The placement (the proposed one, else the top recommendation) must cost at most --max-monthly-cost a month over the "
                        "planning period, by the price file given with --prices; an unknown cost fails until its prices are supplied.",
                        "Propose a cheaper option, supply the missing prices, or record why in a waiver.", true));
  out.push_back(builtin(builtin_rules::waiver_expired, "warning", "waiver", "A waiver has passed its expiry date and no longer suppresses its finding.",
                        "Fix the finding, or renew the waiver with a new expiry and a reason.", false));
  out.push_back(builtin(builtin_rules::waiver_not_allowed, "warning", "waiver", "A waiver names a rule that is marked non-waivable.",
                        "Fix the finding; a non-waivable rule cannot be waived in the spec.", false));
  out.push_back(builtin(builtin_rules::waiver_unknown_rule, "warning", "waiver", "A waiver names a rule that is not loaded.",
                        "Correct the rule id (see `edgeplan rules list`) or remove the waiver.", false));
  out.push_back(builtin(builtin_rules::waiver_unused, "info", "waiver", "A waiver matches no finding.", "Remove the waiver.", false));
  out.push_back(builtin(builtin_rules::input_error, "error", "input", "The spec could not be evaluated.",
                        "Fix the spec at the location given; `edgeplan validate` shows every problem.", false));
  return out;
}

SpecCheck check_spec(const FileSystem& fs, const std::string& path, const Engine& engine, const CheckOptions& options,
                     const std::vector<CheckRule>& rules) {
  SpecCheck out;
  out.file = display_name(path);
  try {
    const JsonDocument doc = read_json_file(fs, path);
    LoadedWorkload loaded = load_workload(doc, engine.catalog);
    out.workload = loaded.workload.name;
    out.warnings = loaded.warnings;
    // A check judges findings, ranking and fallback: no output of it shows a
    // relaxation, nor the facts of an excluded option (the proposed option's
    // trace tells a rule that does not apply to it).
    const Report report = recommend(loaded, engine, Detail::full, false, Relaxations::skipped, ExcludedOptions::trace);
    SpecChecker(out, doc, loaded.workload, report, engine.rules, rules, options).run();
  } catch (const InputError& e) {
    out.errors = e.diagnostics();
    out.findings.clear();
    out.cases.clear();
  }
  if (out.errored()) out.cases = {RuleCase{builtin_rules::input_error, CaseStatus::failed, format_diagnostic(out.errors.front()), {}}};
  return out;
}

SpecCheck check_spec(const FileSystem& fs, const std::string& path, const Engine& engine, const CheckOptions& options) {
  return check_spec(fs, path, engine, options, check_rules(engine.rules));
}

CheckRun check_specs(const FileSystem& fs, const std::vector<std::string>& paths, const Engine& engine, const CheckOptions& options) {
  CheckRun run;
  run.options = options;
  run.rules = check_rules(engine.rules);
  for (const auto& path : paths) run.specs.push_back(check_spec(fs, path, engine, options, run.rules));
  run.provenance = provenance_of(engine);
  return run;
}

int check_exit_code(const CheckRun& run) {
  if (run.errored() > 0) return static_cast<int>(ExitCode::input_error);
  return static_cast<int>(run.failed() > 0 ? ExitCode::no_feasible : ExitCode::ok);
}

}  // namespace edgeplan
