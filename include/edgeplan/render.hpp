#pragma once
// Render stage: one renderer per format over the neutral Report.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/capacity_report.hpp>
#include <edgeplan/report.hpp>

namespace edgeplan {

enum class Format { text, json, markdown };
const std::vector<std::string>& format_names();
std::optional<Format> format_from_string(const std::string& name);

struct RenderOptions {
  bool color = false;            // ANSI colour (text only); the CLI decides from TTY and NO_COLOR
  std::size_t ranked_limit = 10;   // text/Markdown: options listed in full
  std::size_t excluded_limit = 10; // text/Markdown: exclusions listed
};

std::string render_report(const Report& report, Format format, const RenderOptions& options);
// The full reasoning for one option: facts, every rule's outcome, scores.
std::string render_explanation(const Report& report, const Evaluation& option, Format format, const RenderOptions& options);

// The versioned JSON contract (schema_version kReportSchemaVersion). Keys keep
// the documented order (schema_version first), so the output reads top-down.
using OrderedJson = nlohmann::ordered_json;
OrderedJson report_json(const Report& report);
OrderedJson explanation_json(const Report& report, const Evaluation& option);
OrderedJson to_ordered(const Json& value);

// `edgeplan capacity`: the sizing plans in each format, and as versioned JSON.
std::string render_capacity(const CapacityReport& report, Format format, const RenderOptions& options);
OrderedJson capacity_json(const CapacityReport& report);

}  // namespace edgeplan
