// edgeplan recommend SPEC [--format text|json|markdown] [-o FILE] [--explain ID]
#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/util/text.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct RecommendOptions {
  std::string spec;
  EngineOptions engine;
  OutputOptions output;
  std::string explain;
  std::size_t top = 10;
};

const Evaluation& find_option(const Report& report, const std::string& id) {
  if (const Evaluation* e = report.find(id)) return *e;
  std::vector<std::string> ids;
  for (const auto& e : report.evaluations) ids.push_back(e.candidate->id);
  throw unknown_option_id("--explain", id, ids, "--format json lists every option id");
}

int run_recommend(const RecommendOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Format format = parse_format(o.output.format);
  const EngineSetup setup(engine_sources(o.engine), fs);
  LoadedWorkload workload = load_spec_reporting_warnings(fs, o.spec, setup.catalog());
  spdlog::debug("{} candidates, {} rules", setup.catalog().sites.size(), setup.rules().rules.size());
  Report report = recommend(workload, setup.engine());
  const RenderOptions render_with = render_options(global, o.output, o.top);
  if (!o.explain.empty()) {
    emit(o.output, render(Explanation{report, find_option(report, o.explain)}, format, render_with));
    return to_int(ExitCode::ok);
  }
  emit(o.output, render(report, format, render_with));
  return to_int(report.feasible() ? ExitCode::ok : ExitCode::no_feasible);
}

}  // namespace

Runner setup_recommend(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<RecommendOptions>();
  command.add_option("spec", options->spec, "Workload spec (JSON or YAML; - reads stdin)")->required();
  add_output_options<Report>(command, options->output);
  command.add_option("--explain", options->explain, "Show the full reasoning (facts, every rule, scores) for one option id");
  command.add_option("--top", options->top, "Options listed in text and Markdown output")->check(CLI::NonNegativeNumber)->capture_default_str();
  add_engine_options(command, options->engine);
  return [options, &global] { return run_recommend(*options, global); };
}

}  // namespace edgeplan::cli
