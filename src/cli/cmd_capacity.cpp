// edgeplan capacity SPEC [--outpost EXPORT.json] [--spare-hosts N] [--max-utilization PCT]
#include <iostream>

#include <edgeplan/capacity_report.hpp>
#include <edgeplan/exit_codes.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct CapacityOptions {
  std::string spec;
  std::string outpost;
  EngineOptions engine;
  OutputOptions output;
};

int run_capacity(const CapacityOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Format format = output_format(o.output);
  const EngineSetup setup(engine_sources(o.engine), fs);
  std::optional<ExistingOutpost> outpost;
  if (!o.outpost.empty()) outpost = load_existing_outpost(fs, o.outpost, InstanceCatalog::embedded());
  LoadedWorkload workload = load_spec_reporting_warnings(fs, o.spec, setup.catalog());
  CapacityReport report = plan_capacity(workload, setup.engine(), outpost ? &*outpost : nullptr);
  emit(o.output, render(report, format, render_options(global, o.output)));
  // With --outpost the question is "does it fit?": a CI-friendly exit code.
  if (report.shared && !report.shared->fits()) return to_int(ExitCode::no_feasible);
  return to_int(ExitCode::ok);
}

}  // namespace

Runner setup_capacity(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<CapacityOptions>();
  command.add_option("spec", options->spec, "Workload spec (JSON or YAML; - reads stdin)")->required();
  command.add_option("--outpost", options->outpost, "CloudWatch capacity export of an existing (shared) Outpost: does the workload fit on it?");
  add_output_options<CapacityReport>(command, options->output);
  add_engine_options(command, options->engine);
  return [options, &global] { return run_capacity(*options, global); };
}

}  // namespace edgeplan::cli
