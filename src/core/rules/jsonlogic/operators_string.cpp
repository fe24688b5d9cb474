// The string operators: cat, substr (over code points, not bytes) and in
// (a substring of a string, or === an element of an array).
#include <algorithm>
#include <array>
#include <cmath>

#include "rules/jsonlogic/coercion.hpp"
#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic::detail {

namespace {

Value apply_cat(const Node& node, Evaluation& evaluation, const Scope& scope) {
  std::string joined;
  for (const Node& argument : node.args) {
    const Value value = evaluation.eval(argument, scope);
    if (value.is(Kind::text)) {
      joined += value.text();
    } else if (!value.is_nullish()) {
      joined += to_js_string(value);
    }
  }
  return Value::owned_text(std::move(joined));
}

Value apply_in(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value needle = evaluation.arg(node, 0, scope);
  const Value haystack = evaluation.arg(node, 1, scope);
  if (haystack.is(Kind::text)) {
    if (haystack.text().empty()) return Value::boolean(false);
    const std::string needle_text = needle.is(Kind::text) ? std::string() : to_js_string(needle);
    const std::string_view wanted = needle.is(Kind::text) ? needle.text() : std::string_view(needle_text);
    return Value::boolean(haystack.text().find(wanted) != std::string_view::npos);
  }
  if (!haystack.is(Kind::array)) return Value::boolean(false);
  const auto& elements = haystack.json()->get_ref<const Json::array_t&>();
  return Value::boolean(std::any_of(elements.begin(), elements.end(),
                                    [&](const Json& element) { return strict_equals(needle, element); }));
}

// Byte offset of every code point plus the end, so substr counts characters, not bytes.
std::vector<std::size_t> code_point_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  for (std::size_t index = 0; index < text.size(); ++index) {
    if ((static_cast<unsigned char>(text[index]) & 0xC0) != 0x80) offsets.push_back(index);
  }
  offsets.push_back(text.size());
  return offsets;
}

double to_integer(double number) { return std::isnan(number) ? 0 : std::trunc(number); }

// String.prototype.substr(start, length) over code points.
std::string js_substr(std::string_view text, double start, std::optional<double> length) {
  const auto offsets = code_point_offsets(text);
  const double size = static_cast<double>(offsets.size() - 1);
  double first = to_integer(start);
  first = first < 0 ? std::max(size + first, 0.0) : std::min(first, size);
  const double count = length ? std::clamp(to_integer(*length), 0.0, size - first) : size - first;
  const auto from = static_cast<std::size_t>(first);
  const auto to = static_cast<std::size_t>(first + count);
  return std::string(text.substr(offsets[from], offsets[to] - offsets[from]));
}

// json-logic-js extends substr: a negative length drops that many characters from the end.
Value apply_substr(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const std::string source = to_js_string(evaluation.arg(node, 0, scope));
  const double start = to_number(evaluation.arg(node, 1, scope));
  if (node.args.size() < 3) return Value::owned_text(js_substr(source, start, std::nullopt));
  const double length = to_number(evaluation.arg(node, 2, scope));
  if (length < 0) {
    const std::string tail = js_substr(source, start, std::nullopt);
    const double kept = static_cast<double>(code_point_offsets(tail).size() - 1) + length;
    return Value::owned_text(js_substr(tail, 0, kept));
  }
  return Value::owned_text(js_substr(source, start, length));
}

constexpr std::array<OperatorSpec, 3> operators{{
    {"in", apply_in},
    {"cat", apply_cat},
    {"substr", apply_substr},
}};

}  // namespace

std::span<const OperatorSpec> string_operators() { return operators; }

}  // namespace edgeplan::jsonlogic::detail
