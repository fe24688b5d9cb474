#pragma once
// Process exit codes: a stable contract for CI pipelines. Documented in README.md,
// and in the man page, which prints exit_code_meanings().

namespace edgeplan {

enum class ExitCode : int {
  ok = 0,             // recommendation produced / check passed
  no_feasible = 1,    // no feasible placement / blocking findings
  usage_error = 2,    // bad command line
  input_error = 3,    // a spec, catalog, rule or data file is invalid, or the output cannot be written
  internal_error = 4, // a bug in edgeplan
};

constexpr int to_int(ExitCode code) { return static_cast<int>(code); }

// What each code means to a user, per command where they differ (`edgeplan man`
// prints these under EXIT STATUS). One entry per ExitCode, in order.
struct ExitCodeMeaning {
  ExitCode code;
  const char* meaning;
};
inline constexpr ExitCodeMeaning kExitCodeMeanings[] = {
    {ExitCode::ok, "Recommendation produced (or: specs valid, rule listing printed); check: no blocking finding; rules test: every expectation met."},
    {ExitCode::no_feasible, "No feasible placement: every candidate is excluded (the report still explains why); check: a finding at or above "
                            "--fail-on that no valid waiver covers; rules test: an expectation not met (or an untested rule with --require-coverage); "
                            "catalog diff --exit-code: the two catalogs differ; diff --exit-code: a result differs."},
    {ExitCode::usage_error, "Usage error: unknown option, subcommand or format, bad --explain id."},
    {ExitCode::input_error, "Input error: a spec, catalog, rule, latency or output file is missing or invalid, or the output cannot be written "
                            "(a full disk, a closed standard output). check never passes a spec it cannot "
                            "evaluate: it reports it and exits 3 even if other specs fail; batch: some specs were invalid (each has an error record)."},
    {ExitCode::internal_error, "Internal error (a bug: please report it)."},
};

}  // namespace edgeplan
