// edgeplan catalog import FILE|DIR... [-o OVERLAY] [--captured-at TIME] [--account ID] [--name NAME]
// What the user's own AWS account sees, from the AWS CLI's JSON output
// (scripts/collect-aws.sh runs the commands), as a catalog overlay that
// `--catalog` layers over the embedded default. edgeplan never calls AWS.
#include <iostream>

#include <fmt/format.h>

#include <edgeplan/aws_import.hpp>
#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/exit_codes.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/util/text.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct ImportOptions {
  std::vector<std::string> inputs;
  std::string base_catalog;  // --catalog: what the overlay extends (facts are matched against it)
  std::string captured_at;
  std::string account;
  std::string name;
  OutputOptions output;
};

// One line on stderr: what was read and what it settles (the overlay has the detail).
std::string import_summary(const AwsImport& result) {
  const Json& o = result.overlay;
  const Json& account = o["account"];
  std::size_t sites = o.contains("site_facts") ? o["site_facts"].size() : 0;
  std::size_t added = o.contains("sites") ? o["sites"].size() : 0;
  std::size_t outposts = o.contains("existing_outposts") ? o["existing_outposts"].size() : 0;
  std::size_t items = o.contains("outposts") ? o["outposts"]["catalog_items"].size() : 0;
  std::size_t rtts = o.contains("measured_rtts") ? o["measured_rtts"].size() : 0;
  return fmt::format("edgeplan: imported {} AWS CLI output{} (account {}, captured {}): facts for {} site{}, {} zone{} added, {} existing Outpost{}, "
                     "{} rack configuration{}, {} measured RTT{}; {} gap{} (listed under account.gaps)",
                     result.inputs.size(), result.inputs.size() == 1 ? "" : "s", account["id"].is_string() ? account["id"].get<std::string>() : "unknown",
                     account["captured_at"].is_string() ? account["captured_at"].get<std::string>() : "unknown", sites, sites == 1 ? "" : "s", added,
                     added == 1 ? "" : "s", outposts, outposts == 1 ? "" : "s", items, items == 1 ? "" : "s", rtts, rtts == 1 ? "" : "s",
                     result.gaps.size(), result.gaps.size() == 1 ? "" : "s");
}

int run_import(const ImportOptions& o) {
  RealFileSystem fs;
  EngineSources sources;
  sources.catalog = o.base_catalog;
  const Catalog base = load_catalog(sources, fs);
  AwsImportOptions options;
  if (!o.captured_at.empty()) options.captured_at = o.captured_at;
  if (!o.account.empty()) options.account = o.account;
  options.name = o.name;
  const AwsImport result = import_aws_outputs(o.inputs, fs, base, options);
  print_diagnostics(result.warnings);
  emit(o.output, render(result, parse_format(o.output.format)));
  std::cerr << import_summary(result) << "\n";
  return to_int(ExitCode::ok);
}

}  // namespace

Runner setup_catalog(CLI::App& command, const GlobalOptions&) {
  command.require_subcommand(1);
  auto import = std::make_shared<ImportOptions>();
  CLI::App* import_cmd = command.add_subcommand(
      "import", "Build a catalog overlay from AWS CLI JSON output (scripts/collect-aws.sh): zones, opt-in, instance types, Outposts, measured RTTs");
  import_cmd->add_option("inputs", import->inputs, "AWS CLI output files, or directories of them (every *.json below)")->required();
  import_cmd->add_option("--catalog", import->base_catalog, "Catalog the overlay extends (default: the embedded one)");
  import_cmd->add_option("--captured-at", import->captured_at, "When the outputs were collected (ISO 8601; default: the collection manifest's)");
  import_cmd->add_option("--account", import->account, "AWS account id, when no input shows it");
  import_cmd->add_option("--name", import->name, "metadata.name of the overlay (default: account-<id>)");
  add_output_options<AwsImport>(*import_cmd, import->output);
  return [import] { return run_import(*import); };
}

}  // namespace edgeplan::cli
