// edgeplan catalog import FILE|DIR... [-o OVERLAY] [--captured-at TIME] [--account ID] [--name NAME]
// What the user's own AWS account sees, from the AWS CLI's JSON output
// (scripts/collect-aws.sh runs the commands), as a catalog overlay that
// `--catalog` layers over the embedded default. edgeplan never calls AWS.
// edgeplan catalog show [--catalog FILE] [--site ID]... [--kind KIND]
// edgeplan catalog diff OLD NEW [--exit-code]
// What a catalog knows and where each fact came from; what changed between two.
#include <iostream>
#include <map>
#include <optional>

#include <fmt/format.h>

#include <edgeplan/aws_import.hpp>
#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/catalog_view.hpp>
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

// "12 instance, 2 ebs" / "3 not Linux, ...": counts by name.
std::string counts(const std::map<std::string, int>& by_name) {
  std::vector<std::string> parts;
  for (const auto& [name, n] : by_name) parts.push_back(fmt::format("{} {}", n, name));
  return parts.empty() ? "none" : util::join_list(parts);
}

// The summary of a price import: what was kept, on which terms, and what was left out.
std::string price_summary(const AwsImport& result, const AwsPriceImport& p) {
  int kept = 0;
  for (const auto& [name, n] : p.prices) kept += n;
  return fmt::format("edgeplan: imported {} aws pricing get-products output{} ({} product{}, {}, effective {}): {} price{} ({}); "
                     "EC2 compute kept only for Linux, Shared tenancy, no pre-installed software, capacitystatus Used; left out: {}",
                     result.inputs.size(), result.inputs.size() == 1 ? "" : "s", p.products, p.products == 1 ? "" : "s", p.currency,
                     p.effective_date, kept, kept == 1 ? "" : "s", counts(p.prices), counts(p.skipped));
}

// One line on stderr: what was read and what it settles (the overlay has the detail).
std::string import_summary(const AwsImport& result) {
  if (result.prices) return price_summary(result, *result.prices);
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
  emit(o.output, render(result, output_format(o.output)));
  std::cerr << import_summary(result) << "\n";
  return to_int(ExitCode::ok);
}

struct ShowOptions {
  std::string catalog;             // empty or "default": the embedded catalog
  std::vector<std::string> sites;  // --site
  std::string kind;                // --kind; empty: every kind
  OutputOptions output;
};

struct DiffOptions {
  std::string before, after;  // catalog files, or "default"
  bool exit_code = false;     // --exit-code: 1 when they differ, as `git diff --exit-code`
  OutputOptions output;
};

// "default" names the embedded catalog, anything else a catalog file (a full
// catalog or an overlay): a file named "default" is "./default".
Catalog load_catalog_argument(const FileSystem& fs, const std::string& argument) {
  return argument.empty() || argument == "default" ? load_default_catalog() : load_catalog_file(fs, argument);
}

int run_show(const ShowOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Catalog catalog = load_catalog_argument(fs, o.catalog);
  const CatalogFilter filter{o.sites, o.kind.empty() ? std::nullopt : std::optional<std::string>(o.kind)};
  emit(o.output, render(list_catalog(catalog, filter), output_format(o.output), render_options(global, o.output)));
  return to_int(ExitCode::ok);
}

int run_diff(const DiffOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const std::vector<Catalog> catalogs = read_each({o.before, o.after}, [&](const std::string& a) { return load_catalog_argument(fs, a); });
  const CatalogDiff diff = diff_catalogs(catalogs[0], catalogs[1]);
  emit(o.output, render(diff, output_format(o.output), render_options(global, o.output)));
  // Exit code 1 is "the gate failed" (exit_codes.hpp): here, the catalogs differ.
  return to_int(o.exit_code && !diff.changes.empty() ? ExitCode::no_feasible : ExitCode::ok);
}

void add_show(CLI::App& command, const GlobalOptions& global, std::vector<std::pair<CLI::App*, Runner>>& runners) {
  auto show = std::make_shared<ShowOptions>();
  CLI::App* cmd = command.add_subcommand("show", "What a catalog knows, per site, and where each fact came from (the documentation or your account)");
  cmd->add_option("--catalog", show->catalog, "Catalog file, full or overlay (default: the embedded one; \"default\" names it too)");
  cmd->add_option("--site", show->sites, "Only this entry, with every fact and its source (repeatable): a site, an Outpost id, a rack configuration, FROM/TO of a measured RTT")
      ->allow_extra_args(false);
  cmd->add_option("--kind", show->kind, "Only entries of this kind: " + util::join_list(catalog_entry_kinds(), ", "))->check(CLI::IsMember(catalog_entry_kinds()));
  add_output_options<CatalogListing>(*cmd, show->output);
  runners.emplace_back(cmd, [show, &global] { return run_show(*show, global); });
}

void add_diff(CLI::App& command, const GlobalOptions& global, std::vector<std::pair<CLI::App*, Runner>>& runners) {
  auto diff = std::make_shared<DiffOptions>();
  CLI::App* cmd = command.add_subcommand("diff", "What changed between two catalogs: sites, opt-in, visibility, instance families and types, services, "
                                                 "existing Outposts, rack configurations, measured RTTs, metadata");
  cmd->add_option("old", diff->before, "The catalog before: a catalog file (full or overlay), or \"default\" for the embedded one")->required();
  cmd->add_option("new", diff->after, "The catalog after, likewise")->required();
  cmd->add_flag("--exit-code", diff->exit_code, "Exit 1 when the catalogs differ (as git diff --exit-code); without it, 0 either way");
  add_output_options<CatalogDiff>(*cmd, diff->output);
  runners.emplace_back(cmd, [diff, &global] { return run_diff(*diff, global); });
}

}  // namespace

Runner setup_catalog(CLI::App& command, const GlobalOptions& global) {
  command.require_subcommand(1);
  auto import = std::make_shared<ImportOptions>();
  CLI::App* import_cmd = command.add_subcommand(
      "import", "Build a catalog overlay from AWS CLI JSON output (scripts/collect-aws.sh): zones, opt-in, instance types, Outposts, measured RTTs; "
              "or a kind: Prices file from aws pricing get-products output");
  import_cmd->add_option("inputs", import->inputs, "AWS CLI output files, or directories of them (every *.json below)")->required();
  import_cmd->add_option("--catalog", import->base_catalog, "Catalog the overlay extends (default: the embedded one)");
  import_cmd->add_option("--captured-at", import->captured_at, "When the outputs were collected (ISO 8601; default: the collection manifest's)");
  import_cmd->add_option("--account", import->account, "AWS account id, when no input shows it");
  import_cmd->add_option("--name", import->name, "metadata.name of the overlay (default: account-<id>)");
  add_output_options<AwsImport>(*import_cmd, import->output);
  std::vector<std::pair<CLI::App*, Runner>> runners = {{import_cmd, [import] { return run_import(*import); }}};
  add_show(command, global, runners);
  add_diff(command, global, runners);
  return [runners] {
    for (const auto& [cmd, runner] : runners)
      if (cmd->parsed()) return runner();
    return to_int(ExitCode::usage_error);  // unreachable: require_subcommand(1)
  };
}

}  // namespace edgeplan::cli
