// edgeplan check SPEC|DIR... [--format F [-o FILE]]... [--fail-on error|warning]
//                [--require-top] [--require-fallback] [--max-score-gap N] [--max-monthly-cost N] [--no-waivers] [--today DATE] [--jobs N]
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/util/atomic_file.hpp>
#include <edgeplan/util/text.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct CheckCliOptions {
  std::vector<std::string> specs;
  EngineOptions engine;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string fail_on = "error";
  bool require_top = false;
  bool require_fallback = false;
  double max_score_gap = -1;
  double max_monthly_cost = -1;
  bool no_waivers = false;
  const CLI::App* command = nullptr;
  const CLI::Option* format_option = nullptr;
  const CLI::Option* output_option = nullptr;
};

struct Destination {
  Format format = Format::text;
  std::string path;  // empty: stdout
};

Format format_named(const std::string& name) {
  if (auto f = format_from_name(name); f && can_render<CheckRun>(*f)) return *f;
  throw UsageError(fmt::format("--format: unknown format \"{}\" (expected one of {})", name, util::join_list(format_names<CheckRun>())));
}

Format format_for_path(const std::string& path) {
  if (auto f = format_from_path(path); f && can_render<CheckRun>(*f) && !to_stdout(path)) return *f;
  throw UsageError(fmt::format("-o {}: no --format before it, and the file name does not imply one\n  hint: write --format sarif -o {}", path, path));
}

// Each -o belongs to the --format just before it; a --format without -o goes
// to stdout; a -o without --format takes the format its extension implies.
std::vector<Destination> destinations(const CheckCliOptions& o) {
  std::vector<Destination> out;
  std::size_t next_format = 0, next_output = 0;
  bool open = false;  // the last --format has no -o yet
  for (const CLI::Option* option : o.command->parse_order()) {
    if (option == o.format_option) {
      out.push_back({format_named(o.formats.at(next_format++)), ""});
      open = true;
    } else if (option == o.output_option) {
      const std::string& path = o.outputs.at(next_output++);
      if (!open) out.push_back({format_for_path(path), ""});
      out.back().path = to_stdout(path) ? "" : path;  // -o -: stdout
      open = false;
    }
  }
  if (out.empty()) out.push_back({Format::text, ""});
  if (std::count_if(out.begin(), out.end(), [](const Destination& d) { return d.path.empty(); }) > 1)
    throw UsageError("only one --format can go to stdout\n  hint: give the others an output file: --format junit -o edgeplan.xml");
  for (std::size_t i = 0; i < out.size(); ++i)
    for (std::size_t j = i + 1; j < out.size(); ++j)
      if (!out[i].path.empty() && out[i].path == out[j].path) throw UsageError(fmt::format("-o {} is given twice", out[i].path));
  return out;
}

// Spec files: files as given, directories searched recursively for *.json, in path order.
std::vector<std::string> spec_files(const FileSystem& fs, const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const auto& input : inputs) {
    if (!fs.is_directory(input)) {
      out.push_back(input);
      continue;
    }
    const auto found = fs.list_recursive(input, ".json");
    if (found.empty()) throw InputError(Diagnostic{Severity::error, input, 0, 0, "", "no specs (*.json) in this directory", {}});
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

CheckOptions check_options(const CheckCliOptions& o) {
  CheckOptions options;
  options.fail_on = o.fail_on;
  options.require_top = o.require_top;
  options.require_fallback = o.require_fallback;
  if (o.max_score_gap >= 0) options.max_score_gap = o.max_score_gap;
  if (o.max_monthly_cost >= 0) {
    if (o.engine.prices.empty()) throw UsageError("--max-monthly-cost needs prices: add --prices FILE");
    options.max_monthly_cost = o.max_monthly_cost;
  }
  options.use_waivers = !o.no_waivers;
  options.today = o.engine.today.empty() ? util::utc_today() : o.engine.today;
  return options;
}

bool stdout_is_colour(const GlobalOptions& global) {
  OutputOptions to_stdout;
  return use_color(global, to_stdout);
}

int run_check(const CheckCliOptions& o, const GlobalOptions& global) {
  const std::vector<Destination> targets = destinations(o);
  RealFileSystem fs;
  const EngineSetup setup(engine_sources(o.engine), fs);
  const CheckRun run = check_specs(fs, spec_files(fs, o.specs), setup.engine(), check_options(o));
  for (const auto& spec : run.specs) {
    print_diagnostics(spec.warnings);
    print_diagnostics(spec.errors);
  }
  // Render everything before writing anything, so a failure leaves no partial set of reports.
  std::vector<std::string> texts;
  for (const auto& t : targets) texts.push_back(render(run, t.format, RenderOptions{t.path.empty() && stdout_is_colour(global)}));
  for (std::size_t i = 0; i < targets.size(); ++i)
    emit(OutputOptions{"", targets[i].path, {}}, texts[i]);
  return check_exit_code(run);
}

}  // namespace

Runner setup_check(CLI::App& command, const GlobalOptions& global) {
  auto o = std::make_shared<CheckCliOptions>();
  o->command = &command;
  command.add_option("specs", o->specs, "Workload specs, or directories searched recursively for *.json")->required();
  o->format_option = command.add_option("-f,--format", o->formats, util::join_list(format_names<CheckRun>(), " | ") + "; repeat with -o for several reports")
      ->check(CLI::IsMember(format_names<CheckRun>()))
      ->allow_extra_args(false);
  o->output_option = command.add_option("-o,--output", o->outputs, "Write the preceding --format to this file (atomically)")->allow_extra_args(false);
  command.add_option("--fail-on", o->fail_on, "Lowest severity that blocks (exit 1)")->check(CLI::IsMember({"error", "warning"}))->capture_default_str();
  command.add_flag("--require-top", o->require_top, "The proposed placement must be the top recommendation");
  command.add_flag("--require-fallback", o->require_fallback,
                   "A fallback outside the placement's failure domain must meet the requirements (or miss only latency, within spec.resilience.degraded_max_rtt_ms)");
  command.add_option("--max-score-gap", o->max_score_gap, "The proposed placement must score within this many points of the top")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--max-monthly-cost", o->max_monthly_cost,
                     "The placement (proposed, else the top one) must cost at most this a month over the planning period (needs --prices)")
      ->check(CLI::NonNegativeNumber);
  command.add_flag("--no-waivers", o->no_waivers, "Ignore the specs' waivers: report every finding (audits)");
  add_engine_options(command, o->engine);
  add_jobs_option(command, o->engine);
  return [o, &global] { return run_check(*o, global); };
}

}  // namespace edgeplan::cli
