#include <edgeplan/diagnostics.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>
#include <edgeplan/util/utf8.hpp>

namespace edgeplan {

namespace {

// File names, pointers and messages quote what users wrote (a spec's keys and
// values, file names from a directory listing): each part is shown with its
// control characters escaped, so a diagnostic is one line a terminal cannot obey.
std::string location_prefix(const Diagnostic& d) {
  std::string out = util::escape_controls(d.file);
  if (!out.empty() && d.line > 0) out += fmt::format(":{}:{}", d.line, d.column);
  // A pointer names keys the user wrote, which may be megabytes long: the line
  // shows its first 200 characters; the diagnostic keeps it whole for JSON output.
  if (!d.pointer.empty()) out += (out.empty() ? "(" : " (") + util::escape_controls(util::shorten_utf8(d.pointer, 200)) + ")";
  return out;
}

std::string first_message(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return format_diagnostic(d);
  return diagnostics.empty() ? "invalid input" : format_diagnostic(diagnostics.front());
}

}  // namespace

std::string located_message(const Diagnostic& d) {
  const std::string where = location_prefix(d);
  const std::string message = util::escape_controls(d.message);
  return where.empty() ? message : fmt::format("{}: {}", where, message);
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = fmt::format("{}{}", diagnostic_lead(d.severity), located_message(d));
  if (!d.hint.empty()) out += fmt::format("\n  hint: {}", util::escape_controls(d.hint));
  return out;
}

std::string diagnostic_lead(Severity severity) { return severity == Severity::error ? "edgeplan: error: " : "edgeplan: warning: "; }

void Diagnostics::error(std::string file, std::string pointer, std::string message, std::string hint) {
  add({Severity::error, std::move(file), 0, 0, std::move(pointer), std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string file, std::string pointer, std::string message, std::string hint) {
  add({Severity::warning, std::move(file), 0, 0, std::move(pointer), std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const {
  return std::any_of(m_items.begin(), m_items.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::vector<Diagnostic> Diagnostics::warnings() const {
  std::vector<Diagnostic> out;
  std::copy_if(m_items.begin(), m_items.end(), std::back_inserter(out),
               [](const Diagnostic& d) { return d.severity == Severity::warning; });
  return out;
}

void Diagnostics::append(const Diagnostics& other) {
  m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), m_diagnostics(std::move(diagnostics)) {}

}  // namespace edgeplan
