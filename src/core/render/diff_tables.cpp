// `diff` (and `batch --baseline`) in words: the lines and tables text and
// Markdown share, laid out by text.cpp and markdown.cpp. Not escaped here:
// each format escapes the user text in them.
#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/wording.hpp"

namespace edgeplan::render_detail {

namespace {

std::string json_words(const Json& v) {
  if (v.is_null()) return "absent";
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string score_words(const std::optional<double>& score) { return score ? util::format_number(*score) : "-"; }

std::string rank_words(const std::optional<int>& rank, const std::string& verdict) {
  if (rank) return std::to_string(*rank);
  return verdict == "absent" ? "absent" : "excluded";
}

std::string spec_line(const InputChanges& c, std::size_t limit) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < c.spec_fields.size() && i < limit; ++i)
    parts.push_back(fmt::format("{}: {} → {}", c.spec_fields[i].pointer, json_words(c.spec_fields[i].before), json_words(c.spec_fields[i].after)));
  if (c.spec_fields.size() > limit) parts.push_back(fmt::format("and {} more", c.spec_fields.size() - limit));
  if (parts.empty() && !c.spec_sections.empty()) return "spec: sections " + util::join_list(c.spec_sections);
  return parts.empty() ? "spec: its digest differs" : "spec: " + util::join_list(parts, "; ");
}

// What `catalog diff` takes for an origin: "default" for the embedded catalog.
// An overlay's origin is "embedded+FILE": the file names it.
std::string catalog_argument(const std::string& origin) {
  if (origin == "embedded" || origin.empty()) return "default";
  return origin.rfind("embedded+", 0) == 0 ? origin.substr(9) : origin;
}

std::string catalog_line(const InputChanges& c) {
  std::string out = fmt::format("catalog: {} → {}", c.catalog_before, c.catalog_after);
  if (c.measured_latency) out += " (the measured RTTs differ)";
  if (c.prices) out += " (the prices differ)";
  return out;
}

std::string rules_line(const InputChanges& c) {
  std::string out = fmt::format("rules: {} → {}", c.rules_before, c.rules_after);
  std::vector<std::string> files;
  if (!c.rule_files_added.empty()) files.push_back("files added: " + util::join_list(c.rule_files_added));
  if (!c.rule_files_removed.empty()) files.push_back("files removed: " + util::join_list(c.rule_files_removed));
  return files.empty() ? out : out + " (" + util::join_list(files, "; ") + ")";
}

std::string cause_line(const InputChanges& c, Cause cause) {
  switch (cause) {
    case Cause::spec: return spec_line(c, 10);
    case Cause::catalog: return catalog_line(c);
    case Cause::rules: return rules_line(c);
    case Cause::model: return fmt::format("model: edgeplan {} → {}", c.version_before, c.version_after);
  }
  return {};
}

// The short form for a table cell: "spec (latency, users)", "catalog".
std::string cause_cell(const WorkloadDiff& w) {
  std::vector<std::string> parts;
  for (Cause cause : w.inputs.causes)
    parts.push_back(cause == Cause::spec && !w.inputs.spec_sections.empty()
                        ? fmt::format("spec ({})", util::join_list(w.inputs.spec_sections))
                        : to_string(cause));
  return parts.empty() ? "no input change recorded" : util::join_list(parts);
}

std::string why_cell(const WorkloadDiff& w) {
  std::vector<std::string> parts;
  for (const auto& e : w.evidence) parts.push_back(e.text);
  return util::join_list(parts, "; ");
}

Table workloads_table(const PlacementDiff& d, const std::string& change, const std::string& title) {
  Table t{fmt::format("{} ({})", title, d.count(change)), {"workload", "file", "before", "after", "cause", "evidence"}, {false, false, false, false, false, false}, {}, {}};
  std::vector<const WorkloadDiff*> rows;
  for (const auto& w : d.workloads)
    if (w.change == change) rows.push_back(&w);
  // Grouped by cause, in input order within a group.
  std::stable_sort(rows.begin(), rows.end(), [](const WorkloadDiff* a, const WorkloadDiff* b) { return a->cause_group() < b->cause_group(); });
  for (const auto* w : rows) t.rows.push_back({w->workload, w->key, placement_words(w->before), placement_words(w->after), cause_cell(*w), why_cell(*w)});
  return t;
}

Table listed_table(const PlacementDiff& d, const std::string& change, const std::string& title) {
  Table t{fmt::format("{} ({})", title, d.count(change)), {"workload", "file", "placement"}, {false, false, false}, {}, {}};
  for (const auto& w : d.workloads)
    if (w.change == change) t.rows.push_back({w.workload, w.key, placement_words(change == "removed" ? w.before : w.after)});
  return t;
}

}  // namespace

std::string placement_words(const Placement& p) {
  if (p.status == "ok") return p.score ? fmt::format("{} ({}, {})", p.id, p.kind, util::format_number(*p.score)) : fmt::format("{} ({})", p.id, p.kind);
  if (p.status == "no-feasible") return "no feasible placement";
  if (p.status == "error") return "error: " + p.error;
  return "absent";
}

std::vector<std::string> input_change_lines(const InputChanges& c) {
  std::vector<std::string> out;
  for (Cause cause : c.causes) out.push_back(cause_line(c, cause));
  if (c.unrecorded) out.push_back("spec: not recorded on both sides (an output of an older edgeplan): spec changes cannot be told");
  if (out.empty()) out.push_back("no input change recorded: the same spec, catalog, rules and edgeplan version");
  return out;
}

std::string catalog_diff_hint(const InputChanges& c) {
  // Only when the catalogs differ: a change of measured RTTs or prices alone has no site facts to list.
  if (!c.has(Cause::catalog) || c.catalog_before == c.catalog_after || c.catalog_origin_before.empty() || c.catalog_origin_after.empty()) return {};
  return fmt::format("edgeplan catalog diff {} {}", catalog_argument(c.catalog_origin_before), catalog_argument(c.catalog_origin_after));
}

std::string evidence_words(const Evidence& e, const InputChanges& inputs) {
  if (!e.points_to || inputs.causes.size() < 2) return e.text;  // with one input changed, everything points to it
  return fmt::format("{} (points to: {})", e.text, to_string(*e.points_to));
}

std::string diff_headline(const PlacementDiff& d) {
  if (d.kind == RecordKind::report) {
    const WorkloadDiff& w = d.workloads.front();
    if (w.change == "unchanged") return "no change: the same placement, ranks, scores, verdicts and reasons";
    if (w.change == "changed") return "the same placement (" + placement_words(w.after) + "); ranks, scores, verdicts or reasons changed";
    return fmt::format("{}: {} → {}", w.change == "moved" ? "placement moved" : w.change == "newly-infeasible" ? "newly infeasible" : "newly feasible",
                       placement_words(w.before), placement_words(w.after));
  }
  return fmt::format("{} compared: {} moved, {} newly infeasible, {} newly feasible, {}, {} added, {} removed; {} with the same placement and other changes",
                     util::plural(d.compared, "workload"), d.count("moved"), d.count("newly-infeasible"), d.count("newly-feasible"),
                     util::plural(static_cast<int>(d.count("error")), "error"), d.count("added"), d.count("removed"), d.count("changed"));
}

Table options_table(const WorkloadDiff& w) {
  Table t{fmt::format("Options that changed ({})", w.options.size()), {"option", "kind", "rank", "score", "verdict", "reasons"},
          {false, false, false, false, false, false}, {}, {}};
  for (const auto& o : w.options) {
    std::vector<std::string> reasons;
    for (const auto& r : o.reasons_added) reasons.push_back("+" + r);
    for (const auto& r : o.reasons_removed) reasons.push_back("-" + r);
    t.rows.push_back({o.id, o.kind, fmt::format("{} → {}", rank_words(o.rank_before, o.verdict_before), rank_words(o.rank_after, o.verdict_after)),
                      fmt::format("{} → {}", score_words(o.score_before), score_words(o.score_after)),
                      o.verdict_before == o.verdict_after ? o.verdict_after : fmt::format("{} → {}", o.verdict_before, o.verdict_after),
                      util::join_list(reasons, " ")});
  }
  return t;
}

std::vector<Table> batch_diff_tables(const PlacementDiff& d, const std::string& moved_title) {
  std::vector<Table> tables;
  const auto by_cause = d.moved_by_cause();
  if (!by_cause.empty()) {
    Table t{"Placement changes by cause", {"cause", "workloads"}, {false, true}, {}, {}};
    for (const auto& [cause, count] : by_cause) t.rows.push_back({cause, std::to_string(count)});
    tables.push_back(std::move(t));
  }
  const std::pair<const char*, std::string> grouped[] = {{"moved", moved_title}, {"newly-infeasible", "Newly without a feasible placement"},
                                                         {"newly-feasible", "Newly feasible"}, {"error", "Errors on either side"}};
  for (const auto& [change, title] : grouped)
    if (d.count(change)) tables.push_back(workloads_table(d, change, title));
  if (d.count("added")) tables.push_back(listed_table(d, "added", "Added"));
  if (d.count("removed")) tables.push_back(listed_table(d, "removed", "Removed"));
  return tables;
}

}  // namespace edgeplan::render_detail
