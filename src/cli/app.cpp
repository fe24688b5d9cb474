#include "app.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <edgeplan/default_data.hpp>
#include <edgeplan/diagnostics.hpp>
#include <edgeplan/exit_codes.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/util/atomic_file.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan::cli {

namespace {

const std::vector<std::string> kLogLevels = {"trace", "debug", "info", "warn", "error", "critical", "off"};

void setup_logging(const GlobalOptions& global) {
  std::string level = global.log_level;
  std::string source = "--log-level";
  if (level.empty()) {
    const char* env = std::getenv("EDGEPLAN_LOG_LEVEL");
    level = env && *env ? env : "warn";
    source = "EDGEPLAN_LOG_LEVEL";
  }
  if (global.verbose) level = "debug";
  if (global.quiet) level = "error";
  // spdlog maps an unknown name to "off" silently; a typo must not hide every log.
  // Name where the value came from: an environment variable is easy to forget.
  if (std::find(kLogLevels.begin(), kLogLevels.end(), level) == kLogLevels.end()) {
    const std::string guess = util::did_you_mean(level, kLogLevels);
    throw UsageError(fmt::format("unknown log level \"{}\" in {}\n  hint: {}levels are {}", level, source, guess.empty() ? "" : guess + " ",
                                 util::join_list(kLogLevels)));
  }
  auto logger = spdlog::stderr_color_mt("edgeplan");
  logger->set_pattern("edgeplan: %l: %v");
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

// Read at build time: --version loads neither the catalog nor the rules, so it
// costs little more than starting the process.
std::string version_text() {
  const DefaultDataSummary& data = default_data_summary();
  return fmt::format("edgeplan {}\ncatalog {} {} ({}) sha256:{}\nrules {} rules in {} files, sha256:{}\n", edgeplan_version(),
                     data.catalog_name, data.catalog_version, data.catalog_date, data.catalog_digest, data.rules, data.rule_files,
                     data.rules_digest);
}

// The first argument that is neither an option nor a global option's value:
// where the user put the subcommand.
std::optional<std::string> first_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--log-level" || arg == "--color") ++i;
    else if (!arg.empty() && arg[0] != '-') return arg;
  }
  return std::nullopt;
}

// CLI11 reports an unknown subcommand as "arguments were not expected", listing
// every positional (in no useful order); name the word and suggest a command.
std::string usage_message(const CLI::ParseError& e, int argc, char** argv) {
  std::vector<std::string> names;
  for (const auto& c : commands())
    if (!c.hidden) names.push_back(c.name);
  auto word = first_word(argc, argv);
  if (!word || std::find(names.begin(), names.end(), *word) != names.end()) return e.what();
  return fmt::format("unknown subcommand \"{}\"\n  hint: {}", *word, util::did_you_mean(*word, names, "subcommands are " + util::join_list(names)));
}

int run_guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const InputError& e) {
    print_diagnostics(e.diagnostics());
    return to_int(ExitCode::input_error);
  } catch (const UsageError& e) {
    std::cerr << diagnostic_lead(Severity::error) << e.what() << "\n";
    return to_int(ExitCode::usage_error);
  } catch (const std::exception& e) {
    std::cerr << "edgeplan: internal error: " << e.what() << "\n  please report this with the command and input files\n";
    return to_int(ExitCode::internal_error);
  }
}

}  // namespace

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << "\n";
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"recommend", "Rank every placement option for a workload spec, with rationale", setup_recommend,
       {"edgeplan recommend examples/erp-onprem-database/workload.json",
        "edgeplan recommend spec.json --explain us-east-1-chi-2a --format markdown -o why.md"},
       "no feasible placement (the report says why)"},
      {"capacity", "Size Outposts for a workload (N+M, utilisation ceiling), or check it fits an existing Outpost", setup_capacity,
       {"edgeplan capacity examples/erp-onprem-database/workload.json --spare-hosts 2",
        "edgeplan capacity examples/shared-outpost/workload.json --outpost examples/shared-outpost/outpost-capacity.json"},
       "with --outpost: the workload does not fit the existing Outpost"},
      {"cost", "What each eligible option costs over the same period, line by line, and which prices are missing", setup_cost,
       {"edgeplan cost examples/cost-los-angeles/workload.json --prices examples/cost-los-angeles/example-prices.json",
        "edgeplan cost spec.json --format json -o cost.json"},
       "no feasible placement: nothing to cost"},
      {"check", "Gate a review in CI: each spec's proposed placement against the rules (SARIF, JUnit, GitHub, Markdown)", setup_check,
       {"edgeplan check examples/ci/specs --rules examples/ci/policy/org",
        "edgeplan check specs/ --format sarif -o edgeplan.sarif --format junit -o edgeplan.xml --format github"},
       "a finding at or above --fail-on that no valid waiver covers"},
      {"batch", "Evaluate a portfolio of specs in parallel: JSONL, CSV or a Markdown summary; --shard K/N splits it", setup_batch,
       {"edgeplan batch examples/portfolio --format markdown -o summary.md",
        "edgeplan batch portfolio.jsonl --jobs 8 --shard 2/4 -o shard-2.jsonl"},
       "some spec has no feasible placement (3 wins: some spec is invalid)"},
      {"validate", "Check workload specs without evaluating them", setup_validate,
       {"edgeplan validate examples/*/workload.json", "edgeplan validate - --format json < spec.json"}, nullptr},
      {"rules", "List rules, run rule packs' unit tests, or evaluate a JsonLogic condition", setup_rules,
       {"edgeplan rules list --rules examples/ci/policy/org", "edgeplan rules test rules/default --require-coverage"},
       "rules test: an expectation not met (or, with --require-coverage, an untested rule)"},
      {"facts", "Print the data each rule condition reads, per candidate option (JSON Lines)", setup_facts,
       {"edgeplan facts examples/erp-onprem-database/workload.json --option us-east-1-chi-2a --format json",
        "edgeplan facts spec.json | jq -c 'select(.facts.latency.max_user_rtt_ms < 20) | .option.id'"},
       nullptr},
      {"catalog", "Import your AWS account's view (AWS CLI output) as a catalog overlay; show what a catalog knows; diff two catalogs", setup_catalog,
       {"scripts/collect-aws.sh aws-out/ && edgeplan catalog import aws-out/ -o my-account.json",
        "edgeplan catalog show --catalog my-account.json --site us-west-2-den-1a",
        "edgeplan catalog diff default my-account.json --format markdown -o catalog-changes.md"},
       "catalog diff --exit-code: the two catalogs differ"},
      {"diff", "Why the answer changed: compare two recommend JSON reports or two batch JSONL runs, attributing each change to spec, catalog, rules or model",
       setup_diff,
       {"edgeplan diff before.json after.json", "edgeplan diff last-quarter.jsonl today.jsonl --format markdown -o moved.md --exit-code"},
       "diff --exit-code: a result differs"},
      {"completion", "Print a shell completion script for bash, zsh or fish", setup_completion,
       {"edgeplan completion bash > ~/.local/share/bash-completion/completions/edgeplan",
        "edgeplan completion fish > ~/.config/fish/completions/edgeplan.fish"},
       nullptr, /*hidden=*/false, /*describes_all=*/true},
      {"man", "Print the manual page edgeplan(1) in roff", setup_man, {"edgeplan man | man -l -", "edgeplan man > edgeplan.1"}, nullptr,
       /*hidden=*/true, /*describes_all=*/true},
  };
  return table;
}

namespace {

// Two examples and the exit codes, under each command's --help.
std::string help_footer(const Command& c) {
  std::string out = "\nExamples:\n";
  for (const char* example : c.examples) out += fmt::format("  {}\n", example);
  out += "\nExit codes:\n  0  success\n";
  if (c.exit_1) out += fmt::format("  1  {}\n", c.exit_1);
  out += "  2  usage error (unknown option, command or format)\n  3  input error: a spec, catalog, rule or data file is missing or invalid,\n"
         "     or the output cannot be written\n"
         "  4  internal error (a bug: please report it)\n";
  return out;
}

}  // namespace

void add_rule_options(CLI::App& command, EngineOptions& options) {
  command.add_option("--catalog", options.catalog, "Catalog file replacing the embedded default (\"extends\": \"default\" to extend it)");
  command.add_option("--rules", options.rule_paths, "Rule pack (directory or file) layered after the defaults (repeatable, in order); a later pack may add, replace or tighten rules, never loosen them")
      ->allow_extra_args(false);  // one value per --rules: a positional after it is not swallowed
  command.add_flag("--no-default-rules", options.no_default_rules, "Do not load the embedded default rules");
}

void add_engine_options(CLI::App& command, EngineOptions& options) {
  add_rule_options(command, options);
  command.add_option("--latency-file", options.latency_file, "Measured RTTs (kind LatencyMeasurements) that replace the model's estimates");
  command.add_option("--spare-hosts", options.spare_hosts, "Spare Outposts hosts per instance family: 0 (N+0), 1 (N+1, default), 2 (N+2)")
      ->check(CLI::Range(0, 4));
  command.add_option("--max-utilization", options.max_utilization, "Steady-state utilisation ceiling per resource, percent (default 80)")
      ->check(CLI::Range(1.0, 100.0));
  command.add_option("--max-catalog-age", options.max_catalog_age, "Days an imported account view (catalog import) stays fresh; older adds a condition to verify")
      ->check(CLI::Range(0, 36500))
      ->capture_default_str();
  command.add_option("--today", options.today, "The date ages and waivers are counted to (YYYY-MM-DD; default: today, UTC)")
      ->check([](const std::string& v) { return util::is_calendar_date(v) ? "" : "expected a calendar date, YYYY-MM-DD"; });
  command.add_option("--prices", options.prices, "Price file (kind Prices; catalog import writes one from aws pricing get-products): each option's cost, and cost as a ranking factor");
}

void add_jobs_option(CLI::App& command, EngineOptions& options) {
  command.add_option("-j,--jobs", options.jobs, "Threads for a workload's options and their relaxations (default: the number of cores); the output is the same for any number")
      ->check(CLI::Range(1, 1024));
}

EngineSources engine_sources(const EngineOptions& options) {
  EngineSources sources{options.catalog, options.rule_paths, !options.no_default_rules, options.latency_file, std::nullopt, std::nullopt};
  if (options.spare_hosts >= 0) sources.spare_hosts = options.spare_hosts;
  if (options.max_utilization > 0) sources.max_utilization = options.max_utilization / 100.0;
  sources.today = options.today;
  sources.max_catalog_age_days = options.max_catalog_age;
  sources.prices = options.prices;
  sources.threads = options.jobs;
  return sources;
}

LoadedWorkload load_spec_reporting_warnings(const FileSystem& fs, const std::string& path, const Catalog& catalog) {
  LoadedWorkload workload = load_workload_file(fs, path, catalog);
  print_diagnostics(workload.warnings);
  return workload;
}

UsageError unknown_option_id(const std::string& flag, const std::string& id, const std::vector<std::string>& ids, const std::string& otherwise) {
  return UsageError(fmt::format("{}: no option \"{}\" among the {} candidates\n  hint: {}", flag, id, ids.size(), util::did_you_mean(id, ids, otherwise)));
}

void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats) {
  options.formats = formats;
  command.add_option("-f,--format", options.format, "Output format: " + util::join_list(formats, ", "))
      ->check(CLI::IsMember(formats))
      ->default_str(formats.front());
  command.add_option("-o,--output", options.output, "Write to this file (atomically) instead of stdout");
}

Format parse_format(const std::string& name) {
  auto format = format_from_name(name);
  if (!format) throw UsageError(fmt::format("unknown format \"{}\"", name));
  return *format;
}

Format output_format(const OutputOptions& options) {
  if (!options.format.empty()) return parse_format(options.format);
  if (!to_stdout(options.output))
    if (auto implied = format_from_path(options.output))
      if (std::find(options.formats.begin(), options.formats.end(), format_name(*implied)) != options.formats.end()) return *implied;
  return parse_format(options.formats.empty() ? "text" : options.formats.front());
}

bool to_stdout(const std::string& output_path) { return output_path.empty() || output_path == "-"; }

InputError output_error(const std::string& path, const std::string& message) {
  return InputError(Diagnostic{Severity::error, path, 0, 0, "", message, {}});
}

InputError stdout_error(int error_number) {
  return output_error("", fmt::format("cannot write to standard output: {}", std::strerror(error_number)));
}

void write_stdout(std::string_view text) {
  std::cout.flush();  // anything printed through std::cout goes first
  while (!text.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw stdout_error(errno);
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

void emit(const OutputOptions& options, const std::string& text) {
  if (to_stdout(options.output)) {
    write_stdout(text);
    return;
  }
  try {
    util::write_file_atomically(options.output, text);
  } catch (const std::runtime_error& e) {
    throw output_error(options.output, e.what());
  }
}

namespace {

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value && std::string_view(value) != "0";
}

}  // namespace

bool use_color(const GlobalOptions& global, const OutputOptions& output) {
  if (!to_stdout(output.output) || global.color == "never") return false;
  if (global.color == "always" || env_set("FORCE_COLOR") || env_set("CLICOLOR_FORCE")) return true;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

RenderOptions render_options(const GlobalOptions& global, const OutputOptions& output, std::size_t top) {
  return RenderOptions{use_color(global, output), top, top};
}

namespace {

// What went to stdout through std::cout (--help, --version) must have arrived
// too: a full disk or a closed stdout is an error, not a silent exit 0.
int checked_stdout(int code) {
  errno = 0;
  if (std::cout.flush().good()) return code;
  print_diagnostics(stdout_error(errno != 0 ? errno : EIO).diagnostics());
  return to_int(ExitCode::input_error);
}

// A reader that went away (`edgeplan … | head`) ends edgeplan quietly, as it
// does any other filter: SIGPIPE's default action. A parent that ignored
// SIGPIPE (some CI runners, Python's subprocess) would otherwise turn it into
// an error message per write.
void default_sigpipe() { std::signal(SIGPIPE, SIG_DFL); }

int run_command_line(int argc, char** argv);

}  // namespace

int run(int argc, char** argv) {
  default_sigpipe();
  return checked_stdout(run_command_line(argc, argv));
}

namespace {

int run_command_line(int argc, char** argv) {
  CLI::App app{"edgeplan: where should a latency- or residency-sensitive workload run? AWS Region, Local Zone, Wavelength Zone or Outposts."};
  app.name("edgeplan");
  GlobalOptions global;
  bool show_version = false;
  app.add_flag("--version", show_version, "Print version, catalog version and date, and rules digest");
  app.add_option("--log-level", global.log_level, "Log level on stderr: trace, debug, info, warn, error, critical, off (default: $EDGEPLAN_LOG_LEVEL, else warn)");
  app.add_flag("-v,--verbose", global.verbose, "Same as --log-level debug");
  app.add_flag("-q,--quiet", global.quiet, "Same as --log-level error");
  app.add_option("--color", global.color, "Colour output: auto (TTY and no NO_COLOR), always, never")->check(CLI::IsMember({"auto", "always", "never"}));
  app.require_subcommand(0, 1);
  app.fallthrough();  // global flags (-q, -v, --color, --log-level) also after the subcommand; subcommands inherit it
  // A command's options are declared only when the command is invoked (CLI11
  // calls the pre-parse callback once it has recognised the command, before
  // reading its arguments): declaring every command's options cost more than
  // the rest of `edgeplan --version`. Top-level --help needs only the summaries.
  std::vector<std::pair<CLI::App*, Runner>> runners;
  const auto& table = commands();
  const auto set_up = [&](std::size_t i) {
    if (!runners[i].second) runners[i].second = table[i].setup(*runners[i].first, global);
  };
  for (std::size_t i = 0; i < table.size(); ++i) {
    const Command& c = table[i];
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    sub->footer(help_footer(c));
    if (c.hidden) sub->group("");  // CLI11 leaves the group "" out of --help
    runners.emplace_back(sub, Runner{});
    sub->preparse_callback([&, i](std::size_t) {
      if (!table[i].describes_all) return set_up(i);
      for (std::size_t j = 0; j < table.size(); ++j) set_up(j);
    });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << diagnostic_lead(Severity::error) << usage_message(e, argc, argv) << "\n  run 'edgeplan --help' for usage\n";
    return to_int(ExitCode::usage_error);
  }
  return run_guarded([&] {
    setup_logging(global);
    if (show_version) {
      write_stdout(version_text());
      return to_int(ExitCode::ok);
    }
    for (auto& [sub, runner] : runners)
      if (sub->parsed()) return runner();
    std::cerr << app.help() << diagnostic_lead(Severity::error) << "a subcommand is required\n";
    return to_int(ExitCode::usage_error);
  });
}

}  // namespace

}  // namespace edgeplan::cli
