#pragma once
// Render stage: every printer of a result. One registry names the formats and
// pairs each result with the formats that print it (src/core/render/registry.cpp);
// one file per format holds its printers. Nothing outside render/ prints a result.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <edgeplan/aws_import.hpp>
#include <edgeplan/batch.hpp>
#include <edgeplan/capacity_report.hpp>
#include <edgeplan/catalog_view.hpp>
#include <edgeplan/check.hpp>
#include <edgeplan/cost_report.hpp>
#include <edgeplan/report.hpp>
#include <edgeplan/robustness.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/placement_diff.hpp>
#include <edgeplan/rule_tests.hpp>

namespace edgeplan {

// ---------------------------------------------------------------- formats

enum class Format { text, json, jsonl, csv, markdown, sarif, junit, github, gitlab_codequality, html, svg };

struct FormatInfo {
  Format format;
  std::string_view name;                     // what --format takes
  std::vector<std::string_view> aliases;     // also accepted ("md")
  std::vector<std::string_view> extensions;  // file names that imply it (".sarif")
};
const std::vector<FormatInfo>& format_table();
std::string_view format_name(Format format);
std::optional<Format> format_from_name(std::string_view name);
// The format a file name implies; the longest matching extension wins (".sarif.json" is SARIF).
std::optional<Format> format_from_path(std::string_view path);

struct RenderOptions {
  bool color = false;               // ANSI colour (text only); the CLI decides from TTY and NO_COLOR
  std::size_t ranked_limit = 10;    // text/Markdown: options listed in full
  std::size_t excluded_limit = 10;  // text/Markdown: exclusions listed
};

// ---------------------------------------------------------------- results

// `recommend --explain ID`: the full reasoning for one option.
struct Explanation {
  const Report& report;
  const Evaluation& option;
  OptionOutlook outlook;  // option_outlook(report, option)
};

// `batch` in a summary format: the aggregates, and what was evaluated.
struct PortfolioInfo {
  std::vector<std::string> inputs;  // the arguments, as given
  std::optional<Shard> shard;
  std::size_t top = 10;  // rows per table (sites, metros, reasons); infeasible and failed are listed in full
};
struct PortfolioSummary {
  const Portfolio& portfolio;
  PortfolioInfo info;
  const PlacementDiff* baseline = nullptr;  // --baseline: what moved since that run
};

// `facts`: the data each rule reads, per option.
struct FactsListing {
  std::vector<RuleData> entries;
};

// Results a renderer takes: Report, Explanation, CapacityReport, CostReport (`cost`), CheckRun,
// RuleSet (`rules list`), RuleTestRun, ValidationRun (`validate`), FactsListing, PortfolioSummary, AwsImport
// (`catalog import`: the overlay it writes), CatalogListing (`catalog show`), CatalogDiff (`catalog diff`), PlacementDiff (`diff`), and BatchResult (one streamed
// record of `batch`; `header` is printed once before the first).
template <class Result>
struct Renderer {
  Format format;
  std::string (*print)(const Result& result, const RenderOptions& options);
  std::string (*header)() = nullptr;
};

// The formats that print each result, in the order `--format` lists them (the first is the default).
template <class Result>
const std::vector<Renderer<Result>>& renderers();
template <> const std::vector<Renderer<Report>>& renderers();
template <> const std::vector<Renderer<Explanation>>& renderers();
template <> const std::vector<Renderer<CapacityReport>>& renderers();
template <> const std::vector<Renderer<CostReport>>& renderers();
template <> const std::vector<Renderer<CheckRun>>& renderers();
template <> const std::vector<Renderer<RuleTestRun>>& renderers();
template <> const std::vector<Renderer<RuleSet>>& renderers();
template <> const std::vector<Renderer<ValidationRun>>& renderers();
template <> const std::vector<Renderer<FactsListing>>& renderers();
template <> const std::vector<Renderer<PortfolioSummary>>& renderers();
template <> const std::vector<Renderer<BatchResult>>& renderers();
template <> const std::vector<Renderer<AwsImport>>& renderers();
template <> const std::vector<Renderer<CatalogListing>>& renderers();
template <> const std::vector<Renderer<CatalogDiff>>& renderers();
template <> const std::vector<Renderer<PlacementDiff>>& renderers();

template <class Result>
const Renderer<Result>* find_renderer(Format format) {
  for (const auto& r : renderers<Result>())
    if (r.format == format) return &r;
  return nullptr;
}

template <class Result>
bool can_render(Format format) {
  return find_renderer<Result>(format) != nullptr;
}

template <class Result>
std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& r : renderers<Result>()) names.emplace_back(format_name(r.format));
  return names;
}

template <class Result>
std::string render(const Result& result, Format format, const RenderOptions& options = {}) {
  const Renderer<Result>* r = find_renderer<Result>(format);
  if (!r) throw std::logic_error("no renderer for format " + std::string(format_name(format)));
  return r->print(result, options);
}

// ---------------------------------------------------------------- contracts

// The versioned JSON contracts (schema_version first; keys in documented order).
using OrderedJson = nlohmann::ordered_json;
inline constexpr const char* kCheckSchemaVersion = "1.0";
inline constexpr const char* kCatalogViewSchemaVersion = "1.0";  // `catalog show` and `catalog diff`
inline constexpr const char* kPlacementDiffSchemaVersion = "1.0";  // `diff`
OrderedJson report_json(const Report& report);
OrderedJson explanation_json(const Explanation& explanation);
OrderedJson capacity_json(const CapacityReport& report);
inline constexpr const char* kCostSchemaVersion = "1.0";  // `cost`
OrderedJson cost_report_json(const CostReport& report);
OrderedJson to_ordered(const Json& value);
// JSON text as every writer prints it (indent -1: one line). Ill-formed UTF-8 in a
// string (a Latin-1 file name) becomes U+FFFD, the one UTF-8 policy
// (edgeplan/util/utf8.hpp), instead of failing the whole output.
std::string dump_json(const Json& value, int indent = -1);
std::string dump_json(const OrderedJson& value, int indent = -1);

// `batch`'s records, one line each (tests read them directly).
std::string batch_jsonl_line(const BatchResult& result);
std::string batch_csv_header();
std::string batch_csv_row(const BatchResult& result);
// The "reason" column: why nothing is recommended (no-feasible or error), else "".
std::string batch_reason(const BatchResult& result);

}  // namespace edgeplan
