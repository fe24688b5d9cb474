// `batch` in words: the portfolio summary as a list of tables (laid out by
// text.cpp and markdown.cpp) and the reason a workload has no recommendation.
#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/escape.hpp"
#include "render/wording.hpp"

namespace edgeplan {

namespace render_detail {

namespace {

std::string percent(int part, int whole) { return whole > 0 ? fmt::format("{:.1f} %", 100.0 * part / whole) : "-"; }

Table count_table(std::string title, std::string column, const std::vector<PortfolioCount>& counts, int whole, std::size_t top) {
  Table t{std::move(title), {std::move(column), "workloads", "share"}, {false, true, true}, {}, {}};
  for (std::size_t i = 0; i < counts.size() && i < top; ++i)
    t.rows.push_back({counts[i].label, std::to_string(counts[i].count), percent(counts[i].count, whole)});
  if (counts.size() > top) t.note = fmt::format("… and {} more", counts.size() - top);
  return t;
}

Table reasons_table(const Portfolio& p, std::size_t top) {
  const auto reasons = p.exclusion_reasons();
  Table t{"Most common exclusion reasons", {"reason", "workloads", "candidates excluded"}, {false, true, true}, {}, {}};
  for (std::size_t i = 0; i < reasons.size() && i < top; ++i)
    t.rows.push_back({reasons[i].label, std::to_string(reasons[i].workloads), std::to_string(reasons[i].candidates)});
  if (reasons.size() > top) t.note = fmt::format("… and {} more", reasons.size() - top);
  return t;
}

Table infeasible_table(const Portfolio& p) {
  Table t{fmt::format("No feasible placement ({})", p.no_feasible()), {"workload", "file", "why"}, {false, false, false}, {}, {}};
  for (const auto& r : p.infeasible()) t.rows.push_back({r.workload, r.key(), excluded_text(r.excluded_by)});
  return t;
}

Table fragile_table(const Portfolio& p) {
  Table t{fmt::format("Fragile recommendations ({})", p.fragile().size()), {"workload", "file", "top", "why"}, {false, false, false, false}, {}, {}};
  for (const auto& r : p.fragile()) t.rows.push_back({r.workload, r.key(), r.top ? r.top->id : "", util::join_list(r.robustness->reasons, "; ")});
  return t;
}

Table errors_table(const Portfolio& p) {
  Table t{fmt::format("Errors ({})", p.errors()), {"file", "workload", "error"}, {false, false, false}, {}, {}};
  for (const auto& r : p.failed()) t.rows.push_back({r.key(), r.workload, batch_reason(r)});
  return t;
}

// Sums of monthly costs in one batch: added in input order (the order results
// are emitted in, whatever the thread count), so the output is byte-identical.
Table cost_table(const Portfolio& p) {
  Table t{"Monthly cost of the recommended placements by kind (--prices)", {"kind", "priced", "monthly total", "unknown", "unknown: at least"},
          {false, true, true, true, true}, {}, {}};
  double total = 0, at_least = 0;
  int priced = 0, unknown = 0;
  for (const auto& k : p.cost_by_kind()) {
    t.rows.push_back({k.kind, std::to_string(k.priced), format_money(k.monthly, p.currency()), std::to_string(k.unknown),
                      k.unknown > 0 ? format_money(k.unknown_at_least, p.currency()) : "-"});
    total += k.monthly, at_least += k.unknown_at_least, priced += k.priced, unknown += k.unknown;
  }
  t.rows.push_back({"all", std::to_string(priced), format_money(total, p.currency()), std::to_string(unknown), unknown > 0 ? format_money(at_least, p.currency()) : "-"});
  if (unknown > 0) t.note = "an unknown cost lacks a price (edgeplan cost SPEC --prices FILE lists which); its known part is a lower bound";
  return t;
}

}  // namespace

std::string excluded_text(const std::vector<SummaryCount>& counts) {
  std::vector<std::string> parts;
  for (const auto& c : counts) parts.push_back(fmt::format("{} {}", c.count, c.label));
  return util::join_list(parts, ", ");
}

std::vector<Table> portfolio_tables(const Portfolio& p, std::size_t top) {
  std::vector<Table> tables;
  if (p.recommended() > 0) {
    tables.push_back(count_table("Recommended placements by kind", "kind", p.by_kind(), p.recommended(), top));
    tables.push_back(count_table("By Region (the Region, or the parent Region of a zone or Outpost)", "Region", p.by_region(), p.recommended(), top));
    tables.push_back(count_table("By metro", "metro", p.by_metro(), p.recommended(), top));
    tables.push_back(count_table("By site", "site", p.by_site(), p.recommended(), top));
  }
  if (!p.cost_by_kind().empty()) tables.push_back(cost_table(p));
  if (!p.by_confidence().empty()) tables.push_back(count_table("Confidence of the recommendations (--robustness)", "confidence", p.by_confidence(), p.recommended(), top));
  if (!p.fragile().empty()) tables.push_back(fragile_table(p));
  if (!p.exclusion_reasons().empty()) tables.push_back(reasons_table(p, top));
  if (p.no_feasible() > 0) tables.push_back(infeasible_table(p));
  if (p.errors() > 0) tables.push_back(errors_table(p));
  return tables;
}

std::string portfolio_headline(const Portfolio& p) {
  return fmt::format("{}: {} with a recommendation, {} with no feasible placement, {}", util::plural(p.workloads(), "workload"),
                     p.recommended(), p.no_feasible(), util::plural(p.errors(), "error"));
}

std::string inputs_text(const PortfolioInfo& info, bool markdown) {
  std::vector<std::string> quoted;
  for (const auto& input : info.inputs) quoted.push_back(markdown ? markdown_code(input) : input);
  std::string out = util::join_list(quoted, ", ");
  if (info.shard && info.shard->count > 1) out += fmt::format(", shard {}/{}", info.shard->index, info.shard->count);
  return out;
}

}  // namespace render_detail

std::string batch_reason(const BatchResult& r) {
  if (r.status == BatchStatus::no_feasible) return "no feasible placement: " + render_detail::excluded_text(r.excluded_by) + " excluded";
  if (r.status == BatchStatus::error && !r.errors.empty()) {
    std::string out = located_message(r.errors.front());
    if (r.errors.size() > 1) out += fmt::format(" (+{} more)", r.errors.size() - 1);
    return out;
  }
  return {};
}

}  // namespace edgeplan
