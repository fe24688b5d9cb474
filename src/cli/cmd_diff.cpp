// edgeplan diff BEFORE AFTER [-f text|json|markdown] [-o FILE] [--exit-code]
// Why the answer changed: two `recommend --format json` reports, or two `batch`
// JSONL runs, compared workload by workload, each change attributed to the
// recorded inputs that differ (edgeplan/placement_diff.hpp).
#include <edgeplan/exit_codes.hpp>
#include <edgeplan/placement_diff.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct DiffCommandOptions {
  std::string before, after;
  bool exit_code = false;  // --exit-code: 1 when a result differs, as `git diff --exit-code`
  OutputOptions output;
};

int run_diff(const DiffCommandOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const std::vector<RecordedRun> runs = read_each({o.before, o.after}, [&](const std::string& path) { return read_recorded_file(fs, path); });
  const PlacementDiff diff = diff_placements(runs[0], runs[1]);
  emit(o.output, render(diff, output_format(o.output), render_options(global, o.output)));
  // Exit code 1 is "the gate failed" (exit_codes.hpp): here, a result differs.
  return to_int(o.exit_code && diff.changed() ? ExitCode::no_feasible : ExitCode::ok);
}

}  // namespace

Runner setup_diff(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<DiffCommandOptions>();
  command.add_option("before", options->before, "The earlier result: `recommend --format json` output, or `batch` JSONL output (- for stdin)")->required();
  command.add_option("after", options->after, "The later result, of the same kind")->required();
  command.add_flag("--exit-code", options->exit_code, "Exit 1 when a result differs (as git diff --exit-code); without it, 0 either way");
  add_output_options<PlacementDiff>(command, options->output);
  return [options, &global] { return run_diff(*options, global); };
}

}  // namespace edgeplan::cli
