// edgeplan validate SPEC... : schema and semantic checks, no evaluation.
#include <iostream>

#include <fmt/format.h>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/workload_loader.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> specs;
  EngineOptions engine;
};

// Returns true when the spec is valid; prints its diagnostics either way.
bool validate_one(const std::string& path, const Catalog& catalog, const FileSystem& fs) {
  try {
    LoadedWorkload loaded = load_workload_file(fs, path, catalog);
    for (const auto& w : loaded.warnings) std::cerr << format_diagnostic(w) << "\n";
    std::cout << fmt::format("ok: {} (workload \"{}\"; user groups: {}, dependencies: {}, facilities: {})\n", path, loaded.workload.name,
                             loaded.workload.users.size(), loaded.workload.dependencies.size(), loaded.workload.customer.facilities.size());
    return true;
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d) << "\n";
    std::cout << fmt::format("invalid: {}\n", path);
    return false;
  }
}

int run_validate(const ValidateOptions& o) {
  RealFileSystem fs;
  Catalog catalog = load_catalog(engine_sources(o.engine), fs);
  int invalid = 0;
  for (const auto& spec : o.specs) invalid += validate_one(spec, catalog, fs) ? 0 : 1;
  return to_int(invalid == 0 ? ExitCode::ok : ExitCode::input_error);
}

}  // namespace

Runner setup_validate(CLI::App& command, const GlobalOptions&) {
  auto options = std::make_shared<ValidateOptions>();
  command.add_option("specs", options->specs, "Workload specs (JSON)")->required();
  command.add_option("--catalog", options->engine.catalog, "Catalog whose metros and services the specs may name");
  return [options] { return run_validate(*options); };
}

}  // namespace edgeplan::cli
