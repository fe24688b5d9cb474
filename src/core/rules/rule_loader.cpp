#include <edgeplan/rules.hpp>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "util/embedded.hpp"
#include "load/json_reader.hpp"
#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// Every effect, in the order rule files and effect_names() list them; each is
// named by to_string (a switch: every rule of every option is traced by it).
const std::vector<std::pair<Effect, std::string>>& effect_table() {
  static const std::vector<std::pair<Effect, std::string>> table = [] {
    std::vector<std::pair<Effect, std::string>> out;
    for (const Effect e : {Effect::exclude, Effect::warn, Effect::score, Effect::adjust}) out.emplace_back(e, to_string(e));
    return out;
  }();
  return table;
}

std::optional<jsonlogic::Expression> compile_logic(JsonReader& r, const std::string& pointer, bool required) {
  const Json* logic = r.find(pointer);
  if (!logic) {
    if (required) r.error(pointer.substr(0, pointer.rfind('/')), fmt::format("missing required field \"{}\"", pointer.substr(pointer.rfind('/') + 1)));
    return std::nullopt;
  }
  try {
    return jsonlogic::Expression::compile(*logic);
  } catch (const jsonlogic::CompileError& e) {
    r.error(pointer + e.pointer(), e.what());
    return std::nullopt;
  }
}

std::optional<std::string> one_of(JsonReader& r, const std::string& pointer, const std::vector<std::string>& allowed, bool required) {
  auto value = r.string(pointer, required);
  if (!value) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return value;
  std::vector<std::string> quoted;
  for (const auto& a : allowed) quoted.push_back("\"" + a + "\"");
  r.error(pointer, fmt::format("expected one of {}, got \"{}\"", util::join_list(quoted), *value),
          util::did_you_mean(*value, allowed));
  return std::nullopt;
}

MessageTemplate compile_template(JsonReader& r, const std::string& pointer) {
  auto text = r.string(pointer);
  if (!text) return {};
  try {
    return MessageTemplate::compile(*text);
  } catch (const std::exception& e) {
    r.error(pointer, e.what());
    return {};
  }
}

void check_effect_fields(JsonReader& r, const std::string& p, const Rule& rule) {
  if (rule.effect == Effect::score && !rule.score) r.error(p, "missing required field \"score\" (a score rule gives the factor's 0-100 score)");
  if (rule.effect == Effect::score && rule.factor.empty()) r.error(p, "missing required field \"factor\" for a score rule");
  if (rule.effect == Effect::adjust && !r.find(p + "/points")) r.error(p, "missing required field \"points\" for an adjust rule");
  if ((rule.effect == Effect::exclude || rule.effect == Effect::warn) && rule.message.empty())
    r.error(p, "missing required field \"message\" (what the user reads when the rule fires)");
}

// What deciding whether the rule fires, its score and its summary label read.
jsonlogic::DataReads deciding_reads(const Rule& rule) {
  jsonlogic::DataReads reads = rule.condition.reads();
  if (rule.score) reads.merge(rule.score->reads());
  reads.merge(rule.summary.reads());
  return reads;
}

// What the rest of a finding reads: its values, texts and relaxation.
jsonlogic::DataReads finding_reads(const Rule& rule) {
  jsonlogic::DataReads reads;
  for (const auto* value : {&rule.measured, &rule.required})
    if (*value) reads.merge((*value)->reads());
  for (const auto* text : {&rule.message, &rule.remedy}) reads.merge(text->reads());
  for (const auto& op : rule.relax) {
    reads.merge(op.path.reads());
    if (op.value) reads.merge(op.value->reads());
  }
  return reads;
}

jsonlogic::DataReads reads_to_decide(const Rule& rule) {
  jsonlogic::DataReads reads = deciding_reads(rule);
  if (!rule.for_each.empty()) reads.paths.push_back(rule.for_each);
  return reads;
}

// Everything the rule reads: its expressions and texts, and its for_each array.
jsonlogic::DataReads all_reads(const Rule& rule) {
  jsonlogic::DataReads reads = expression_reads(rule);
  if (!rule.for_each.empty()) reads.paths.push_back(rule.for_each);
  return reads;
}

std::vector<RelaxOp> read_relax(JsonReader& r, const std::string& p, const Rule& rule) {
  std::vector<RelaxOp> out;
  for (const auto& q : r.elements(p + "/relax")) {
    RelaxOp op;
    op.op = one_of(r, q + "/op", {"add", "replace"}, true).value_or("replace");
    op.path = compile_template(r, q + "/path");
    // A pointer, or a template that renders one (e.g. "{item.pointer}/max_rtt_ms").
    if (op.path.empty() || (op.path.source().front() != '/' && op.path.source().front() != '{'))
      r.error(q + "/path", "expected a JSON pointer into the workload document (e.g. \"/spec/latency/users/max_rtt_ms\")");
    op.value = compile_logic(r, q + "/value", true);
    out.push_back(std::move(op));
  }
  if (!out.empty() && rule.effect != Effect::exclude) r.error(p + "/relax", "only exclude rules can have a relaxation");
  return out;
}

Rule read_rule(JsonReader& r, const std::string& p, const std::string& file) {
  Rule rule;
  rule.file = file;
  rule.pointer = p;
  rule.id = r.string(p + "/id", true).value_or("");
  rule.description = r.string(p + "/description", true).value_or("");
  rule.effect = [&] {
    auto name = one_of(r, p + "/effect", effect_names(), true);
    for (const auto& [e, n] : effect_table())
      if (name && *name == n) return e;
    return Effect::exclude;
  }();
  rule.severity = one_of(r, p + "/severity", {"error", "warning", "info"}, false)
                      .value_or(rule.effect == Effect::exclude ? "error" : rule.effect == Effect::warn ? "warning" : "info");
  rule.factor = one_of(r, p + "/factor", factor_names(), false).value_or("");
  rule.condition_kind = one_of(r, p + "/condition_kind", {"verify", "arrange", "note"}, false).value_or("verify");
  rule.for_each = r.string(p + "/for_each").value_or("");
  if (!rule.for_each.empty()) rule.for_each_var = jsonlogic::Expression::compile(Json{{"var", rule.for_each}});
  rule.kinds = r.strings(p + "/applies_to");
  rule.condition = compile_logic(r, p + "/condition", rule.effect != Effect::score).value_or(jsonlogic::Expression::compile(true));
  rule.measured = compile_logic(r, p + "/measured", false);
  rule.required = compile_logic(r, p + "/required", false);
  rule.score = compile_logic(r, p + "/score", false);
  rule.points = r.number(p + "/points").value_or(0);
  rule.unit = r.string(p + "/unit").value_or("");
  rule.message = compile_template(r, p + "/message");
  rule.remedy = compile_template(r, p + "/remedy");
  rule.summary = compile_template(r, p + "/summary");
  rule.relax = read_relax(r, p, rule);
  rule.waivable = r.boolean(p + "/waivable").value_or(true);
  rule.location = r.string(p + "/location").value_or("");
  if (!rule.location.empty() && rule.location.front() != '/')
    r.error(p + "/location", fmt::format("expected a JSON pointer into the spec (e.g. \"/spec/residency\"), got \"{}\"", rule.location));
  check_effect_fields(r, p, rule);
  rule.reads = all_reads(rule);
  rule.reads_to_decide = reads_to_decide(rule);
  return rule;
}

void read_weights(JsonReader& r, RuleSet& set) {
  const Json* weights = r.find("/weights");
  if (!weights) return;
  if (!weights->is_object()) return r.error("/weights", fmt::format("expected object, got {}", describe_json(*weights)));
  for (const auto& [factor, value] : weights->items()) {
    const std::string p = "/weights/" + pointer_token(factor);
    if (std::find(factor_names().begin(), factor_names().end(), factor) == factor_names().end()) {
      r.error(p, fmt::format("unknown factor \"{}\"", factor), util::did_you_mean(factor, factor_names()));
      continue;
    }
    auto w = r.number(p);
    if (w && *w < 0) r.error(p, fmt::format("expected a number >= 0, got {}", util::format_number(*w)));
    else if (w) set.weights[factor] = *w;
  }
}

Rule* find_mutable(RuleSet& set, const std::string& id) { return const_cast<Rule*>(find_rule(set, id)); }

// A patch names an existing rule and only tightens it: no "effect", no condition.
bool is_patch(JsonReader& r, const std::string& p) { return !r.find(p + "/effect") && !r.find(p + "/condition"); }

struct Patch {
  std::string id;
  std::optional<std::string> severity;
  std::optional<bool> waivable;
  std::string pointer;
};

void check_no_loosening(JsonReader& r, const std::string& p, const Rule& earlier, const std::string& severity, bool waivable) {
  if (severity_rank(severity) < severity_rank(earlier.severity))
    r.error(p + "/severity",
            fmt::format("rule \"{}\" is \"{}\" in {}; a later pack may raise a severity, not lower it to \"{}\"", earlier.id,
                        earlier.severity, earlier.file, severity));
  if (waivable && !earlier.waivable)
    r.error(p + "/waivable", fmt::format("rule \"{}\" is non-waivable in {}; a later pack cannot make it waivable", earlier.id, earlier.file));
}

Patch read_patch(JsonReader& r, const std::string& p, const RuleSet& set) {
  Patch patch{r.string(p + "/id", true).value_or(""), one_of(r, p + "/severity", {"error", "warning", "info"}, false),
              r.boolean(p + "/waivable"), p};
  if (const Json* node = r.find(p); node && node->is_object())
    for (const auto& [key, value] : node->items())
      if (key != "id" && key != "severity" && key != "waivable")
        r.error(p + "/" + pointer_token(key),
                fmt::format("a rule without \"effect\" is a patch of an earlier rule and may only set \"severity\" or \"waivable\", not \"{}\"", key),
                "give the full rule (effect, condition, message …) to replace it");
  const Rule* earlier = find_rule(set, patch.id);
  if (!earlier && !patch.id.empty()) {
    std::vector<std::string> ids;
    for (const auto& rule : set.rules) ids.push_back(rule.id);
    r.error(p + "/id", fmt::format("no earlier rule \"{}\" to patch (a new rule needs \"effect\" and \"condition\")", patch.id),
            util::did_you_mean(patch.id, ids));
  } else if (earlier) {
    check_no_loosening(r, p, *earlier, patch.severity.value_or(earlier->severity), patch.waivable.value_or(earlier->waivable));
  }
  return patch;
}

void check_replacement(JsonReader& r, const Rule& rule, const RuleSet& set) {
  const Rule* earlier = find_rule(set, rule.id);
  if (!earlier) return;
  if (!earlier->waivable)
    r.error(rule.pointer + "/id",
            fmt::format("rule \"{}\" is non-waivable in {} and cannot be redefined by a later pack", rule.id, earlier->file),
            "a later pack may only tighten it: {\"id\": …, \"severity\": \"error\"}");
  else
    check_no_loosening(r, rule.pointer, *earlier, rule.severity, rule.waivable);
}

void apply_patch(RuleSet& set, const Patch& patch, const std::string& file) {
  Rule* rule = find_mutable(set, patch.id);
  if (patch.severity && *patch.severity != rule->severity) {
    rule->history.push_back(fmt::format("severity {} → {} by {}", rule->severity, *patch.severity, file));
    rule->severity = *patch.severity;
  }
  if (patch.waivable && *patch.waivable != rule->waivable) {
    rule->history.push_back(fmt::format("made non-waivable by {}", file));
    rule->waivable = false;
  }
}

void upsert(RuleSet& set, Rule rule) {
  if (Rule* earlier = find_mutable(set, rule.id)) {
    rule.history = earlier->history;
    rule.history.push_back(fmt::format("replaced {} from {}", rule.file, earlier->file));
    *earlier = std::move(rule);
  } else {
    set.rules.push_back(std::move(rule));
  }
}

}  // namespace

const char* to_string(Effect effect) {
  switch (effect) {
    case Effect::exclude: return "exclude";
    case Effect::warn: return "warn";
    case Effect::score: return "score";
    case Effect::adjust: return "adjust";
  }
  return "exclude";
}

const std::vector<std::string>& effect_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [e, n] : effect_table()) out.push_back(n);
    return out;
  }();
  return names;
}

int severity_rank(const std::string& severity) {
  if (severity == "info") return 0;
  if (severity == "warning") return 1;
  if (severity == "error") return 2;
  return -1;
}

const Rule* find_rule(const RuleSet& set, const std::string& id) {
  auto it = std::find_if(set.rules.begin(), set.rules.end(), [&](const Rule& x) { return x.id == id; });
  return it == set.rules.end() ? nullptr : &*it;
}

const std::vector<std::string>& factor_names() {
  static const std::vector<std::string> names = {"latency", "services", "operations", "compliance", "capacity"};
  return names;
}

namespace {

// `text_digest`: the sha-256 of `text`, hex (the embedded files' is computed at build time).
void add_rule_document(RuleSet& set, const std::string& name, const JsonDocument& doc, const std::string& text_digest) {
  JsonReader r(doc);
  r.header("RuleSet");
  read_weights(r, set);
  std::set<std::string> ids;
  std::vector<Rule> rules;
  std::vector<Patch> patches;
  for (const auto& p : r.elements("/rules")) {
    const std::string id = r.string(p + "/id").value_or("");
    if (!id.empty() && !ids.insert(id).second) r.error(p + "/id", fmt::format("duplicate rule id \"{}\" in this file", id));
    if (is_patch(r, p)) {
      patches.push_back(read_patch(r, p, set));
      continue;
    }
    Rule rule = read_rule(r, p, name);
    check_replacement(r, rule, set);
    rules.push_back(std::move(rule));
  }
  r.throw_if_errors();
  for (const auto& patch : patches) apply_patch(set, patch, name);
  for (auto& rule : rules) upsert(set, std::move(rule));
  set.files.push_back(name);
  set.digest = util::sha256_hex(set.digest + name + text_digest);
}

}  // namespace

jsonlogic::DataReads expression_reads(const Rule& rule) {
  jsonlogic::DataReads reads = deciding_reads(rule);
  reads.merge(finding_reads(rule));
  return reads;
}

void add_rule_file(RuleSet& set, const std::string& name, std::string_view text) {
  add_rule_document(set, name, JsonDocument::parse_file(name, text), util::sha256_hex(text));
}

RuleSet build_default_rules() {
  RuleSet set;
  for (const auto& file : embedded::files()) {
    if (!file.name.starts_with("rules/default/")) continue;
    const std::string name(file.name);
    add_rule_document(set, name, JsonDocument::parse(name, file.contents), std::string(file.sha256));
  }
  return set;
}

namespace {

// A pack is the files directly in its directory; its tests/ folder holds rule
// tests and their fixtures. A rule file anywhere else below it would be left
// out, and a policy would lose rules unnoticed: that is an input error instead.
void refuse_nested_rule_files(const FileSystem& fs, const std::string& directory) {
  const std::string prefix = directory.ends_with('/') ? directory : directory + "/";
  for (const char* suffix : {".json", ".yaml", ".yml"}) {
    for (const auto& file : fs.list_recursive(directory, suffix)) {
      const std::string inside = file.starts_with(prefix) ? file.substr(prefix.size()) : file;
      if (inside.find('/') == std::string::npos || inside.starts_with("tests/")) continue;
      throw InputError(Diagnostic{Severity::error, file, 0, 0, "",
                                  fmt::format("a rule file in a subdirectory of {}, which --rules does not load: a pack is the files "
                                              "directly in its directory (and its tests/ folder, rule tests)",
                                              directory),
                                  fmt::format("move it into {}, or load its directory with a --rules of its own", directory)});
    }
  }
}

}  // namespace

RuleSet load_rule_dirs(const FileSystem& fs, const std::vector<std::string>& paths, RuleSet base) {
  for (const auto& path : paths) {
    if (fs.is_directory(path)) refuse_nested_rule_files(fs, path);
    std::vector<std::string> files = fs.is_directory(path) ? list_documents(fs, path) : std::vector<std::string>{path};
    if (files.empty()) throw InputError(Diagnostic{Severity::error, path, 0, 0, "", "no rule files (*.json, *.yaml, *.yml) in this directory", {}});
    for (const auto& file : files) {
      auto text = fs.read(file);
      if (!text) throw InputError(Diagnostic{Severity::error, file, 0, 0, "", "cannot read rule file (" + fs.why_unreadable(file) + ")", {}});
      add_rule_file(base, file, *text);
    }
  }
  return base;
}

}  // namespace edgeplan
