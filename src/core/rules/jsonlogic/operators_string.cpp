// The string operators: cat, substr (over code points, not bytes) and in
// (a substring of a string, or === an element of an array).
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/jsonlogic/coercion.hpp"
#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic::detail {

namespace {

Value apply_cat(const Node& node, Evaluation& evaluation, const Scope& scope) {
  std::string joined;
  for (const Node& argument : node.args) {
    const Value value = evaluation.eval(argument, scope);
    evaluation.charge_read(value);  // what it adds to the string (an array as its join)
    if (value.is(Kind::text)) {
      joined += value.text();
    } else if (!value.is_nullish()) {
      joined += to_js_string(value);
    }
  }
  return Value::owned_text(std::move(joined));
}

// For each prefix of the needle, the length of its longest proper border (a
// prefix that is also a suffix): where Knuth-Morris-Pratt resumes after a mismatch.
std::vector<std::size_t> borders(std::string_view needle) {
  std::vector<std::size_t> border(needle.size() + 1, 0);
  for (std::size_t index = 1, length = 0; index < needle.size(); ++index) {
    while (length > 0 && needle[index] != needle[length]) length = border[length];
    if (needle[index] == needle[length]) ++length;
    border[index + 1] = length;
  }
  return border;
}

// find() may compare the needle at every position (quadratic for a long needle
// that almost matches everywhere); Knuth-Morris-Pratt stays linear in both.
// Short needles keep find(): at most 16 comparisons a position, and no table.
bool contains(std::string_view haystack, std::string_view needle) {
  constexpr std::size_t short_needle = 16;
  if (needle.size() <= short_needle) return haystack.find(needle) != std::string_view::npos;
  const std::vector<std::size_t> border = borders(needle);
  std::size_t matched = 0;
  for (const char c : haystack) {
    while (matched > 0 && c != needle[matched]) matched = border[matched];
    if (c == needle[matched] && ++matched == needle.size()) return true;
  }
  return false;
}

Value apply_in(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value needle = evaluation.arg(node, 0, scope);
  const Value haystack = evaluation.arg(node, 1, scope);
  if (haystack.is(Kind::text)) {
    if (haystack.text().empty()) return Value::boolean(false);
    evaluation.charge_read(haystack);
    evaluation.charge_read(needle);
    if (needle.is(Kind::text)) evaluation.charge(needle.text().size() * sizeof(std::size_t));  // the search's table
    const std::string needle_text = needle.is(Kind::text) ? std::string() : to_js_string(needle);
    const std::string_view wanted = needle.is(Kind::text) ? needle.text() : std::string_view(needle_text);
    return Value::boolean(contains(haystack.text(), wanted));
  }
  if (!haystack.is(Kind::array)) return Value::boolean(false);
  const auto& elements = haystack.json()->get_ref<const Json::array_t&>();
  // Each element is compared; a string of the needle's length byte by byte.
  const std::size_t needle_size = needle.is(Kind::text) ? needle.text().size() : 0;
  return Value::boolean(std::any_of(elements.begin(), elements.end(), [&](const Json& element) {
    const bool same_size = element.is_string() && element.get_ref<const Json::string_t&>().size() == needle_size;
    evaluation.charge(sizeof(Json) + (same_size ? needle_size : 0));
    return strict_equals(needle, element);
  }));
}

bool is_lead_byte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), is_lead_byte));
}

// Byte offset of code point `index` (the end when there are fewer), so substr
// counts characters, not bytes, without a table of every offset.
std::size_t code_point_offset(std::string_view text, std::size_t index) {
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    if (is_lead_byte(text[offset]) && index-- == 0) return offset;
  }
  return text.size();
}

double to_integer(double number) { return std::isnan(number) ? 0 : std::trunc(number); }

// String.prototype.substr(start, length) over code points.
std::string js_substr(std::string_view text, double start, std::optional<double> length) {
  const double size = static_cast<double>(count_code_points(text));
  double first = to_integer(start);
  first = first < 0 ? std::max(size + first, 0.0) : std::min(first, size);
  const double count = length ? std::clamp(to_integer(*length), 0.0, size - first) : size - first;
  const std::size_t from = code_point_offset(text, static_cast<std::size_t>(first));
  const std::size_t to = from + code_point_offset(text.substr(from), static_cast<std::size_t>(count));
  return std::string(text.substr(from, to - from));
}

// json-logic-js extends substr: a negative length drops that many characters from the end.
Value apply_substr(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value text = evaluation.arg(node, 0, scope);
  evaluation.charge_read(text);  // scanned for code points, at most copied once
  const std::string source = to_js_string(text);
  const double start = charged_number(evaluation, evaluation.arg(node, 1, scope));
  if (node.args.size() < 3) return Value::owned_text(js_substr(source, start, std::nullopt));
  const double length = charged_number(evaluation, evaluation.arg(node, 2, scope));
  if (length < 0) {
    const std::string tail = js_substr(source, start, std::nullopt);
    const double kept = static_cast<double>(count_code_points(tail)) + length;
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
