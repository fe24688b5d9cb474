#pragma once
// Renderers for `edgeplan check`: one per format CI systems read.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/check.hpp>

namespace edgeplan {

enum class CheckFormat { text, json, sarif, junit, github, markdown };
const std::vector<std::string>& check_format_names();
std::optional<CheckFormat> check_format_from_string(const std::string& name);
// The format a file name implies (".sarif" → sarif, ".xml" → junit, ".md" → markdown, ".json" → json).
std::optional<CheckFormat> check_format_from_path(const std::string& path);

inline constexpr const char* kCheckSchemaVersion = "1.0";

std::string render_check(const CheckRun& run, CheckFormat format, bool color = false);

}  // namespace edgeplan
