#pragma once
// What every subcommand shares: global options, logging, colour, loading the
// catalog and rules, writing output. Subcommands live one per file (cmd_*.cpp).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include <edgeplan/catalog.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/render.hpp>
#include <edgeplan/rules.hpp>
#include <edgeplan/workload_loader.hpp>

namespace edgeplan::cli {

struct GlobalOptions {
  std::string log_level;  // empty: EDGEPLAN_LOG_LEVEL, then "warn"
  bool verbose = false;
  bool quiet = false;
  std::string color = "auto";  // auto | always | never
};

// The engine flags, the same on every command that evaluates workloads:
// --catalog, --rules, --no-default-rules, --latency-file, --spare-hosts, --max-utilization.
struct EngineOptions {
  std::string catalog;                  // empty: embedded default
  std::vector<std::string> rule_paths;  // added after the defaults
  bool no_default_rules = false;
  std::string latency_file;             // empty: the model's estimates
  int spare_hosts = -1;                 // -1: from the spec, else N+1
  double max_utilization = -1;          // percent; -1: from the spec, else 80
  int max_catalog_age = 30;             // days an imported account view stays fresh
  std::string today;                    // YYYY-MM-DD; empty: today, UTC
  std::string prices;                   // a price file (kind: Prices); empty: no costs
  std::size_t jobs = 0;                 // --jobs (recommend, check): threads for one workload; 0: every core
};
void add_engine_options(CLI::App& command, EngineOptions& options);
// -j/--jobs of the commands that evaluate one workload fully at a time (recommend,
// check); batch's --jobs is its own (workloads in parallel).
void add_jobs_option(CLI::App& command, EngineOptions& options);
// Only --catalog, --rules and --no-default-rules: for commands that read rules but evaluate nothing.
void add_rule_options(CLI::App& command, EngineOptions& options);
EngineSources engine_sources(const EngineOptions& options);

// A T built in place and kept until the process ends: the command returns and
// the process exits, so its memory goes back to the system whole instead of
// node by node (freeing a full report's JSON is a twentieth of `recommend`).
// Still reachable through a static, so leak checkers do not count it.
template <typename T, typename... Args>
T& kept_until_exit(Args&&... args) {
  static auto* kept = new std::vector<std::shared_ptr<const void>>();
  auto value = std::make_shared<T>(std::forward<Args>(args)...);
  kept->push_back(value);
  return *value;
}

// One "edgeplan: error: FILE:L:C (POINTER): …" line (and hint) per diagnostic, on stderr.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);
// read(argument) for each argument, every one read before an error is reported:
// two broken files, two diagnostics in one run. Throws InputError with them all.
template <class Read>
auto read_each(const std::vector<std::string>& arguments, Read read) {
  std::vector<decltype(read(arguments.front()))> results;
  std::vector<Diagnostic> errors;
  for (const auto& argument : arguments) {
    try {
      results.push_back(read(argument));
    } catch (const InputError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!errors.empty()) throw InputError(std::move(errors));
  return results;
}
// Loads and validates a spec, printing its warnings (unknown fields …) to stderr.
LoadedWorkload load_spec_reporting_warnings(const FileSystem& fs, const std::string& path, const Catalog& catalog);

// --format and -o/--output
struct OutputOptions {
  std::string format;  // empty: the one -o's extension implies, else the first format the result has
  std::string output;  // empty: stdout
  std::vector<std::string> formats;  // what --format takes here (add_output_options), the default first
};
void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats);
// -f/--format offering the formats that print Result (the first is the default).
template <class Result>
void add_output_options(CLI::App& command, OutputOptions& options) {
  add_output_options(command, options, format_names<Result>());
}
Format parse_format(const std::string& name);
// --format if given; else the format -o's file name implies, when the command
// prints it (-o placement.html is HTML); else the command's default.
Format output_format(const OutputOptions& options);
// Writes to stdout (no -o, or -o -), or atomically to the file (util::AtomicFile).
// Throws output_error / stdout_error when the text cannot be written.
void emit(const OutputOptions& options, const std::string& text);
// Output that cannot be written is reported like an unreadable input, with exit 3
// (README, exit codes): "edgeplan: error: PATH: MESSAGE".
InputError output_error(const std::string& path, const std::string& message);
// "edgeplan: error: cannot write to standard output: No space left on device".
InputError stdout_error(int error_number);
// Every byte of `text` to file descriptor 1 (after flushing std::cout); throws stdout_error.
void write_stdout(std::string_view text);
// "-o -" is stdout, as in most tools.
bool to_stdout(const std::string& output_path);
// Colour for text written to stdout (never for files): --color, then
// FORCE_COLOR / CLICOLOR_FORCE, then NO_COLOR, then TERM=dumb, then whether stdout is a terminal.
bool use_color(const GlobalOptions& global, const OutputOptions& output);
// RenderOptions for this output: colour per use_color, `top` options listed.
RenderOptions render_options(const GlobalOptions& global, const OutputOptions& output, std::size_t top = 10);
// "--explain: no option \"x\" among the 117 candidates", hinting the closest id, else `otherwise`.
UsageError unknown_option_id(const std::string& flag, const std::string& id, const std::vector<std::string>& ids, const std::string& otherwise);

// One subcommand: registers its options, returns what to run after parsing.
using Runner = std::function<int()>;
struct Command {
  const char* name;
  const char* summary;
  std::function<Runner(CLI::App& command, const GlobalOptions& global)> setup;
  std::vector<const char*> examples;  // shown under --help, as typed from the repository root
  const char* exit_1;                 // what exit code 1 means for this command; nullptr: not used
  bool hidden = false;  // left out of --help, the completions and the "subcommands are" hint
  bool describes_all = false;  // reads every command's options (completion, man), so all are set up
};
const std::vector<Command>& commands();

// Each defined in its cmd_*.cpp.
Runner setup_recommend(CLI::App& command, const GlobalOptions& global);
Runner setup_validate(CLI::App& command, const GlobalOptions& global);
Runner setup_capacity(CLI::App& command, const GlobalOptions& global);
Runner setup_cost(CLI::App& command, const GlobalOptions& global);
Runner setup_check(CLI::App& command, const GlobalOptions& global);
Runner setup_rules(CLI::App& command, const GlobalOptions& global);
Runner setup_facts(CLI::App& command, const GlobalOptions& global);
Runner setup_batch(CLI::App& command, const GlobalOptions& global);
Runner setup_catalog(CLI::App& command, const GlobalOptions& global);
Runner setup_diff(CLI::App& command, const GlobalOptions& global);
Runner setup_completion(CLI::App& command, const GlobalOptions& global);
Runner setup_man(CLI::App& command, const GlobalOptions& global);

int run(int argc, char** argv);

}  // namespace edgeplan::cli
