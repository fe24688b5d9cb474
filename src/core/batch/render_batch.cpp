// Batch renderers. JSONL and CSV print one record per result as it is emitted;
// Markdown and text print the portfolio summary, built once as a list of
// tables and then laid out per format.
#include <edgeplan/batch.hpp>

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

using OrderedJson = nlohmann::ordered_json;

const std::vector<std::string> kFormatNames = {"jsonl", "csv", "markdown", "text"};

// ---------------------------------------------------------------- records

OrderedJson option_json(const std::optional<BatchOption>& option) {
  if (!option) return nullptr;
  return OrderedJson{{"id", option->id}, {"kind", option->kind}, {"region", option->region}, {"metro", option->metro}, {"score", option->score}};
}

OrderedJson diagnostic_json(const Diagnostic& d) {
  OrderedJson out{{"file", d.file}, {"line", d.line}, {"column", d.column}, {"pointer", d.pointer}, {"message", d.message}};
  if (!d.hint.empty()) out["hint"] = d.hint;
  return out;
}

OrderedJson excluded_by_json(const std::vector<SummaryCount>& counts) {
  OrderedJson out = OrderedJson::array();
  for (const auto& c : counts) out.push_back({{"reason", c.label}, {"count", c.count}});
  return out;
}

std::string excluded_text(const std::vector<SummaryCount>& counts) {
  std::vector<std::string> parts;
  for (const auto& c : counts) parts.push_back(fmt::format("{} {}", c.count, c.label));
  return util::join_list(parts, ", ");
}

// "FILE:LINE:COL (POINTER): message" — the diagnostic grammar without the "edgeplan: error: " lead.
std::string located_message(const Diagnostic& d) {
  std::string text = format_diagnostic(d);
  text = text.substr(0, text.find('\n'));
  const std::string lead = "edgeplan: error: ";
  return text.rfind(lead, 0) == 0 ? text.substr(lead.size()) : text;
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\n";
}

// ---------------------------------------------------------------- summary tables

struct Table {
  std::string title;
  std::vector<std::string> columns;
  std::vector<bool> numeric;  // right-aligned columns
  std::vector<std::vector<std::string>> rows;
  std::string note;  // under the table: "… and 12 more"
};

std::string percent(int part, int whole) { return whole > 0 ? fmt::format("{:.1f} %", 100.0 * part / whole) : "-"; }

std::string plural(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

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

Table errors_table(const Portfolio& p) {
  Table t{fmt::format("Errors ({})", p.errors()), {"file", "workload", "error"}, {false, false, false}, {}, {}};
  for (const auto& r : p.failed()) t.rows.push_back({r.key(), r.workload, batch_reason(r)});
  return t;
}

std::vector<Table> portfolio_tables(const Portfolio& p, std::size_t top) {
  std::vector<Table> tables;
  if (p.recommended() > 0) {
    tables.push_back(count_table("Recommended placements by kind", "kind", p.by_kind(), p.recommended(), top));
    tables.push_back(count_table("By Region (the Region, or the parent Region of a zone or Outpost)", "Region", p.by_region(), p.recommended(), top));
    tables.push_back(count_table("By metro", "metro", p.by_metro(), p.recommended(), top));
    tables.push_back(count_table("By site", "site", p.by_site(), p.recommended(), top));
  }
  if (!p.exclusion_reasons().empty()) tables.push_back(reasons_table(p, top));
  if (p.no_feasible() > 0) tables.push_back(infeasible_table(p));
  if (p.errors() > 0) tables.push_back(errors_table(p));
  return tables;
}

std::string headline(const Portfolio& p) {
  return fmt::format("{}: {} with a recommendation, {} with no feasible placement, {}", plural(p.workloads(), "workload", "workloads"),
                     p.recommended(), p.no_feasible(), plural(p.errors(), "error", "errors"));
}

std::string inputs_text(const PortfolioInfo& info, bool markdown) {
  std::vector<std::string> quoted;
  for (const auto& input : info.inputs) quoted.push_back(markdown ? "`" + input + "`" : input);
  std::string out = util::join_list(quoted, ", ");
  if (info.shard && info.shard->count > 1) out += fmt::format(", shard {}/{}", info.shard->index, info.shard->count);
  return out;
}

// ---------------------------------------------------------------- Markdown

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string markdown_table(const Table& t) {
  std::string out = fmt::format("## {}\n\n|", t.title);
  for (const auto& c : t.columns) out += " " + c + " |";
  out += "\n|";
  for (bool numeric : t.numeric) out += numeric ? "---:|" : "---|";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& cell : row) out += " " + markdown_cell(cell) + " |";
    out += "\n";
  }
  if (!t.note.empty()) out += "\n" + t.note + "\n";
  return out + "\n";
}

std::string render_markdown(const Portfolio& p, const PortfolioInfo& info) {
  std::string out = fmt::format("# Portfolio placement summary\n\nInputs: {}\n\n{}.\n\n", inputs_text(info, true), headline(p));
  for (const auto& t : portfolio_tables(p, info.top)) out += markdown_table(t);
  out.pop_back();  // one newline at the end
  return out;
}

// ---------------------------------------------------------------- text

std::vector<std::size_t> column_widths(const Table& t) {
  std::vector<std::size_t> widths;
  for (const auto& c : t.columns) widths.push_back(c.size());
  for (const auto& row : t.rows)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  for (auto& w : widths) ++w;  // two spaces between columns
  return widths;
}

std::string text_row(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths, const std::vector<bool>& numeric) {
  std::string out = " ";
  for (std::size_t i = 0; i < cells.size(); ++i)
    out += numeric[i] ? fmt::format(" {:>{}}", cells[i], widths[i]) : fmt::format(" {:<{}}", cells[i], widths[i]);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\n";
}

std::string text_table(const Table& t) {
  const auto widths = column_widths(t);
  std::string out = t.title + "\n" + text_row(t.columns, widths, t.numeric);
  for (const auto& row : t.rows) out += text_row(row, widths, t.numeric);
  if (!t.note.empty()) out += "  " + t.note + "\n";
  return out + "\n";
}

std::string render_text(const Portfolio& p, const PortfolioInfo& info) {
  std::string out = fmt::format("Portfolio placement summary: {}\n{}\n\n", inputs_text(info, false), headline(p));
  for (const auto& t : portfolio_tables(p, info.top)) out += text_table(t);
  out.pop_back();
  return out;
}

}  // namespace

const std::vector<std::string>& batch_format_names() { return kFormatNames; }

std::optional<BatchFormat> batch_format_from_string(const std::string& name) {
  if (name == "jsonl") return BatchFormat::jsonl;
  if (name == "csv") return BatchFormat::csv;
  if (name == "markdown") return BatchFormat::markdown;
  if (name == "text") return BatchFormat::text;
  return std::nullopt;
}

bool is_streamed(BatchFormat format) { return format == BatchFormat::jsonl || format == BatchFormat::csv; }

std::string batch_jsonl_line(const BatchResult& r) {
  OrderedJson out{{"file", r.file}};
  if (r.line > 0) out["line"] = r.line;
  out["workload"] = r.workload.empty() ? OrderedJson(nullptr) : OrderedJson(r.workload);
  out["status"] = to_string(r.status);
  if (r.status == BatchStatus::error) {
    OrderedJson errors = OrderedJson::array();
    for (const auto& d : r.errors) errors.push_back(diagnostic_json(d));
    out["errors"] = std::move(errors);
  } else {
    out["top"] = option_json(r.top);
    out["runner_up"] = option_json(r.runner_up);
    out["eligible"] = r.eligible;
    out["candidates"] = r.candidates;
    out["excluded_by"] = excluded_by_json(r.excluded_by);
  }
  return out.dump() + "\n";
}

std::string batch_csv_header() {
  return csv_line({"file", "line", "workload", "status", "top", "top_kind", "top_region", "top_score", "runner_up", "runner_up_kind",
                   "runner_up_score", "eligible", "candidates", "reason"});
}

std::string batch_csv_row(const BatchResult& r) {
  const bool evaluated = r.status != BatchStatus::error;
  auto field = [](const std::optional<BatchOption>& o, auto member) { return o ? member(*o) : std::string{}; };
  auto id = [](const BatchOption& o) { return o.id; };
  auto kind = [](const BatchOption& o) { return o.kind; };
  auto score = [](const BatchOption& o) { return util::format_number(o.score); };
  return csv_line({r.file, r.line > 0 ? std::to_string(r.line) : "", r.workload, to_string(r.status), field(r.top, id), field(r.top, kind),
                   field(r.top, [](const BatchOption& o) { return o.region; }), field(r.top, score), field(r.runner_up, id),
                   field(r.runner_up, kind), field(r.runner_up, score), evaluated ? std::to_string(r.eligible) : "",
                   evaluated ? std::to_string(r.candidates) : "", batch_reason(r)});
}

std::string batch_reason(const BatchResult& r) {
  if (r.status == BatchStatus::no_feasible) return "no feasible placement: " + excluded_text(r.excluded_by) + " excluded";
  if (r.status == BatchStatus::error && !r.errors.empty()) {
    std::string out = located_message(r.errors.front());
    if (r.errors.size() > 1) out += fmt::format(" (+{} more)", r.errors.size() - 1);
    return out;
  }
  return {};
}

std::string render_portfolio(const Portfolio& portfolio, BatchFormat format, const PortfolioInfo& info) {
  return format == BatchFormat::markdown ? render_markdown(portfolio, info) : render_text(portfolio, info);
}

}  // namespace edgeplan
