// edgeplan facts SPEC [--format jsonl|json] [-o FILE] [--option ID]
// The data each rule condition reads, per candidate option, for debugging
// rules and for feeding other JsonLogic engines (bench/bench_evaluators.sh).
#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/rule_data.hpp>
#include <edgeplan/util/text.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct FactsOptions {
  std::string spec;
  EngineOptions engine;
  OutputOptions output{"jsonl", ""};
  std::vector<std::string> option_ids;
  std::string latency_file;
  SizingOptions sizing;
};

void check_option_ids(const std::vector<RuleData>& all, const std::vector<std::string>& wanted) {
  std::vector<std::string> ids;
  for (const auto& entry : all) ids.push_back(entry.option_id);
  for (const auto& id : wanted) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
    auto guess = util::closest_match(id, ids);
    throw UsageError(fmt::format("--option: no option \"{}\" among the {} candidates\n  hint: {}", id, ids.size(),
                                 guess ? fmt::format("did you mean \"{}\"?", *guess) : "run without --option to list every option"));
  }
}

// Catalog order is kept whatever order the ids were given in.
std::vector<RuleData> select_options(std::vector<RuleData> all, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return all;
  check_option_ids(all, wanted);
  std::erase_if(all, [&](const RuleData& entry) {
    return std::find(wanted.begin(), wanted.end(), entry.option_id) == wanted.end();
  });
  return all;
}

// jsonl: one compact object per line (grep- and stream-friendly); json: one indented array.
std::string format_rule_data(const std::vector<RuleData>& entries, const std::string& format) {
  std::string out;
  if (format == "jsonl") {
    for (const auto& entry : entries) out += entry.data.dump() + "\n";
    return out;
  }
  Json array = Json::array();
  for (const auto& entry : entries) array.push_back(entry.data);
  return array.dump(2) + "\n";
}

int run_facts(const FactsOptions& o) {
  RealFileSystem fs;
  Catalog catalog = load_catalog(o.engine, fs);
  RuleSet rules = load_rules(o.engine, fs);
  std::optional<MeasuredLatency> measured;
  if (!o.latency_file.empty()) measured = MeasuredLatency::load(fs, o.latency_file);
  LoadedWorkload workload = load_spec_reporting_warnings(fs, o.spec, catalog);
  const Engine engine = make_engine(catalog, rules, measured ? &*measured : nullptr, o.sizing);
  emit(o.output, format_rule_data(select_options(rule_data(workload, engine), o.option_ids), o.output.format));
  return to_int(ExitCode::ok);
}

}  // namespace

Runner setup_facts(CLI::App& command, const GlobalOptions&) {
  auto options = std::make_shared<FactsOptions>();
  command.add_option("spec", options->spec, "Workload spec (JSON)")->required();
  add_output_options(command, options->output, {"jsonl", "json"});
  command.add_option("--option", options->option_ids, "Only this option id (repeatable); default: every candidate, in catalog order");
  command.add_option("--latency-file", options->latency_file, "Measured RTTs (kind LatencyMeasurements) that replace the model's estimates");
  add_engine_options(command, options->engine);
  add_sizing_options(command, options->sizing);
  return [options] { return run_facts(*options); };
}

}  // namespace edgeplan::cli
