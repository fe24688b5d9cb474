#pragma once
// What the binary embeds as its defaults (rules/catalog/catalog.json and
// rules/default/*.json), summarised at build time by cmake/EmbedSummary.cmake:
// what `edgeplan --version` prints, without loading either. A unit test holds
// it equal to load_default_catalog() and load_default_rules().
#include <cstddef>
#include <string_view>

namespace edgeplan {

struct DefaultDataSummary {
  std::string_view catalog_name;  // CatalogInfo::name of load_default_catalog()
  std::string_view catalog_version;
  std::string_view catalog_date;
  std::string_view catalog_digest;  // sha-256 of the catalog bytes, hex
  std::size_t rules;                // rules in load_default_rules(), after replacements and patches
  std::size_t rule_files;
  std::string_view rules_digest;  // RuleSet::digest of load_default_rules()
};

const DefaultDataSummary& default_data_summary();

}  // namespace edgeplan
