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
  std::string latency_file;
  std::size_t top = 10;
  SizingOptions sizing;
};

const Evaluation& find_option(const Report& report, const std::string& id) {
  if (const Evaluation* e = report.find(id)) return *e;
  std::vector<std::string> ids;
  for (const auto& e : report.evaluations) ids.push_back(e.candidate->id);
  auto guess = util::closest_match(id, ids);
  throw UsageError(fmt::format("--explain: no option \"{}\" among the {} candidates\n  hint: {}", id, ids.size(),
                               guess ? fmt::format("did you mean \"{}\"?", *guess) : "--format json lists every option id"));
}

int run_recommend(const RecommendOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Format format = parse_format(o.output.format);
  Catalog catalog = load_catalog(o.engine, fs);
  RuleSet rules = load_rules(o.engine, fs);
  std::optional<MeasuredLatency> measured;
  if (!o.latency_file.empty()) measured = MeasuredLatency::load(fs, o.latency_file);
  LoadedWorkload workload = load_spec_reporting_warnings(fs, o.spec, catalog);
  spdlog::debug("{} candidates, {} rules", catalog.sites.size(), rules.rules.size());
  Report report = recommend(workload, make_engine(catalog, rules, measured ? &*measured : nullptr, o.sizing));
  RenderOptions render{use_color(global, o.output), o.top, o.top};
  if (!o.explain.empty()) {
    emit(o.output, render_explanation(report, find_option(report, o.explain), format, render));
    return to_int(ExitCode::ok);
  }
  emit(o.output, render_report(report, format, render));
  return to_int(report.feasible() ? ExitCode::ok : ExitCode::no_feasible);
}

}  // namespace

Runner setup_recommend(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<RecommendOptions>();
  command.add_option("spec", options->spec, "Workload spec (JSON)")->required();
  add_output_options(command, options->output, format_names());
  command.add_option("--explain", options->explain, "Show the full reasoning (facts, every rule, scores) for one option id");
  command.add_option("--latency-file", options->latency_file, "Measured RTTs (kind LatencyMeasurements) that replace the model's estimates");
  command.add_option("--top", options->top, "Options listed in text and Markdown output")->capture_default_str();
  add_engine_options(command, options->engine);
  add_sizing_options(command, options->sizing);
  return [options, &global] { return run_recommend(*options, global); };
}

}  // namespace edgeplan::cli
