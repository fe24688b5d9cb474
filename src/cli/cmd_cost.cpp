// edgeplan cost SPEC [--prices FILE] [--format text|json|markdown]
#include <edgeplan/cost_report.hpp>
#include <edgeplan/exit_codes.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct CostOptions {
  std::string spec;
  EngineOptions engine;
  OutputOptions output;
};

int run_cost(const CostOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Format format = output_format(o.output);
  const EngineSetup setup(engine_sources(o.engine), fs);
  const LoadedWorkload workload = load_spec_reporting_warnings(fs, o.spec, setup.catalog());
  const CostReport report = cost_report(workload, setup.engine());
  emit(o.output, render(report, format, render_options(global, o.output)));
  return to_int(report.options.empty() ? ExitCode::no_feasible : ExitCode::ok);
}

}  // namespace

Runner setup_cost(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<CostOptions>();
  command.add_option("spec", options->spec, "Workload spec (JSON or YAML; - reads stdin)")->required();
  add_output_options<CostReport>(command, options->output);
  add_engine_options(command, options->engine);
  return [options, &global] { return run_cost(*options, global); };
}

}  // namespace edgeplan::cli
