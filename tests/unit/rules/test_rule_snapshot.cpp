// The default rules' build-time snapshot (edgeplan/util/snapshots.hpp): every
// start reads the rules from it, so it must be exactly what rules/default/*.json
// compiles to, and the expressions read back must decide as the compiled ones do.
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include <edgeplan/render.hpp>
#include <edgeplan/relax.hpp>
#include <edgeplan/rules.hpp>
#include <edgeplan/util/snapshots.hpp>

#include "fixtures.hpp"
#include "support.hpp"

using namespace edgeplan;

namespace {

std::string refusal(const std::string& bytes) { return test::refusal(read_rules_snapshot, bytes); }

// What a recommendation shows: every finding's message, remedy and relaxation
// comes from the rules' expressions and templates.
std::vector<std::string> shown(const LoadedWorkload& loaded, const RuleSet& rules) {
  const Engine engine{test::default_catalog(), rules};
  const Report report = recommend(loaded, engine);
  return {render(report, Format::json), render(report, Format::text), render(report, Format::markdown)};
}

}  // namespace

TEST_CASE("rules snapshot: the embedded snapshot is the rule set rules/default compiles to", "[rules][snapshot]") {
  const std::string_view embedded = built_snapshots().rules;
  REQUIRE_FALSE(embedded.empty());
  // Byte for byte: every member of every rule, and each expression's tree.
  CHECK(write_rules_snapshot(build_default_rules()) == std::string(embedded));
}

TEST_CASE("rules snapshot: load_default_rules reads every member back", "[rules][snapshot]") {
  const RuleSet built = build_default_rules();
  const RuleSet loaded = load_default_rules();
  CHECK(write_rules_snapshot(loaded) == write_rules_snapshot(built));
  REQUIRE(loaded.rules.size() == built.rules.size());
  CHECK(loaded.rules.size() > 40);
  CHECK(loaded.weights == built.weights);
  CHECK(loaded.files == built.files);
  CHECK(loaded.digest == built.digest);
  // Spot checks of what a wrong order of members would scramble.
  const Rule* residency = find_rule(loaded, "residency.country");
  REQUIRE(residency != nullptr);
  CHECK(residency->effect == Effect::exclude);
  CHECK(residency->severity == "error");
  CHECK(residency->factor == "compliance");
  CHECK(residency->file == "rules/default/10-residency.json");
  CHECK(residency->message.source() == "data would be stored in {option.country}, outside the allowed countries ({facts.residency.allowed_countries})");
  CHECK_FALSE(residency->waivable);
  CHECK(residency->measured.has_value());
  CHECK(residency->reads.paths == find_rule(built, "residency.country")->reads.paths);
}

TEST_CASE("rules snapshot: each expression read back is prepared as the compiler prepares it", "[rules][snapshot]") {
  // A `var` the compiler prepared reads its path from the node; one left
  // unprepared would still decide alike, parsing its path at every evaluation,
  // but it would no longer list what it reads (DataReads::anything).
  const RuleSet built = build_default_rules();
  const RuleSet& loaded = test::default_rules();
  REQUIRE(loaded.rules.size() == built.rules.size());
  std::size_t paths = 0;
  for (std::size_t i = 0; i < built.rules.size(); ++i) {
    const Rule &a = loaded.rules[i], &b = built.rules[i];
    INFO(b.id);
    CHECK(a.condition.reads().paths == b.condition.reads().paths);
    CHECK(a.condition.reads().anything == b.condition.reads().anything);
    CHECK(a.message.reads().paths == b.message.reads().paths);
    if (b.score) CHECK(a.score->reads().paths == b.score->reads().paths);
    paths += b.condition.reads().paths.size();
  }
  CHECK(paths > 50);
}

TEST_CASE("rules snapshot: the rules read back decide every example as the compiled ones", "[rules][snapshot]") {
  // The snapshot holds each expression's form (constant, array, operator and
  // operands) and reading it back re-runs the compiler's own steps: the
  // operator's function and its preparation (paths of `var`, keys of `missing`).
  // Any slip there changes a decision, a message, a remedy or a relaxation.
  const RuleSet built = build_default_rules();
  for (const auto& path : test::example_specs()) {
    INFO(path);
    const LoadedWorkload loaded = load_workload_file(RealFileSystem(), path, test::default_catalog());
    CHECK(shown(loaded, test::default_rules()) == shown(loaded, built));
  }
}

TEST_CASE("rules snapshot: bytes that are not a whole snapshot are refused", "[rules][snapshot]") {
  const std::string bytes(built_snapshots().rules);
  CHECK(refusal("") == "the default rules' snapshot: not a snapshot of this edgeplan's format");
  CHECK(refusal(std::string(built_snapshots().catalog)) == "the default rules' snapshot: not a snapshot of this edgeplan's format");
  // The last member is the digest's text: one byte short, its length runs past the end.
  CHECK(refusal(bytes.substr(0, bytes.size() - 1)) == "the default rules' snapshot: a count past its end");
  CHECK(refusal(bytes.substr(0, bytes.size() - 65)) == "the default rules' snapshot: truncated");
  CHECK(refusal(bytes.substr(0, bytes.size() / 2)) != "");
  CHECK(refusal(bytes + "x") == "the default rules' snapshot: bytes after its end");
  CHECK(refusal(bytes) == "");
}
