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
  SizingOptions sizing;
};

int run_capacity(const CapacityOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Format format = parse_format(o.output.format);
  Catalog catalog = load_catalog(o.engine, fs);
  RuleSet rules = load_rules(o.engine, fs);
  std::optional<ExistingOutpost> outpost;
  if (!o.outpost.empty()) outpost = load_existing_outpost(fs, o.outpost, InstanceCatalog::embedded());
  LoadedWorkload workload = load_spec_reporting_warnings(fs, o.spec, catalog);
  CapacityReport report = plan_capacity(workload, make_engine(catalog, rules, nullptr, o.sizing), outpost ? &*outpost : nullptr);
  emit(o.output, render_capacity(report, format, RenderOptions{use_color(global, o.output), 10, 10}));
  // With --outpost the question is "does it fit?": a CI-friendly exit code.
  if (report.shared && !report.shared->fits()) return to_int(ExitCode::no_feasible);
  return to_int(ExitCode::ok);
}

}  // namespace

Runner setup_capacity(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<CapacityOptions>();
  command.add_option("spec", options->spec, "Workload spec (JSON)")->required();
  command.add_option("--outpost", options->outpost, "CloudWatch capacity export of an existing (shared) Outpost: does the workload fit on it?");
  add_output_options(command, options->output, format_names());
  add_sizing_options(command, options->sizing);
  add_engine_options(command, options->engine);
  return [options, &global] { return run_capacity(*options, global); };
}

}  // namespace edgeplan::cli
