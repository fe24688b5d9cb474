// The one place formats are named and paired with the results they print.
// A new format: its printers in one new file of this folder, its line in
// format_table(), and its line in the renderers() of each result it prints.
#include <edgeplan/render.hpp>

#include <algorithm>

#include "render/printers.hpp"

namespace edgeplan {

namespace f = render_detail;

const std::vector<FormatInfo>& format_table() {
  static const std::vector<FormatInfo> table = {
      {Format::text, "text", {}, {".txt"}},
      {Format::json, "json", {}, {".json"}},
      {Format::jsonl, "jsonl", {}, {".jsonl"}},
      {Format::csv, "csv", {}, {".csv"}},
      {Format::markdown, "markdown", {"md"}, {".md"}},
      {Format::sarif, "sarif", {}, {".sarif", ".sarif.json"}},
      {Format::junit, "junit", {}, {".xml"}},
      {Format::github, "github", {}, {}},
      {Format::gitlab_codequality, "gitlab-codequality", {}, {}},
      {Format::html, "html", {"htm"}, {".html", ".htm"}},
      {Format::svg, "svg", {}, {".svg"}},
  };
  return table;
}

template <> const std::vector<Renderer<Report>>& renderers() {
  static const std::vector<Renderer<Report>> table = {
      {Format::text, f::text::report}, {Format::json, f::json::report}, {Format::markdown, f::markdown::report},
      {Format::html, f::html::report},  {Format::svg, f::svg::report}};
  return table;
}

template <> const std::vector<Renderer<Explanation>>& renderers() {
  static const std::vector<Renderer<Explanation>> table = {
      {Format::text, f::text::explanation}, {Format::json, f::json::explanation}, {Format::markdown, f::markdown::explanation}};
  return table;
}

template <> const std::vector<Renderer<CapacityReport>>& renderers() {
  static const std::vector<Renderer<CapacityReport>> table = {
      {Format::text, f::text::capacity}, {Format::json, f::json::capacity}, {Format::markdown, f::markdown::capacity}};
  return table;
}

template <> const std::vector<Renderer<CostReport>>& renderers() {
  static const std::vector<Renderer<CostReport>> table = {
      {Format::text, f::text::cost}, {Format::json, f::json::cost}, {Format::markdown, f::markdown::cost}};
  return table;
}

template <> const std::vector<Renderer<CheckRun>>& renderers() {
  static const std::vector<Renderer<CheckRun>> table = {
      {Format::text, f::text::check},   {Format::json, f::json::check},     {Format::sarif, f::sarif::check},
      {Format::junit, f::junit::check}, {Format::github, f::github::check}, {Format::markdown, f::markdown::check},
      {Format::gitlab_codequality, f::gitlab_codequality::check}, {Format::html, f::html::check}};
  return table;
}

template <> const std::vector<Renderer<RuleTestRun>>& renderers() {
  static const std::vector<Renderer<RuleTestRun>> table = {{Format::text, f::text::rule_tests}, {Format::json, f::json::rule_tests}};
  return table;
}

template <> const std::vector<Renderer<RuleSet>>& renderers() {
  static const std::vector<Renderer<RuleSet>> table = {{Format::text, f::text::rules}, {Format::json, f::json::rules}};
  return table;
}

template <> const std::vector<Renderer<ValidationRun>>& renderers() {
  static const std::vector<Renderer<ValidationRun>> table = {{Format::text, f::text::validation}, {Format::json, f::json::validation}};
  return table;
}

template <> const std::vector<Renderer<FactsListing>>& renderers() {
  static const std::vector<Renderer<FactsListing>> table = {{Format::jsonl, f::jsonl::facts}, {Format::json, f::json::facts}};
  return table;
}

template <> const std::vector<Renderer<BatchResult>>& renderers() {
  static const std::vector<Renderer<BatchResult>> table = {{Format::jsonl, f::jsonl::record}, {Format::csv, f::csv::record, f::csv::header}};
  return table;
}

template <> const std::vector<Renderer<PortfolioSummary>>& renderers() {
  static const std::vector<Renderer<PortfolioSummary>> table = {{Format::markdown, f::markdown::portfolio}, {Format::text, f::text::portfolio},
                                                                                 {Format::html, f::html::portfolio}};
  return table;
}

template <> const std::vector<Renderer<AwsImport>>& renderers() {
  static const std::vector<Renderer<AwsImport>> table = {{Format::json, f::json::aws_import}};
  return table;
}

template <> const std::vector<Renderer<CatalogListing>>& renderers() {
  static const std::vector<Renderer<CatalogListing>> table = {{Format::text, f::text::catalog_listing}, {Format::json, f::json::catalog_listing}};
  return table;
}

template <> const std::vector<Renderer<CatalogDiff>>& renderers() {
  static const std::vector<Renderer<CatalogDiff>> table = {
      {Format::text, f::text::catalog_diff}, {Format::json, f::json::catalog_diff}, {Format::markdown, f::markdown::catalog_diff}};
  return table;
}

template <> const std::vector<Renderer<PlacementDiff>>& renderers() {
  static const std::vector<Renderer<PlacementDiff>> table = {
      {Format::text, f::text::placement_diff}, {Format::json, f::json::placement_diff}, {Format::markdown, f::markdown::placement_diff}};
  return table;
}

std::string_view format_name(Format format) {
  for (const auto& info : format_table())
    if (info.format == format) return info.name;
  return "text";
}

std::optional<Format> format_from_name(std::string_view name) {
  for (const auto& info : format_table())
    if (info.name == name || std::find(info.aliases.begin(), info.aliases.end(), name) != info.aliases.end()) return info.format;
  return std::nullopt;
}

std::optional<Format> format_from_path(std::string_view path) {
  std::optional<Format> best;
  std::size_t best_length = 0;
  for (const auto& info : format_table())
    for (std::string_view ext : info.extensions)
      if (path.ends_with(ext) && ext.size() > best_length) best = info.format, best_length = ext.size();
  return best;
}

}  // namespace edgeplan
