#pragma once
// Typed access to fields of a JsonDocument. Every failure becomes a diagnostic
// at the field's FILE:LINE:COL and JSON pointer, collected rather than thrown,
// so one run reports every problem in a file.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/json_document.hpp>

namespace edgeplan {

class JsonReader {
 public:
  explicit JsonReader(const JsonDocument& document) : m_document(document) {}

  const JsonDocument& document() const { return m_document; }
  Diagnostics& diagnostics() { return m_diagnostics; }
  void error(const std::string& pointer, std::string message, std::string hint = {});
  void warning(const std::string& pointer, std::string message, std::string hint = {});
  // Every edgeplan file starts the same way: "apiVersion": "edgeplan/v1" and its
  // "kind" ("Catalog", "Prices", …); a missing or other value is an error at its field.
  void header(const std::string& kind);
  // Throws InputError when any error was recorded.
  void throw_if_errors() const;

  // The value at `pointer`, or null when absent.
  const Json* find(const std::string& pointer) const;

  std::optional<std::string> string(const std::string& pointer, bool required = false);
  std::optional<double> number(const std::string& pointer, bool required = false);
  // A whole number from `min` to `max` (a count): every int edgeplan reads goes
  // through here, so no number outside int (1e10 GPUs) is ever cast. Anything
  // else is an error at the field.
  std::optional<int> integer(const std::string& pointer, int min, int max, bool required = false);
  std::optional<bool> boolean(const std::string& pointer);
  std::vector<std::string> strings(const std::string& pointer);
  std::vector<double> numbers(const std::string& pointer);
  // Pointers of the elements of the array at `pointer` ([] when absent or wrong type).
  std::vector<std::string> elements(const std::string& pointer, bool required = false);

 private:
  const Json* expect(const std::string& pointer, bool required, const char* what, bool (Json::*test)() const noexcept);

  const JsonDocument& m_document;
  Diagnostics m_diagnostics;
  // The walk to the container of the last value found, by its pointer: loaders
  // read a container's members one after another ("/sites/3/id", "/sites/3/kind",
  // …), then a neighbour's ("/sites/4/id"), and would walk from the root for
  // each. For each token of m_parent_pointer: where it ends, and the node it
  // reached (null: absent). A cache in a const reader, so one JsonReader is
  // not shared across threads (no loader does).
  void walk_to_parent(std::string_view parent) const;
  mutable std::string m_parent_pointer;
  mutable std::vector<std::pair<std::size_t, const Json*>> m_parent_steps;
  mutable const Json* m_parent = nullptr;
};

}  // namespace edgeplan
