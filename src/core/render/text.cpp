// Text for a terminal: every result `--format text` prints. Colour only
// through the Painter, and only when RenderOptions::color says so. Every piece
// of user text (names, descriptions, messages, file names) goes through
// escape_controls, so only our own line breaks and colours reach the terminal.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>

#include "render/paint.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail::text {

namespace {

using util::escape_controls;

// ---------------------------------------------------------------- recommendations

void append_ranked(std::string& out, const Report& report, const RenderOptions& options, const Painter& p) {
  out += p.bold(fmt::format("Ranked options ({})", report.ranked.size())) + "\n";
  for (std::size_t i = 0; i < report.ranked.size() && i < options.ranked_limit; ++i) {
    const RankedOption& r = report.ranked[i];
    const std::string verdict = r.verdict == Verdict::eligible ? p.green(verdict_words(r.verdict)) : p.yellow(verdict_words(r.verdict));
    out += fmt::format("  {:>2}. {}  score {}  {}\n", r.rank, escape_controls(option_title(*r.evaluation)), util::format_number(r.evaluation->score), verdict);
    out += fmt::format("      {}\n", escape_controls(factor_line(*r.evaluation)));
    if (r.cost) out += fmt::format("      cost: {}\n", escape_controls(cost_summary(*r.cost)));
    if (const LatencyOutlook* o = latency_outlook_of(report, i); o && o->band != LatencyBand::no_budget)
      out += fmt::format("      latency: {}\n", escape_controls(latency_band_text(*o)));
    for (const auto* c : r.conditions) out += fmt::format("      - {}\n", escape_controls(finding_line(*c)));
    for (const auto* n : r.notes) out += p.dim(fmt::format("      - note: {}", escape_controls(n->message))) + "\n";
  }
  if (report.ranked.size() > options.ranked_limit)
    out += p.dim(fmt::format("  (+{} more; --format json lists all)", report.ranked.size() - options.ranked_limit)) + "\n";
}

void append_excluded(std::string& out, const Report& report, const RenderOptions& options, const Painter& p) {
  if (report.excluded.empty()) return;
  out += "\n" + p.bold(fmt::format("Excluded ({}), closest first", report.excluded.size())) + "\n";
  for (std::size_t i = 0; i < report.excluded.size() && i < options.excluded_limit; ++i) {
    const Evaluation& e = *report.excluded[i].evaluation;
    out += fmt::format("  {} {}\n", p.red("x"), escape_controls(option_title(e)));
    for (const auto& f : e.exclusions) out += fmt::format("      - {}\n", escape_controls(finding_line(f)));
  }
  if (report.excluded.size() > options.excluded_limit)
    out += p.dim(fmt::format("  (+{} more; --explain ID or --format json for all)", report.excluded.size() - options.excluded_limit)) + "\n";
}

void append_near_misses(std::string& out, const Report& report, const Painter& p) {
  if (report.excluded.empty()) return;
  out += "\n" + p.bold("What would make the closest excluded options eligible") + "\n";
  if (report.near_misses.empty()) out += "  " + std::string(kNoRelaxation) + "\n";
  for (const auto& n : report.near_misses)
    out += fmt::format("  {}: {}\n", escape_controls(n.evaluation->candidate->id), escape_controls(near_miss_text(n)));
}

void append_warnings(std::string& out, const Report& report, const Painter& p) {
  if (report.input_warnings.empty()) return;
  out += "\n" + p.bold("Input warnings") + "\n";
  for (const auto& d : report.input_warnings) out += "  " + format_diagnostic(d) + "\n";
}

// How sure: the winner's robustness, how another eligible option could win, and
// each latency budget across the model's range.
void append_outlook(std::string& out, const Explanation& x, const Painter& p) {
  const OptionOutlook& o = x.outlook;
  if (o.winner && x.report.robustness) {
    out += "\n" + p.bold("How sure the recommendation is") + "\n";
    for (const auto& line : robustness_lines(*x.report.robustness)) out += "  - " + escape_controls(line) + "\n";
  } else if (!x.option.excluded()) {
    out += "\n" + p.bold("What would make it the winner") + "\n";
    for (const auto& line : to_win_lines(o)) out += "  - " + escape_controls(line) + "\n";
  }
  if (o.latency.checks.empty()) return;
  out += "\n" + p.bold("Latency across the model's range") + "\n";
  out += "  " + escape_controls(latency_band_text(o.latency)) + "\n";
  for (const auto& line : latency_check_lines(o.latency)) out += "  - " + escape_controls(line) + "\n";
}

// ---------------------------------------------------------------- check runs

std::string status_word(const SpecCheck& s, const Painter& p) {
  if (s.errored()) return p.red("ERROR");
  return s.passed() ? p.green("PASS ") : p.red("FAIL ");
}

std::string finding_label(const CheckFinding& f, const Painter& p) {
  if (f.suppressed()) return p.dim(fmt::format("{:<8}", "waived"));
  const std::string label = fmt::format("{:<8}", f.severity);
  if (f.blocking) return p.red(label);
  return f.severity == "warning" ? p.yellow(label) : p.dim(label);
}

void append_spec_text(std::string& out, const SpecCheck& s, const Painter& p) {
  out += fmt::format("{} {}  {}\n", status_word(s, p), p.bold(escape_controls(s.file)), escape_controls(spec_headline(s)));
  for (const auto& e : s.errors) out += "      " + format_diagnostic(e) + "\n";
  for (const auto& f : s.findings) {
    out += fmt::format("      {} {}  {}\n", finding_label(f, p), escape_controls(f.rule), p.dim(escape_controls(location_text(s.file, f))));
    out += fmt::format("               {}\n", escape_controls(f.message));
    if (f.suppressed())
      out += fmt::format("               {}\n", p.dim(escape_controls(waiver_text(*f.waiver))));
  }
}

// ---------------------------------------------------------------- rule sets

// "rules/default/10-residency.json", then how later packs changed it.
std::string rule_origin(const Rule& r) {
  std::string out = escape_controls(r.file);
  if (!r.waivable) out += " · non-waivable";
  for (const auto& step : r.history) out += " · " + escape_controls(step);
  return out;
}

// ---------------------------------------------------------------- rule tests

std::string eligibility(bool eligible) { return eligible ? "eligible" : "excluded"; }

void append_case_text(std::string& out, const RuleTestCase& c, const Painter& p) {
  out += fmt::format("  {}  {}: {}\n", c.passed() ? p.green("ok  ") : p.red("FAIL"), escape_controls(c.file), escape_controls(c.name));
  for (const auto& e : c.expectations)
    if (!e.ok())
      out += fmt::format("        {}: expected {}, got {} (option {}, fixture {})\n", escape_controls(e.rule), escape_controls(e.expected),
                         escape_controls(e.actual), escape_controls(c.option), escape_controls(c.workload_file));
  if (c.expect_eligible && c.expect_eligible != c.eligible)
    out += fmt::format("        option {}: expected {}, got {}\n", escape_controls(c.option), eligibility(*c.expect_eligible),
                       eligibility(c.eligible.value_or(false)));
}

// ---------------------------------------------------------------- portfolios

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

// Cells hold workload names, file names and reasons: escaped before the widths are measured.
Table escaped(Table t) {
  for (auto& row : t.rows)
    for (auto& cell : row) cell = escape_controls(cell);
  return t;
}

std::string text_table(const Table& table) {
  const Table t = escaped(table);
  const auto widths = column_widths(t);
  std::string out = t.title + "\n" + text_row(t.columns, widths, t.numeric);
  for (const auto& row : t.rows) out += text_row(row, widths, t.numeric);
  if (!t.note.empty()) out += "  " + t.note + "\n";
  return out + "\n";
}

// ---------------------------------------------------------------- catalog listings and diffs

// "[2]" before a fact's value; blank when no one states it (a removed fact).
std::string source_marker(SourceNumbers& sources, const std::string& source) {
  const std::size_t n = sources.number(source);
  return n ? fmt::format("[{}]", n) : "   ";
}

std::string sources_text(const SourceNumbers& sources, const Painter& p) {
  if (sources.sources().empty()) return "";
  std::string out = "\n" + p.bold("Sources") + "\n";
  for (std::size_t i = 0; i < sources.sources().size(); ++i) out += fmt::format("  [{}] {}\n", i + 1, escape_controls(sources.sources()[i]));
  return out;
}

constexpr int kFactNameWidth = 21;  // "network_border_group" and a space
constexpr int kValueColumn = 2 + kFactNameWidth + 4;  // after the indent, the name and "[n] "
constexpr std::size_t kLongValue = 100;

std::string account_lines(const AccountView& a) {
  auto or_unknown = [](const std::string& text) { return text.empty() ? std::string("unknown") : text; };
  std::string out = fmt::format("account {} · captured {} ({}) · Regions {}\n", escape_controls(or_unknown(a.id)), escape_controls(or_unknown(a.captured_at)),
                                escape_controls(a.captured_at_basis), a.regions.empty() ? "none" : escape_controls(util::join_list(a.regions)));
  out += fmt::format("gaps ({}){}\n", a.gaps.size(), a.gaps.empty() ? "" : ":");
  for (const auto& gap : a.gaps) out += "  - " + escape_controls(gap) + "\n";
  return out;
}

std::string catalog_header(const CatalogListing& listing, const Painter& p) {
  std::string out = p.bold("catalog " + escape_controls(catalog_line(listing.info))) + "\n";
  return listing.account ? out + account_lines(*listing.account) : out;
}

// The fact's value as words, or one key of an object value; "-" when the entry does not state it.
std::string fact_text(const CatalogEntry& e, const std::string& name, const char* key = nullptr) {
  const CatalogFact* f = e.find(name);
  if (!f) return "-";
  return fact_value_text(key && f->value.is_object() ? f->value.value(key, FactValue(nullptr)) : f->value);
}

// What the account said about a site, in one word.
std::string account_marker(const CatalogEntry& e) {
  if (const CatalogFact* seen = e.find("seen")) return seen->value == true ? "seen" : "not seen";
  const bool any = std::any_of(e.facts.begin(), e.facts.end(), [](const CatalogFact& f) { return f.basis == "account"; });
  return any ? "account" : "";
}

bool is_site(const CatalogEntry& e) { return e.kind == "region" || e.kind == "local-zone" || e.kind == "wavelength-zone"; }

Table site_table(const std::vector<CatalogEntry>& entries) {
  Table t{"", {"ID", "KIND", "PARENT", "METRO", "OPT-IN", "FAMILIES", "ACCOUNT"}, std::vector<bool>(7, false), {}, ""};
  for (const auto& e : entries)
    if (is_site(e))
      t.rows.push_back({e.id, e.kind, fact_text(e, "parent_region"), fact_text(e, "location", "metro"),
                        fact_text(e, "opt_in"), fact_text(e, "instance_families", "knowledge"), account_marker(e)});
  t.title = fmt::format("Sites ({})", t.rows.size());
  return t;
}

// The one-line listing of the entries that are not sites: which facts, per kind.
struct KindColumns {
  const char* kind;
  const char* title;
  std::vector<std::string> facts;
};
const std::vector<KindColumns>& other_kinds() {
  static const std::vector<KindColumns> kinds = {
      {"outpost", "Existing Outposts", {"name", "hardware", "lifecycle_status", "home_region", "availability_zone"}},
      {"catalog-item", "Rack configurations (Outposts catalog items)", {"status", "power_kva", "ec2_capacities"}},
      {"measured-rtt", "Measured RTTs (AWS)", {"rtt_ms", "period", "between"}},
  };
  return kinds;
}

std::string column_title(std::string fact_name) {
  for (char& c : fact_name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return fact_name;
}

Table kind_table(const std::vector<CatalogEntry>& entries, const KindColumns& k) {
  Table t{"", {"ID"}, {false}, {}, ""};
  for (const auto& name : k.facts) t.columns.push_back(column_title(name)), t.numeric.push_back(false);
  for (const auto& e : entries) {
    if (e.kind != k.kind) continue;
    std::vector<std::string> row = {e.id};
    for (const auto& name : k.facts) row.push_back(fact_text(e, name));
    t.rows.push_back(std::move(row));
  }
  t.title = fmt::format("{} ({})", k.title, t.rows.size());
  return t;
}

std::string listing_tables(const CatalogListing& listing) {
  std::vector<Table> tables = {site_table(listing.entries)};
  for (const auto& k : other_kinds()) tables.push_back(kind_table(listing.entries, k));
  std::string out;
  for (const auto& t : tables)
    if (!t.rows.empty()) out += text_table(t);
  return out.empty() ? "no entries\n" : out;
}

// A value too long for one line (a site's services, its source URLs) gets one
// line per list item or object member, under the first.
std::string value_lines(const FactValue& value) {
  const std::string one_line = escape_controls(fact_value_text(value));
  if (one_line.size() <= kLongValue) return one_line;
  std::string out;
  for (const auto& part : fact_value_parts(value)) out += (out.empty() ? "" : fmt::format("\n{:<{}}", "", kValueColumn)) + escape_controls(part);
  return out;
}

std::string entry_detail(const CatalogEntry& e, SourceNumbers& sources, const Painter& p) {
  std::string out = p.bold(fmt::format("{} ({})", escape_controls(e.id), e.kind)) + "\n";
  for (const auto& f : e.facts) out += fmt::format("  {:<{}}{} {}\n", f.name, kFactNameWidth, source_marker(sources, f.source), value_lines(f.value));
  return out;
}

std::string change_word(const std::string& change, const Painter& p) {
  const std::string word = fmt::format("{:<8}", change);
  return change == "added" ? p.green(word) : change == "removed" ? p.red(word) : p.yellow(word);
}

// Added and removed entries in one line (the JSON lists their facts; `catalog show` prints them).
std::string change_text(const CatalogChange& c, SourceNumbers& sources, const Painter& p) {
  std::string out = fmt::format("{} {} ({})\n", change_word(c.change, p), escape_controls(c.id), c.kind);
  if (c.change != "changed") return out;
  for (const auto& f : c.facts)
    out += fmt::format("  {:<{}}{} {} → {}\n", f.name, kFactNameWidth, source_marker(sources, f.source_after), escape_controls(fact_value_text(f.before)),
                       escape_controls(fact_value_text(f.after)));
  return out;
}

// ---------------------------------------------------------------- placement diffs

std::string bullets(const std::string& title, const std::vector<std::string>& lines, const Painter& p) {
  std::string out = "\n" + p.bold(title) + "\n";
  for (const auto& line : lines) out += "  - " + escape_controls(line) + "\n";
  return out;
}

std::string report_diff_text(const PlacementDiff& d, const Painter& p) {
  const WorkloadDiff& w = d.workloads.front();
  std::string out = escape_controls(diff_headline(d)) + "\n";
  std::vector<std::string> inputs = input_change_lines(w.inputs);
  if (auto hint = catalog_diff_hint(w.inputs); !hint.empty()) inputs.push_back("the site facts that changed: " + hint);
  out += bullets("What changed in the inputs", inputs, p);
  std::vector<std::string> evidence;
  for (const auto& e : w.evidence) evidence.push_back(evidence_words(e, w.inputs));
  if (!evidence.empty()) out += bullets("Evidence", evidence, p);
  if (!w.options.empty()) out += "\n" + text_table(options_table(w));
  return out;
}

// The headline and the tables, each followed by a blank line.
std::string batch_diff_text(const PlacementDiff& d, const std::string& moved_title) {
  std::string out = escape_controls(diff_headline(d)) + "\n\n";
  for (const auto& t : batch_diff_tables(d, moved_title)) out += text_table(t);
  return out;
}

}  // namespace

std::string report(const Report& report, const RenderOptions& options) {
  Painter p(options.color);
  std::string out = p.bold(fmt::format("edgeplan recommend: {}", escape_controls(report.workload))) + "\n" + escape_controls(report.summary) + "\n\n";
  if (report.ranked.empty()) {
    out += p.red("No feasible placement.") + "\n";
  } else {
    out += p.bold("Recommendation: ") + p.green(escape_controls(option_title(*report.ranked[0].evaluation))) + "\n";
    for (const auto& line : report.winner_rationale) out += "  " + escape_controls(line) + "\n";
    if (report.robustness) out += "  " + p.bold("confidence: ") + escape_controls(confidence_line(*report.robustness)) + "\n";
  }
  if (report.fallback) {
    const FallbackPlan& f = *report.fallback;
    out += "\n" + p.bold(fmt::format("Fallback ({}): ", f.requirement)) + (f.fallback ? p.green(escape_controls(fallback_headline(f))) : p.red("none")) + "\n";
    for (const auto& line : fallback_lines(f)) out += "  " + escape_controls(line) + "\n";
  }
  out += "\n";
  if (!report.ranked.empty()) append_ranked(out, report, options, p);
  append_excluded(out, report, options, p);
  append_near_misses(out, report, p);
  append_warnings(out, report, p);
  out += "\n" + p.dim(provenance_line(report.provenance)) + "\n";
  return out;
}

std::string explanation(const Explanation& x, const RenderOptions& options) {
  const Report& report = x.report;
  const Evaluation& e = x.option;
  Painter p(options.color);
  std::string out = p.bold(fmt::format("edgeplan explain: {} for {}", escape_controls(e.candidate->id), escape_controls(report.workload))) + "\n";
  out += escape_controls(option_title(e)) + "\n";
  std::string status = e.excluded() ? p.red("excluded") : p.green("eligible");
  for (const auto& r : report.ranked)
    if (r.evaluation == &e) status = p.green(fmt::format("rank {} of {}, {}", r.rank, report.ranked.size(), verdict_words(r.verdict)));
  out += fmt::format("status: {} · score {}\n", status, util::format_number(e.score));
  out += fmt::format("factors: {}\n", escape_controls(factor_line(e)));
  std::vector<std::string> weights;
  for (const auto& [factor, w] : report.weights) weights.push_back(fmt::format("{} {}", factor, util::format_number(w)));
  out += fmt::format("weights: {}\n", escape_controls(util::join_list(weights, " · ")));
  if (!e.exclusions.empty()) {
    out += "\n" + p.bold("Why it is excluded") + "\n";
    for (const auto& f : e.exclusions) out += "  - " + escape_controls(finding_line(f)) + "\n";
    out += "  " + escape_controls(relaxation_line(report, e)) + "\n";
  }
  if (!e.warnings.empty()) {
    out += "\n" + p.bold("Conditions and notes") + "\n";
    for (const auto& f : e.warnings) out += "  - " + escape_controls(finding_line(f)) + "\n";
  }
  if (auto cost = cost_lines(report, e); !cost.empty()) {
    out += "\n" + p.bold("Cost") + "\n";
    for (const auto& line : cost) out += "  - " + escape_controls(line) + "\n";
  }
  out += "\n" + p.bold("Rules") + "\n";
  for (const auto& t : e.trace)
    out += fmt::format("  {:<44} {:<8} {}{}\n", escape_controls(t.rule), t.effect, escape_controls(t.outcome),
                       t.detail.empty() ? "" : ": " + escape_controls(t.detail));
  append_outlook(out, x, p);
  if (auto sources = fact_source_lines(e); !sources.empty()) {
    out += "\n" + p.bold("Where the site facts come from") + "\n";
    for (const auto& line : sources) out += "  - " + escape_controls(line) + "\n";
  }
  if (auto terms = latency_term_lines(e); !terms.empty()) {
    out += "\n" + p.bold("Latency terms (ms, typical values)") + "\n";
    for (const auto& line : terms) out += "  - " + escape_controls(line) + "\n";
  }
  out += "\n" + p.bold("Facts") + "\n" + dump_json(e.facts, 2) + "\n";
  out += "\n" + p.dim(provenance_line(report.provenance)) + "\n";
  return out;
}

std::string capacity(const CapacityReport& report, const RenderOptions&) { return capacity_document(report, false); }
std::string cost(const CostReport& report, const RenderOptions&) { return cost_document(report, false); }  // escapes itself

std::string check(const CheckRun& run, const RenderOptions& options) {
  const Painter p(options.color);
  std::string out;
  for (const auto& s : run.specs) append_spec_text(out, s, p);
  if (!run.specs.empty()) out += "\n";
  out += check_summary_line(run) + "\n";
  return out;
}

std::string rule_tests(const RuleTestRun& run, const RenderOptions& options) {
  const Painter p(options.color);
  std::size_t expectations = 0;
  for (const auto& c : run.cases) expectations += c.expectations.size();
  std::string out = fmt::format("rules test {}: {} files, {} tests, {} expectations\n", run.directory, run.files.size(), run.cases.size(), expectations);
  for (const auto& c : run.cases) append_case_text(out, c, p);
  out += fmt::format("coverage: {} of {} rules defined in {} have a test", run.rules_in_directory - static_cast<int>(run.untested.size()),
                     run.rules_in_directory, run.directory);
  out += run.untested.empty() ? "\n" : fmt::format("; untested: {}\n", util::join_list(run.untested));
  out += fmt::format("{} tests: {} passed, {} failed\n", run.cases.size(), run.passed(), run.failed());
  return out;
}

std::string rules(const RuleSet& set, const RenderOptions&) {
  std::string out = fmt::format("{} rules from {} files (sha256:{})\n\n", set.rules.size(), set.files.size(), util::short_digest(set.digest));
  // Rule packs are input too: their ids and descriptions are user text.
  out += fmt::format("{:<44} {:<8} {:<8} {:<11} {}\n", "ID", "EFFECT", "SEVERITY", "FACTOR", "DESCRIPTION / SOURCE");
  for (const auto& r : set.rules)
    out += fmt::format("{:<44} {:<8} {:<8} {:<11} {}\n{:<74} {}\n", escape_controls(r.id), to_string(r.effect), escape_controls(r.severity),
                       r.factor.empty() ? "-" : escape_controls(r.factor), escape_controls(r.description), "", rule_origin(r));
  std::vector<std::string> weights;
  for (const auto& [factor, w] : set.weights) weights.push_back(fmt::format("{} {}", factor, util::format_number(w)));
  out += fmt::format("\nweights: {}\n", util::join_list(weights, " · "));
  return out;
}

// One line per spec; the diagnostics themselves go to stderr (the CLI prints them).
std::string validation(const ValidationRun& run, const RenderOptions&) {
  std::string out;
  for (const auto& s : run.specs) {
    if (!s.valid()) {
      out += fmt::format("invalid: {}\n", escape_controls(s.file));
      continue;
    }
    const Workload& w = s.loaded->workload;
    out += fmt::format("ok: {} (workload \"{}\"; user groups: {}, dependencies: {}, facilities: {})\n", escape_controls(s.file), escape_controls(w.name), w.users.size(),
                       w.dependencies.size(), w.customer.facilities.size());
  }
  return out;
}

std::string portfolio(const PortfolioSummary& summary, const RenderOptions&) {
  const Portfolio& p = summary.portfolio;
  const PortfolioInfo& info = summary.info;
  std::string out = fmt::format("Portfolio placement summary: {}\n{}\n\n", escape_controls(inputs_text(info, false)), portfolio_headline(p));
  for (const auto& t : portfolio_tables(p, info.top)) out += text_table(t);
  if (summary.baseline) out += "Since the baseline " + escape_controls(summary.baseline->before_file) + ": " + batch_diff_text(*summary.baseline, "Moved since the baseline");
  out.pop_back();
  return out;
}

std::string catalog_listing(const CatalogListing& listing, const RenderOptions& options) {
  const Painter p(options.color);
  std::string out = catalog_header(listing, p) + "\n";
  if (listing.filter.ids.empty()) return out + listing_tables(listing);
  SourceNumbers sources;
  for (std::size_t i = 0; i < listing.entries.size(); ++i) out += (i ? "\n" : "") + entry_detail(listing.entries[i], sources, p);
  return out + sources_text(sources, p);
}

std::string catalog_diff(const CatalogDiff& diff, const RenderOptions& options) {
  const Painter p(options.color);
  std::string out = p.bold("catalog diff") + "\n";
  out += "  before  " + escape_controls(catalog_line(diff.before)) + "\n";
  out += "  after   " + escape_controls(catalog_line(diff.after)) + "\n";
  out += diff_counts(diff) + "\n";
  if (diff.changes.empty()) return out;
  SourceNumbers sources;
  out += "\n";
  for (const auto& c : diff.changes) out += change_text(c, sources, p);
  return out + sources_text(sources, p);
}

std::string placement_diff(const PlacementDiff& d, const RenderOptions& options) {
  const Painter p(options.color);
  const std::string title = d.kind == RecordKind::report ? "edgeplan diff: " + d.workloads.front().workload : "edgeplan diff";
  std::string out = p.bold(escape_controls(title)) + " " + escape_controls(fmt::format("({} → {})", d.before_file, d.after_file)) + "\n";
  out += d.kind == RecordKind::report ? report_diff_text(d, p) : batch_diff_text(d, "Moved");
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace edgeplan::render_detail::text
