#pragma once
// Every printer, by format: what registry.cpp pairs with each result. One
// namespace per format, defined in the file of the same name.
#include <string>

#include <edgeplan/render.hpp>

namespace edgeplan::render_detail {

namespace text {
std::string report(const Report& report, const RenderOptions& options);
std::string explanation(const Explanation& explanation, const RenderOptions& options);
std::string capacity(const CapacityReport& report, const RenderOptions& options);
std::string cost(const CostReport& report, const RenderOptions& options);
std::string check(const CheckRun& run, const RenderOptions& options);
std::string rule_tests(const RuleTestRun& run, const RenderOptions& options);
std::string rules(const RuleSet& set, const RenderOptions& options);
std::string validation(const ValidationRun& run, const RenderOptions& options);
std::string portfolio(const PortfolioSummary& summary, const RenderOptions& options);
std::string catalog_listing(const CatalogListing& listing, const RenderOptions& options);
std::string catalog_diff(const CatalogDiff& diff, const RenderOptions& options);
std::string placement_diff(const PlacementDiff& diff, const RenderOptions& options);
}  // namespace text

namespace markdown {
std::string report(const Report& report, const RenderOptions& options);
std::string explanation(const Explanation& explanation, const RenderOptions& options);
std::string capacity(const CapacityReport& report, const RenderOptions& options);
std::string cost(const CostReport& report, const RenderOptions& options);
std::string check(const CheckRun& run, const RenderOptions& options);
std::string portfolio(const PortfolioSummary& summary, const RenderOptions& options);
std::string catalog_diff(const CatalogDiff& diff, const RenderOptions& options);
std::string placement_diff(const PlacementDiff& diff, const RenderOptions& options);
}  // namespace markdown

namespace json {
std::string report(const Report& report, const RenderOptions& options);
std::string explanation(const Explanation& explanation, const RenderOptions& options);
std::string capacity(const CapacityReport& report, const RenderOptions& options);
std::string cost(const CostReport& report, const RenderOptions& options);
std::string check(const CheckRun& run, const RenderOptions& options);
std::string rule_tests(const RuleTestRun& run, const RenderOptions& options);
std::string rules(const RuleSet& set, const RenderOptions& options);
std::string validation(const ValidationRun& run, const RenderOptions& options);
std::string facts(const FactsListing& listing, const RenderOptions& options);
std::string aws_import(const AwsImport& result, const RenderOptions& options);
std::string catalog_listing(const CatalogListing& listing, const RenderOptions& options);
std::string catalog_diff(const CatalogDiff& diff, const RenderOptions& options);
std::string placement_diff(const PlacementDiff& diff, const RenderOptions& options);
}  // namespace json

namespace jsonl {
std::string facts(const FactsListing& listing, const RenderOptions& options);
std::string record(const BatchResult& result, const RenderOptions& options);
}  // namespace jsonl

namespace csv {
std::string header();
std::string record(const BatchResult& result, const RenderOptions& options);
}  // namespace csv

namespace sarif {
std::string check(const CheckRun& run, const RenderOptions& options);
}  // namespace sarif

namespace junit {
std::string check(const CheckRun& run, const RenderOptions& options);
}  // namespace junit

namespace gitlab_codequality {
std::string check(const CheckRun& run, const RenderOptions& options);
}  // namespace gitlab_codequality

namespace github {
std::string check(const CheckRun& run, const RenderOptions& options);
}  // namespace github

namespace html {
std::string report(const Report& report, const RenderOptions& options);
std::string check(const CheckRun& run, const RenderOptions& options);
std::string portfolio(const PortfolioSummary& summary, const RenderOptions& options);
}  // namespace html

namespace svg {
std::string report(const Report& report, const RenderOptions& options);
}  // namespace svg

}  // namespace edgeplan::render_detail
