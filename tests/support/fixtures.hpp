#pragma once
// Shared in-memory fixtures for unit tests: the embedded catalog and rules
// (loaded once), and small workload specs built from JSON text in the test.
#include <string>
#include <vector>

#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/json_document.hpp>
#include <edgeplan/rules.hpp>
#include <edgeplan/workload_loader.hpp>

namespace edgeplan::test {

inline const Catalog& default_catalog() {
  static const Catalog catalog = load_default_catalog();
  return catalog;
}

inline const RuleSet& default_rules() {
  static const RuleSet rules = load_default_rules();
  return rules;
}

// A whole workload document around `spec` (the JSON text of the "spec" object).
inline std::string workload_text(const std::string& spec, const std::string& name = "unit-test") {
  return R"({"apiVersion": "edgeplan/v1", "kind": "Workload", "metadata": {"name": ")" + name + R"("}, "spec": )" + spec + "}";
}

inline LoadedWorkload load_spec(const std::string& spec) {
  return load_workload(JsonDocument::parse("spec.json", workload_text(spec)), default_catalog());
}

// A whole spec document (e.g. one with a relaxation's JSON Patch applied), loaded and validated.
inline LoadedWorkload load_document(const Json& document) {
  return load_workload(JsonDocument::parse("patched.json", document.dump()), default_catalog());
}

// Every JSON Pointer in `value` below `pointer`, the root excluded, parents first.
inline void pointers_in(const Json& value, const std::string& pointer, std::vector<std::string>& out) {
  if (!value.is_structured()) return;
  for (const auto& item : value.items()) {
    const std::string child = pointer + "/" + pointer_token(item.key());
    out.push_back(child);
    pointers_in(item.value(), child, out);
  }
}

// "LINE:COL" of the value at `pointer` in `doc`.
inline std::string position_text(const JsonDocument& doc, const std::string& pointer) {
  const TextPosition p = doc.position_of(pointer);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// The formatted diagnostics of the InputError `body` throws ("" if it throws none).
template <typename Body>
std::string input_error_text(Body&& body) {
  try {
    body();
  } catch (const InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += format_diagnostic(d) + "\n";
    return out;
  }
  return {};
}

}  // namespace edgeplan::test
