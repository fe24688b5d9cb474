// edgeplan validate SPEC... : schema and semantic checks, no evaluation.
#include <edgeplan/exit_codes.hpp>
#include <edgeplan/workload_loader.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> specs;
  EngineOptions engine;
  OutputOptions output;
};

int run_validate(const ValidateOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Format format = output_format(o.output);
  const Catalog catalog = load_catalog(engine_sources(o.engine), fs);
  const ValidationRun run = validate_specs(fs, o.specs, catalog);
  for (const auto& spec : run.specs) print_diagnostics(spec.valid() ? spec.loaded->warnings : spec.errors);
  emit(o.output, render(run, format, render_options(global, o.output)));
  return to_int(run.invalid() == 0 ? ExitCode::ok : ExitCode::input_error);
}

}  // namespace

Runner setup_validate(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<ValidateOptions>();
  command.add_option("specs", options->specs, "Workload specs (JSON or YAML; - reads stdin)")->required();
  add_output_options<ValidationRun>(command, options->output);
  command.add_option("--catalog", options->engine.catalog, "Catalog whose metros and services the specs may name");
  return [options, &global] { return run_validate(*options, global); };
}

}  // namespace edgeplan::cli
