// Two recorded results, workload by workload: what changed in the placement,
// which recorded inputs differ, and what the outputs show about why.
#include <edgeplan/placement_diff.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// ---------------------------------------------------------------- inputs

// "sha256:8b0108b7a700": the 12 digits people compare (as the text provenance line shows).
std::string short_digest(const std::string& digest) {
  const std::size_t prefix = digest.rfind("sha256:", 0) == 0 ? 7 : 0;
  return digest.substr(0, prefix) + util::short_digest(std::string_view(digest).substr(prefix));
}

std::string catalog_words(const RecordedInputs& in) {
  return in.catalog_label.empty() ? short_digest(in.catalog_digest) : in.catalog_label + " " + short_digest(in.catalog_digest);
}

bool differ(const std::string& a, const std::string& b) { return !a.empty() && !b.empty() && a != b; }

// The derived members of a recorded workload follow from its "spec" and the
// defaults; a field is named where the spec says it ("/spec/..."), and the
// derived ones only when the spec as written is the same (the defaults moved).
bool written(const std::string& pointer) {
  return pointer.rfind("/spec", 0) == 0 || pointer.rfind("/name", 0) == 0 || pointer.rfind("/labels", 0) == 0;
}

std::vector<ValueChange> value_changes(const Json& before, const Json& after) {
  std::vector<ValueChange> all;
  for (const auto& op : Json::diff(before, after)) {
    const std::string path = op.at("path").get<std::string>();
    const std::string kind = op.at("op").get<std::string>();
    const Json::json_pointer pointer(path);
    ValueChange c{path, kind == "add" ? Json() : before.at(pointer), kind == "remove" ? Json() : op.at("value")};
    all.push_back(std::move(c));
  }
  std::vector<ValueChange> spec;
  std::copy_if(all.begin(), all.end(), std::back_inserter(spec), [](const ValueChange& c) { return written(c.pointer); });
  return spec.empty() ? all : spec;
}

std::vector<std::string> section_changes(const std::map<std::string, std::string>& before, const std::map<std::string, std::string>& after) {
  std::set<std::string> names;
  for (const auto* side : {&before, &after})
    for (const auto& entry : *side) names.insert(entry.first);
  std::vector<std::string> out;
  for (const auto& name : names) {
    auto a = before.find(name), b = after.find(name);
    if (a == before.end() || b == after.end() || a->second != b->second) out.push_back(name);
  }
  return out;
}

std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
  return out;
}

void compare_spec(const RecordedInputs& a, const RecordedInputs& b, InputChanges& c) {
  if (a.spec_digest.empty() || b.spec_digest.empty()) {
    c.unrecorded = true;
    return;
  }
  if (a.spec_digest == b.spec_digest) return;
  c.causes.push_back(Cause::spec);
  if (!a.spec.is_null() && !b.spec.is_null()) c.spec_fields = value_changes(a.spec, b.spec);
  c.spec_sections = section_changes(a.sections, b.sections);
}

InputChanges input_changes(const RecordedInputs& a, const RecordedInputs& b) {
  InputChanges c;
  compare_spec(a, b, c);
  c.catalog_before = catalog_words(a);
  c.catalog_after = catalog_words(b);
  c.catalog_origin_before = a.catalog_origin;
  c.catalog_origin_after = b.catalog_origin;
  c.measured_latency = a.measured_latency_digest != b.measured_latency_digest;
  c.prices = a.prices_digest != b.prices_digest;
  if (differ(a.catalog_digest, b.catalog_digest) || c.measured_latency || c.prices) c.causes.push_back(Cause::catalog);
  c.rules_before = short_digest(a.rules_digest);
  c.rules_after = short_digest(b.rules_digest);
  if (differ(a.rules_digest, b.rules_digest)) {
    c.causes.push_back(Cause::rules);
    c.rule_files_added = minus(b.rule_files, a.rule_files);
    c.rule_files_removed = minus(a.rule_files, b.rule_files);
  }
  c.version_before = a.edgeplan_version;
  c.version_after = b.edgeplan_version;
  if (differ(a.edgeplan_version, b.edgeplan_version)) c.causes.push_back(Cause::model);
  return c;
}

// ---------------------------------------------------------------- placements and options

Placement placement_of(const RecordedResult* r) {
  if (!r) return Placement{"absent", {}, {}, std::nullopt, {}};
  Placement p{r->status, {}, {}, std::nullopt, r->error};
  if (const RecordedOption* w = r->winner()) p.id = w->id, p.kind = w->kind, p.score = w->score;
  return p;
}

bool same_number(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return std::fabs(*a - *b) < 1e-9;
}

std::vector<std::string> rule_ids(const RecordedOption* o) {
  std::vector<std::string> out;
  if (o)
    for (const auto& r : o->reasons)
      if (std::find(out.begin(), out.end(), r.rule) == out.end()) out.push_back(r.rule);
  return out;
}

std::optional<OptionChange> option_change(const std::string& id, const RecordedOption* a, const RecordedOption* b) {
  const RecordedOption& either = b ? *b : *a;
  OptionChange c{id, either.kind, a ? a->rank : std::nullopt, b ? b->rank : std::nullopt, std::nullopt, std::nullopt,
                 a ? a->verdict : "absent", b ? b->verdict : "absent", {}, {}};
  if (a && a->rank) c.score_before = a->score;
  if (b && b->rank) c.score_after = b->score;
  c.reasons_added = minus(rule_ids(b), rule_ids(a));
  c.reasons_removed = minus(rule_ids(a), rule_ids(b));
  const bool scored = c.rank_before && c.rank_after && !same_number(c.score_before, c.score_after);
  if (c.rank_before == c.rank_after && c.verdict_before == c.verdict_after && c.reasons_added.empty() && c.reasons_removed.empty() && !scored)
    return std::nullopt;
  return c;
}

std::vector<OptionChange> option_changes(const RecordedResult& before, const RecordedResult& after) {
  std::vector<OptionChange> out;
  for (const auto& b : after.options)
    if (auto c = option_change(b.id, before.find(b.id), &b)) out.push_back(std::move(*c));
  for (const auto& a : before.options)
    if (!after.find(a.id))
      if (auto c = option_change(a.id, &a, nullptr)) out.push_back(std::move(*c));
  return out;
}

// Batch records keep only the top two: whether anything of them differs.
bool batch_details_differ(const RecordedResult& a, const RecordedResult& b) {
  if (a.eligible != b.eligible || a.candidates != b.candidates || a.excluded_by != b.excluded_by || a.options.size() != b.options.size()) return true;
  for (std::size_t i = 0; i < a.options.size(); ++i)
    if (a.options[i].id != b.options[i].id || !same_number(a.options[i].score, b.options[i].score)) return true;
  return false;
}

std::string change_of(const RecordedResult& a, const RecordedResult& b, bool details_differ) {
  if (a.status == "error" || b.status == "error") return a.status == b.status && a.error == b.error ? "unchanged" : "error";
  if (a.status != b.status) return b.status == "no-feasible" ? "newly-infeasible" : "newly-feasible";
  const RecordedOption *wa = a.winner(), *wb = b.winner();
  if (wa && wb && wa->id != wb->id) return "moved";
  return details_differ || a.excluded_by != b.excluded_by ? "changed" : "unchanged";
}

// ---------------------------------------------------------------- evidence

std::string number_text(const std::optional<double>& n) { return n ? util::format_number(*n) : "-"; }

std::optional<Cause> if_changed(const InputChanges& inputs, Cause cause) { return inputs.has(cause) ? std::optional<Cause>(cause) : std::nullopt; }

// Which input a new exclusion by `reason` follows from, when the outputs can
// tell. A rule the before report's rule set did not have (its file added) is the
// rules. Otherwise the same rule with the same requirement elsewhere before means
// the requirement did not move, so the measured side did (catalog, else model); a
// requirement that differs is the spec. A rule that was there but fired nowhere
// before points to the one other input that changed, if there is one.
std::optional<Cause> attribute_reason(const RecordedReason& reason, const RecordedResult& before, const InputChanges& inputs) {
  const auto& known = before.inputs.rules;
  const bool recorded = !known.empty();
  if (inputs.has(Cause::rules) && recorded && !known.count(reason.rule)) return Cause::rules;
  const RecordedReason* earlier = nullptr;
  for (const auto& o : before.options)
    for (const auto& r : o.reasons)
      if (r.rule == reason.rule && (!earlier || r.required == reason.required)) earlier = &r;
  if (earlier && earlier->required != reason.required) return if_changed(inputs, Cause::spec);
  if (earlier) return inputs.has(Cause::catalog) ? std::optional<Cause>(Cause::catalog) : if_changed(inputs, Cause::model);
  if (!recorded) return if_changed(inputs, Cause::rules);  // an older report: a rule that fired nowhere before is likely new
  std::vector<Cause> others;
  for (Cause c : inputs.causes)
    if (c != Cause::rules) others.push_back(c);
  return others.size() == 1 ? std::optional<Cause>(others.front()) : std::nullopt;
}

void factor_evidence(std::vector<Evidence>& out, const RecordedOption& a, const RecordedOption& b) {
  for (const auto& [factor, value] : b.factors) {
    auto it = a.factors.find(factor);
    if (it != a.factors.end() && std::fabs(it->second - value) > 1e-9)
      out.push_back({fmt::format("{}: {} {} → {}", b.id, factor, util::format_number(it->second), util::format_number(value)), std::nullopt});
  }
}

// `every_option`: the results list every candidate (reports); batch records keep the top two.
void old_winner_evidence(std::vector<Evidence>& out, const RecordedOption& was, const RecordedResult& before, const RecordedResult& after,
                         const InputChanges& inputs, bool every_option) {
  const RecordedOption* now = after.find(was.id);
  if (!now) {
    if (every_option) out.push_back({fmt::format("{} is no longer a candidate", was.id), std::nullopt});
    else out.push_back({fmt::format("{} is no longer among the top two", was.id), std::nullopt});
  } else if (!now->rank) {
    for (const auto& r : now->reasons)
      if (!std::any_of(was.reasons.begin(), was.reasons.end(), [&](const RecordedReason& x) { return x.rule == r.rule; }))
        out.push_back({fmt::format("{} is now excluded: {} [{}]", was.id, r.message, r.rule), attribute_reason(r, before, inputs)});
  } else {
    out.push_back({fmt::format("{} now ranks {} (score {} → {})", was.id, *now->rank, number_text(was.score), number_text(now->score)), std::nullopt});
    factor_evidence(out, was, *now);
  }
}

void new_winner_evidence(std::vector<Evidence>& out, const RecordedOption& is, const RecordedResult& before, bool every_option) {
  const RecordedOption* was = before.find(is.id);
  if (!was) {
    if (every_option) out.push_back({fmt::format("{} is a new candidate", is.id), std::nullopt});
  } else if (!was->rank) {
    std::vector<std::string> reasons;
    for (const auto& r : was->reasons) reasons.push_back(fmt::format("{} [{}]", r.message, r.rule));
    out.push_back({fmt::format("{} is newly eligible; before: {}", is.id, reasons.empty() ? "excluded" : util::join_list(reasons, "; ")), std::nullopt});
  } else {
    out.push_back({fmt::format("{} ranked {} before (score {}), now first (score {})", is.id, *was->rank, number_text(was->score), number_text(is.score)),
                   std::nullopt});
    factor_evidence(out, *was, is);
  }
}

// Exclusion reasons whose count moved: "missing EBS locally": 0 → 1 candidates.
void reason_count_evidence(std::vector<Evidence>& out, const RecordedResult& a, const RecordedResult& b) {
  std::set<std::string> labels;
  for (const auto* side : {&a.excluded_by, &b.excluded_by})
    for (const auto& entry : *side) labels.insert(entry.first);
  for (const auto& label : labels) {
    auto x = a.excluded_by.find(label), y = b.excluded_by.find(label);
    const int before = x == a.excluded_by.end() ? 0 : x->second, after = y == b.excluded_by.end() ? 0 : y->second;
    if (before != after) out.push_back({fmt::format("candidates excluded for \"{}\": {} → {}", label, before, after), std::nullopt});
  }
}

void weight_evidence(std::vector<Evidence>& out, const RecordedResult& a, const RecordedResult& b, const InputChanges& inputs) {
  if (a.inputs.weights.empty() || b.inputs.weights.empty() || a.inputs.weights == b.inputs.weights) return;
  std::map<std::string, std::pair<std::optional<double>, std::optional<double>>> both;  // factor -> before, after
  for (const auto& [factor, w] : a.inputs.weights) both[factor].first = w;
  for (const auto& [factor, w] : b.inputs.weights) both[factor].second = w;
  auto words = [](const std::optional<double>& w) { return w ? util::format_number(*w) : std::string("-"); };
  std::vector<std::string> parts;
  bool only_cost = true;
  for (const auto& [factor, w] : both) {
    if (w.first == w.second) continue;
    parts.push_back(fmt::format("{} {} → {}", factor, words(w.first), words(w.second)));
    only_cost = only_cost && factor == "cost";
  }
  // The cost factor comes with a price file; any other weight that moved with the spec unchanged is a --weights override.
  std::string why;
  if (inputs.prices && only_cost) why = "; the price file (--prices) decides whether cost is a factor";
  else if (!inputs.has(Cause::spec) && !inputs.unrecorded) why = "; the spec is the same: a --weights override";
  out.push_back({fmt::format("factor weights differ ({}){}", util::join_list(parts), why), std::nullopt});
}

std::vector<Evidence> evidence_of(const RecordedResult& a, const RecordedResult& b, const InputChanges& inputs, bool every_option) {
  std::vector<Evidence> out;
  const RecordedOption *wa = a.winner(), *wb = b.winner();
  const bool moved = (wa ? wa->id : "") != (wb ? wb->id : "");
  if (wa && moved) old_winner_evidence(out, *wa, a, b, inputs, every_option);
  if (wb && moved) new_winner_evidence(out, *wb, a, every_option);
  if (wa && wb && !moved && !same_number(wa->score, wb->score)) {
    out.push_back({fmt::format("{}: score {} → {}", wb->id, number_text(wa->score), number_text(wb->score)), std::nullopt});
    factor_evidence(out, *wa, *wb);
  }
  if (a.eligible != b.eligible) out.push_back({fmt::format("eligible options: {} → {}", a.eligible, b.eligible), std::nullopt});
  reason_count_evidence(out, a, b);
  weight_evidence(out, a, b, inputs);
  // With one input changed, everything the outputs show follows from it.
  if (inputs.causes.size() == 1)
    for (auto& e : out) e.points_to = inputs.causes.front();
  return out;
}

WorkloadDiff diff_one(const RecordedResult* a, const RecordedResult* b, RecordKind kind) {
  const RecordedResult& either = b ? *b : *a;
  WorkloadDiff d{either.key, either.workload, {}, placement_of(a), placement_of(b), {}, {}, {}};
  if (!a || !b) {
    d.change = a ? "removed" : "added";
    return d;
  }
  d.inputs = input_changes(a->inputs, b->inputs);
  if (kind == RecordKind::report) d.options = option_changes(*a, *b);
  d.change = change_of(*a, *b, kind == RecordKind::report ? !d.options.empty() : batch_details_differ(*a, *b));
  if (d.change != "unchanged" && d.change != "error") d.evidence = evidence_of(*a, *b, d.inputs, kind == RecordKind::report);
  return d;
}

// Batch records are matched by file (FILE:LINE for JSONL), then by workload
// name; a key given twice (a folder named twice) matches in order of appearance.
std::vector<WorkloadDiff> diff_runs(const RecordedRun& before, const RecordedRun& after, int& compared) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_key, by_name;
  for (std::size_t i = before.results.size(); i-- > 0;) {  // backwards: each list's next match is at its back
    by_key[before.results[i].key].push_back(i);
    if (!before.results[i].workload.empty()) by_name[before.results[i].workload].push_back(i);
  }
  std::vector<bool> matched(before.results.size(), false);
  const auto take = [&](std::unordered_map<std::string, std::vector<std::size_t>>& index, const std::string& key) -> const RecordedResult* {
    auto it = index.find(key);
    if (it == index.end()) return nullptr;
    while (!it->second.empty() && matched[it->second.back()]) it->second.pop_back();
    if (it->second.empty()) return nullptr;
    matched[it->second.back()] = true;
    return &before.results[it->second.back()];
  };
  std::vector<WorkloadDiff> out;
  for (const auto& r : after.results) {
    const RecordedResult* earlier = take(by_key, r.key);
    if (!earlier && !r.workload.empty()) earlier = take(by_name, r.workload);
    compared += earlier ? 1 : 0;
    WorkloadDiff d = diff_one(earlier, &r, after.kind);
    if (d.change != "unchanged") out.push_back(std::move(d));
  }
  for (std::size_t i = 0; i < before.results.size(); ++i)
    if (!matched[i]) out.push_back(diff_one(&before.results[i], nullptr, before.kind));
  return out;
}

bool placement_change(const std::string& change) { return change == "moved" || change == "newly-infeasible" || change == "newly-feasible"; }

}  // namespace

const char* to_string(Cause cause) {
  switch (cause) {
    case Cause::spec: return "spec";
    case Cause::catalog: return "catalog";
    case Cause::rules: return "rules";
    case Cause::model: return "model";
  }
  return "?";
}

bool InputChanges::has(Cause cause) const { return std::find(causes.begin(), causes.end(), cause) != causes.end(); }

std::string WorkloadDiff::cause_group() const {
  if (inputs.causes.empty()) return "no input change recorded";
  return inputs.causes.size() == 1 ? to_string(inputs.causes.front()) : "several";
}

bool PlacementDiff::changed() const {
  return std::any_of(workloads.begin(), workloads.end(), [](const WorkloadDiff& w) { return w.change != "unchanged"; });
}

std::size_t PlacementDiff::count(const std::string& change) const {
  return static_cast<std::size_t>(std::count_if(workloads.begin(), workloads.end(), [&](const WorkloadDiff& w) { return w.change == change; }));
}

std::vector<std::pair<std::string, int>> PlacementDiff::moved_by_cause() const {
  std::map<std::string, int> counts;
  for (const auto& w : workloads)
    if (placement_change(w.change)) ++counts[w.cause_group()];
  std::vector<std::pair<std::string, int>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

PlacementDiff diff_placements(const RecordedRun& before, const RecordedRun& after) {
  if (before.kind != after.kind)
    throw UsageError(fmt::format("cannot compare {} ({}) with {} ({})\n  hint: compare two `recommend --format json` reports, or two `batch` JSONL runs",
                                 before.file, to_string(before.kind), after.file, to_string(after.kind)));
  PlacementDiff diff{after.kind, before.file, after.file, 0, {}};
  if (after.kind == RecordKind::report) {
    diff.compared = 1;
    diff.workloads.push_back(diff_one(&before.results.front(), &after.results.front(), RecordKind::report));
  } else {
    diff.workloads = diff_runs(before, after, diff.compared);
  }
  return diff;
}

}  // namespace edgeplan
