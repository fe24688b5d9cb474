#pragma once
// Process exit codes: a stable contract for CI pipelines. Documented in README.md.

namespace edgeplan {

enum class ExitCode : int {
  ok = 0,             // recommendation produced / check passed
  no_feasible = 1,    // no feasible placement / blocking findings
  usage_error = 2,    // bad command line
  input_error = 3,    // a spec, catalog, rule or data file is invalid
  internal_error = 4, // a bug in edgeplan
};

constexpr int to_int(ExitCode code) { return static_cast<int>(code); }

}  // namespace edgeplan
