// edgeplan facts SPEC [--format jsonl|json] [-o FILE] [--option ID]
// The data each rule condition reads, per candidate option, for debugging
// rules and for feeding other JsonLogic engines (bench/bench_evaluators.sh).
#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/util/text.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct FactsOptions {
  std::string spec;
  EngineOptions engine;
  OutputOptions output;
  std::vector<std::string> option_ids;
};

void check_option_ids(const std::vector<RuleData>& all, const std::vector<std::string>& wanted) {
  std::vector<std::string> ids;
  for (const auto& entry : all) ids.push_back(entry.option_id);
  for (const auto& id : wanted) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
    throw unknown_option_id("--option", id, ids, "run without --option to list every option");
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

int run_facts(const FactsOptions& o) {
  RealFileSystem fs;
  const EngineSetup setup(engine_sources(o.engine), fs);
  LoadedWorkload workload = load_spec_reporting_warnings(fs, o.spec, setup.catalog());
  const FactsListing listing{select_options(rule_data(workload, setup.engine()), o.option_ids)};
  emit(o.output, render(listing, output_format(o.output)));
  return to_int(ExitCode::ok);
}

}  // namespace

Runner setup_facts(CLI::App& command, const GlobalOptions&) {
  auto options = std::make_shared<FactsOptions>();
  command.add_option("spec", options->spec, "Workload spec (JSON or YAML; - reads stdin)")->required();
  add_output_options<FactsListing>(command, options->output);
  command.add_option("--option", options->option_ids, "Only this option id (repeatable); default: every candidate, in catalog order");
  add_engine_options(command, options->engine);
  return [options] { return run_facts(*options); };
}

}  // namespace edgeplan::cli
