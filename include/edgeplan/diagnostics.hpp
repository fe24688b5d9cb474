#pragma once
// Input problems are collected as diagnostics and reported together, in one
// grammar: `edgeplan: error: FILE:LINE:COL (POINTER): MESSAGE` (+ hint line).
#include <stdexcept>
#include <string>
#include <vector>

namespace edgeplan {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;     // as the user named it; empty for command-line values
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based; 0 when unknown
  std::string pointer;  // JSON pointer inside the file ("" = whole document)
  std::string message;  // "expected number, got string \"abc\""
  std::string hint;     // optional: "did you mean \"share\"?"
};

// One line (plus an optional hint line) per diagnostic, without trailing newline.
std::string format_diagnostic(const Diagnostic& diagnostic);
// "FILE:LINE:COL (POINTER): MESSAGE": the line without its lead or hint (CSV cells, tables).
std::string located_message(const Diagnostic& diagnostic);
// "edgeplan: error: " / "edgeplan: warning: ": the one place the lead is written.
std::string diagnostic_lead(Severity severity);

class Diagnostics {
 public:
  void add(Diagnostic diagnostic) { m_items.push_back(std::move(diagnostic)); }
  void error(std::string file, std::string pointer, std::string message, std::string hint = {});
  void warning(std::string file, std::string pointer, std::string message, std::string hint = {});
  bool has_errors() const;
  const std::vector<Diagnostic>& items() const { return m_items; }
  std::vector<Diagnostic> warnings() const;
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> m_items;
};

// Bad input: a file or value the user supplied. Exit code 3.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  explicit InputError(Diagnostic diagnostic) : InputError(std::vector<Diagnostic>{std::move(diagnostic)}) {}
  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

 private:
  std::vector<Diagnostic> m_diagnostics;
};

// A command line that cannot be acted on. Exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace edgeplan
