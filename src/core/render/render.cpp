#include <edgeplan/render.hpp>

#include "render/render_common.hpp"

namespace edgeplan {

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"text", "json", "markdown"};
  return names;
}

std::optional<Format> format_from_string(const std::string& name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "markdown" || name == "md") return Format::markdown;
  return std::nullopt;
}

std::string render_report(const Report& report, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::json: return report_json(report).dump(2) + "\n";
    case Format::markdown: return render_markdown(report, options);
    case Format::text: break;
  }
  return render_text(report, options);
}

std::string render_explanation(const Report& report, const Evaluation& option, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::json: return explanation_json(report, option).dump(2) + "\n";
    case Format::markdown: return render_explanation_markdown(report, option);
    case Format::text: break;
  }
  return render_explanation_text(report, option, options);
}

}  // namespace edgeplan
