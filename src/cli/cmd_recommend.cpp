// edgeplan recommend SPEC [--format text|json|markdown] [-o FILE] [--explain ID] [--jobs N]
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>

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
  std::string weights;  // --weights latency=40,operations=20
  bool fallback = false;  // --fallback: a fallback even when the spec has no spec.resilience
};

// "latency=40,operations=20": factor weights to try instead of the spec's
// (spec.weights) for this run, without editing the spec. Factors are those
// the rule set weighs; the rest keep their weight.
std::map<std::string, double> parse_weights(const std::string& text, const RuleSet& rules) {
  std::vector<std::string> factors;
  for (const auto& [factor, unused] : rules.weights) factors.push_back(factor);
  factors.push_back("cost");  // scored from the price file (--prices), not by a rule
  std::map<std::string, double> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos)
      throw UsageError(fmt::format("--weights: expected FACTOR=WEIGHT, got \"{}\"\n  hint: e.g. --weights latency=40,operations=20", util::escape_controls(item)));
    const std::string factor = item.substr(0, eq), value = item.substr(eq + 1);
    if (std::find(factors.begin(), factors.end(), factor) == factors.end())
      throw UsageError(fmt::format("--weights: unknown factor \"{}\"\n  hint: {}", util::escape_controls(factor),
                                   util::did_you_mean(factor, factors, "factors are " + util::join_list(factors))));
    std::size_t used = 0;
    double weight = -1;
    try {
      weight = std::stod(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != value.size() || !std::isfinite(weight) || weight < 0 || weight > 1000)
      throw UsageError(fmt::format("--weights: {}: expected a number from 0 to 1000, got \"{}\"", util::escape_controls(factor), util::escape_controls(value)));
    out[factor] = weight;
    start = comma + 1;
  }
  return out;
}

// The spec's weights with the command line's over them; they must not all be 0.
void apply_weights(Workload& workload, const std::map<std::string, double>& weights, const RuleSet& rules) {
  for (const auto& [factor, weight] : weights) workload.weights[factor] = weight;
  double sum = 0;
  for (const auto& [factor, weight] : effective_weights(rules, workload.weights)) sum += weight;
  if (sum <= 0) throw UsageError("--weights: the weights sum to 0; at least one factor needs a positive weight");
}

const Evaluation& find_option(const Report& report, const std::string& id) {
  if (const Evaluation* e = report.find(id)) return *e;
  std::vector<std::string> ids;
  for (const auto& e : report.evaluations) ids.push_back(e.candidate->id);
  throw unknown_option_id("--explain", id, ids, "--format json lists every option id");
}

Explanation explanation_of(const Report& report, const Evaluation& option) { return {report, option, option_outlook(report, option)}; }

int run_recommend(const RecommendOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Format format = output_format(o.output);
  if (!o.explain.empty() && !can_render<Explanation>(format))
    throw UsageError(fmt::format("--explain prints {}, not {}", util::join_words(format_names<Explanation>(), "or"), format_name(format)));
  const EngineSetup& setup = kept_until_exit<EngineSetup>(engine_sources(o.engine), fs);
  LoadedWorkload workload = load_spec_reporting_warnings(fs, o.spec, setup.catalog());
  if (!o.weights.empty()) apply_weights(workload.workload, parse_weights(o.weights, setup.rules()), setup.rules());
  if (o.fallback && !workload.workload.resilience) workload.workload.resilience.emplace().fallback = "preferred";
  spdlog::debug("{} candidates, {} rules", setup.catalog().sites.size(), setup.rules().rules.size());
  // --explain may name an excluded option, and prints its facts and trace.
  const ExcludedOptions excluded = o.explain.empty() ? ExcludedOptions::findings : ExcludedOptions::whole;
  const Report& report = kept_until_exit<Report>(recommend(workload, setup.engine(), Detail::full, false, Relaxations::checked, excluded));
  const RenderOptions render_with = render_options(global, o.output, o.top);
  if (!o.explain.empty()) {
    emit(o.output, render(explanation_of(report, find_option(report, o.explain)), format, render_with));
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
  command.add_flag("--fallback", options->fallback,
                   "Also find a fallback placement outside the winner's failure domain (on by itself when the spec has spec.resilience)");
  command.add_option("--weights", options->weights, "Factor weights to try instead of the spec's, e.g. latency=40,operations=20 (the others keep theirs)");
  command.add_option("--top", options->top, "Options listed in text and Markdown output")->check(CLI::NonNegativeNumber)->capture_default_str();
  add_engine_options(command, options->engine);
  add_jobs_option(command, options->engine);
  return [options, &global] { return run_recommend(*options, global); };
}

}  // namespace edgeplan::cli
