#include <edgeplan/json_reader.hpp>

#include <fmt/format.h>

namespace edgeplan {

void JsonReader::error(const std::string& pointer, std::string message, std::string hint) {
  m_diagnostics.add(m_document.diagnose(pointer, std::move(message), std::move(hint)));
}

void JsonReader::warning(const std::string& pointer, std::string message, std::string hint) {
  m_diagnostics.add(m_document.diagnose(pointer, std::move(message), std::move(hint), Severity::warning));
}

void JsonReader::throw_if_errors() const {
  if (m_diagnostics.has_errors()) throw InputError(m_diagnostics.items());
}

const Json* JsonReader::find(const std::string& pointer) const {
  Json::json_pointer ptr(pointer);
  return m_document.value().contains(ptr) ? &m_document.value().at(ptr) : nullptr;
}

const Json* JsonReader::expect(const std::string& pointer, bool required, const char* what,
                               bool (Json::*test)() const noexcept) {
  const Json* value = find(pointer);
  if (value && value->is_null()) value = nullptr;  // null means "not given" in every edgeplan file
  if (!value) {
    if (required) {
      auto slash = pointer.rfind('/');
      error(pointer.substr(0, slash), fmt::format("missing required field \"{}\"", pointer.substr(slash + 1)));
    }
    return nullptr;
  }
  if (!(value->*test)()) {
    error(pointer, fmt::format("expected {}, got {}", what, describe_json(*value)));
    return nullptr;
  }
  return value;
}

std::optional<std::string> JsonReader::string(const std::string& pointer, bool required) {
  const Json* v = expect(pointer, required, "string", &Json::is_string);
  return v ? std::optional<std::string>(v->get<std::string>()) : std::nullopt;
}

std::optional<double> JsonReader::number(const std::string& pointer, bool required) {
  const Json* v = expect(pointer, required, "number", &Json::is_number);
  return v ? std::optional<double>(v->get<double>()) : std::nullopt;
}

std::optional<bool> JsonReader::boolean(const std::string& pointer) {
  const Json* v = expect(pointer, false, "boolean", &Json::is_boolean);
  return v ? std::optional<bool>(v->get<bool>()) : std::nullopt;
}

std::vector<std::string> JsonReader::strings(const std::string& pointer) {
  std::vector<std::string> out;
  for (const auto& element : elements(pointer))
    if (auto s = string(element)) out.push_back(*s);
  return out;
}

std::vector<double> JsonReader::numbers(const std::string& pointer) {
  std::vector<double> out;
  for (const auto& element : elements(pointer))
    if (auto n = number(element)) out.push_back(*n);
  return out;
}

std::vector<std::string> JsonReader::elements(const std::string& pointer, bool required) {
  std::vector<std::string> out;
  const Json* v = expect(pointer, required, "array", &Json::is_array);
  if (!v) return out;
  for (std::size_t i = 0; i < v->size(); ++i) out.push_back(fmt::format("{}/{}", pointer, i));
  return out;
}

}  // namespace edgeplan
