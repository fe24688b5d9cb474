// The embedded catalog and rules are read at start-up without the checks and
// digests a file from disk goes through: JsonDocument::parse skips its checks
// for text compiled into the binary, and the files' sha-256 and the --version
// summary are computed at build time. These tests are what makes skipping them
// safe: each shortcut gives what the full path gives.
#include <catch2/catch.hpp>

#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/default_data.hpp>
#include <edgeplan/json_document.hpp>
#include <edgeplan/rules.hpp>
#include <edgeplan/util/digest.hpp>

#include "util/embedded.hpp"

using namespace edgeplan;

TEST_CASE("embedded: every JSON file passes the checks of a file on disk, and reads as the same document") {
  int compared = 0;
  for (const auto& file : embedded::files()) {
    if (!file.name.ends_with(".json")) continue;
    INFO(file.name);
    const std::string name(file.name);
    const std::string copy(file.contents);  // not compiled in: parse checks it
    REQUIRE(embedded::holds(file.contents));
    REQUIRE_FALSE(embedded::holds(copy));
    const JsonDocument checked = JsonDocument::parse(name, copy);
    const JsonDocument embedded_doc = JsonDocument::parse(name, file.contents);
    CHECK(embedded_doc.value() == checked.value());
    ++compared;
  }
  CHECK(compared >= 10);
}

TEST_CASE("embedded: a document read from the binary finds positions as one read from disk does") {
  const std::string_view text = embedded::file("rules/catalog/catalog.json");
  const JsonDocument checked = JsonDocument::parse("catalog.json", std::string(text));
  const JsonDocument embedded_doc = JsonDocument::parse("catalog.json", text);
  for (const std::string pointer : {"", "/metadata/name", "/sites/3/id", "/sites/40/services", "/no/such/member"}) {
    INFO(pointer);
    CHECK(embedded_doc.position_of(pointer).line == checked.position_of(pointer).line);
    CHECK(embedded_doc.position_of(pointer).column == checked.position_of(pointer).column);
  }
}

TEST_CASE("embedded: each file's build-time sha-256 is the digest of its contents") {
  for (const auto& file : embedded::files()) {
    INFO(file.name);
    CHECK(file.sha256 == util::sha256_hex(file.contents));
  }
}

TEST_CASE("embedded: the build-time summary matches the catalog and rules as loaded") {
  const DefaultDataSummary& summary = default_data_summary();
  SECTION("the catalog's name, version, date and digest") {
    const CatalogInfo loaded = load_default_catalog().info;
    CHECK(summary.catalog_name == loaded.name);
    CHECK(summary.catalog_version == loaded.version);
    CHECK(summary.catalog_date == loaded.date);
    CHECK(summary.catalog_digest == loaded.digest);
    CHECK(loaded.digest == util::sha256_hex(embedded::file("rules/catalog/catalog.json")));
  }
  SECTION("the rules: how many after replacements, files, digest") {
    const RuleSet loaded = load_default_rules();
    CHECK(summary.rules == loaded.rules.size());
    CHECK(summary.rule_files == loaded.files.size());
    CHECK(summary.rules_digest == loaded.digest);
  }
  SECTION("the default rules' digest is the one the same files get from disk") {
    RuleSet from_disk;
    for (const auto& file : embedded::files())
      if (file.name.starts_with("rules/default/")) add_rule_file(from_disk, std::string(file.name), std::string(file.contents));
    const RuleSet loaded = load_default_rules();
    CHECK(from_disk.digest == loaded.digest);
    CHECK(from_disk.rules.size() == loaded.rules.size());
  }
}
