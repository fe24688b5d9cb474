// The decision detail (what `batch` runs) must decide exactly as the full
// evaluation: same eligible options, scores and ranking, same first exclusion
// of every excluded option, same exclusion counts. And facts written over a
// previous option's values must equal facts written afresh. Checked over every
// workload under examples/ and a seeded synthetic portfolio
// (tests/data/portfolio-sample.jsonl: bench/gen_portfolio.py --count 200 --seed 7).
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <optional>

#include <edgeplan/batch.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/pipeline.hpp>

#include "fixtures.hpp"
#include "support.hpp"

using namespace edgeplan;

namespace {

struct Spec {
  std::string key;
  LoadedWorkload loaded;
};

// Every input that loads as a workload (examples/ also holds rule packs and
// rule tests, which do not).
std::vector<Spec> sample_specs() {
  const RealFileSystem fs;
  BatchSource source(fs, {"examples", "tests/data/portfolio-sample.jsonl"}, nullptr);
  std::vector<Spec> specs;
  while (auto input = source.next()) {
    try {
      const JsonDocument document = input->line == 0 ? read_json_file(fs, input->file) : JsonDocument::parse(input->file, input->text);
      specs.push_back({input->key(), load_workload(document, test::default_catalog())});
    } catch (const InputError&) {
    }
  }
  return specs;
}

const std::vector<Spec>& specs() {
  static const std::vector<Spec> all = sample_specs();
  return all;
}

std::vector<std::string> ranking(const Report& report) {
  std::vector<std::string> ids;
  for (const auto& r : report.ranked) ids.push_back(r.evaluation->candidate->id);
  return ids;
}

}  // namespace

TEST_CASE("decision detail: decides as the full evaluation does") {
  REQUIRE(specs().size() >= 230);
  const Engine engine{test::default_catalog(), test::default_rules()};
  for (const auto& spec : specs()) {
    INFO(spec.key);
    const Report full = recommend(spec.loaded, engine);
    const Report decision = recommend(spec.loaded, engine, Detail::decision);
    REQUIRE(full.evaluations.size() == decision.evaluations.size());
    for (std::size_t i = 0; i < full.evaluations.size(); ++i) {
      const Evaluation& f = full.evaluations[i];
      const Evaluation& d = decision.evaluations[i];
      INFO(f.candidate->id);
      REQUIRE(f.excluded() == d.excluded());
      if (f.excluded()) {
        CHECK(d.exclusions.size() == 1);
        CHECK(d.exclusions.front().rule == f.exclusions.front().rule);
        CHECK(d.exclusions.front().summary == f.exclusions.front().summary);
      } else {
        CHECK(d.score == f.score);
        CHECK(d.factor_scores == f.factor_scores);
      }
      CHECK(d.trace.empty());
      CHECK(d.warnings.empty());
    }
    CHECK(ranking(decision) == ranking(full));
    CHECK(decision.summary == full.summary);
    const BatchInput input{0, spec.key, 0, {}};
    CHECK(summarize_report(decision, input, engine.catalog).excluded_by.size() == full.exclusion_counts.size());
  }
}

TEST_CASE("facts: a group written over another option's values equals the group written afresh") {
  for (const auto& spec : specs()) {
    INFO(spec.key);
    const Workload& workload = spec.loaded.workload;
    const auto candidates = build_candidates(workload, test::default_catalog());
    const FactsContext context{workload, test::default_catalog(), nullptr};
    // Forwards, then backwards: every kind of option follows every other.
    std::vector<const Candidate*> order;
    for (const auto& c : candidates) order.push_back(&c);
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) order.push_back(&*it);
    Json recycled = {{"facts", Json::object()}};
    for (const Candidate* c : order) {
      INFO(c->id);
      LazyFacts lazy(*c, context);
      for (std::size_t part = 0; part < lazy.parts().size(); ++part) lazy.build(part, recycled);
      CHECK(recycled["option"] == option_json(*c));
      CHECK(recycled["facts"] == derive_facts(*c, context));
    }
  }
}

// Checking a relaxation runs only the exclude rules over one option built alone
// (option_exclusions): it must find exactly the exclusions of the full
// evaluation, messages and relax operations included, and none for an eligible
// option. Every `stride`-th option of each spec, starting at a different one per spec.
namespace {

struct ExclusionsChecked {
  std::size_t options = 0, excluded = 0;
  std::map<std::string, std::size_t> by_rule;  // exclusions found, per rule id
};

ExclusionsChecked check_option_exclusions(const Engine& engine, std::size_t stride) {
  ExclusionsChecked checked;
  for (std::size_t s = 0; s < specs().size(); ++s) {
    const Spec& spec = specs()[s];
    INFO(spec.key);
    const Report full = recommend(spec.loaded, engine);
    for (std::size_t i = s % stride; i < full.evaluations.size(); i += stride) {
      const Evaluation& f = full.evaluations[i];
      INFO(f.candidate->id);
      const auto found = option_exclusions(spec.loaded.workload, engine, f.candidate->id);
      REQUIRE(found.has_value());
      REQUIRE(found->size() == f.exclusions.size());
      for (std::size_t k = 0; k < found->size(); ++k) {
        const Finding &a = (*found)[k], &b = f.exclusions[k];
        CHECK(a.rule == b.rule);
        CHECK(a.message == b.message);
        CHECK(a.summary == b.summary);
        CHECK(a.remedy == b.remedy);
        CHECK(a.relax == b.relax);
        CHECK(a.item == b.item);
        CHECK(a.measured == b.measured);
        CHECK(a.required == b.required);
        ++checked.by_rule[a.rule];
      }
      ++checked.options;
      checked.excluded += f.excluded();
    }
  }
  return checked;
}

}  // namespace

TEST_CASE("option_exclusions: finds what the full evaluation excludes an option for") {
  const Engine engine{test::default_catalog(), test::default_rules()};
  const ExclusionsChecked checked = check_option_exclusions(engine, 7);
  CHECK(option_exclusions(specs().front().loaded.workload, engine, "no-such-option") == std::nullopt);
  // Not vacuous: most options are excluded somewhere, and some are eligible.
  CHECK(checked.excluded > 1000);
  CHECK(checked.options - checked.excluded > 100);
}

// The default exclude rules read nothing of "workload", so option_exclusions
// leaves it out of their data; a pack whose exclude rules read it
// (examples/ci/policy/org: the workload's labels) gets it.
TEST_CASE("option_exclusions: exclude rules that read the workload see it") {
  CHECK_FALSE(decision_needs(test::default_rules())->exclusions_read_workload);
  EngineSources sources;
  sources.rule_packs = {test::source_path("examples/ci/policy/org")};
  const RuleSet rules = load_rule_set(sources, RealFileSystem());
  REQUIRE(decision_needs(rules)->exclusions_read_workload);
  const Engine engine{test::default_catalog(), rules};
  const ExclusionsChecked checked = check_option_exclusions(engine, 11);
  CHECK(checked.by_rule.count("org.outposts.hardware-oncall") == 1);
  CHECK(checked.by_rule.count("org.pci.jurisdictions") == 1);
}

TEST_CASE("build_candidate: the candidate build_candidates gives, built alone") {
  for (const auto& spec : specs()) {
    INFO(spec.key);
    const Workload& workload = spec.loaded.workload;
    for (const Candidate& c : build_candidates(workload, test::default_catalog())) {
      const std::optional<Candidate> alone = build_candidate(workload, test::default_catalog(), c.id);
      REQUIRE(alone.has_value());
      CHECK(alone->id == c.id);
      CHECK(alone->name == c.name);
      CHECK(alone->kind == c.kind);
      CHECK(alone->parent_region == c.parent_region);
      CHECK(alone->site == c.site);
      CHECK(alone->form_factor == c.form_factor);
      CHECK(alone->facility == c.facility);
      CHECK(alone->place.label == c.place.label);
    }
  }
}

// A relaxation check describes no RTT terms (text) unless an exclude rule may
// read them: the default rules do not. A rule whose message quotes its user
// group's terms must get them there as the full evaluation gives them.
TEST_CASE("option_exclusions: exclude rules that read RTT terms see them") {
  CHECK_FALSE(decision_needs(test::default_rules())->exclusions_read_terms);
  RuleSet rules = test::default_rules();
  add_rule_file(rules, "terms.json", R"({"apiVersion": "edgeplan/v1", "kind": "RuleSet", "rules": [
    {"id": "t.terms", "description": "d", "effect": "exclude", "factor": "latency", "for_each": "facts.latency.users",
     "condition": {">": [{"var": "item.rtt_ms"}, 5]}, "message": "{item.name}: {item.terms}", "summary": "far"}]})");
  REQUIRE(decision_needs(rules)->exclusions_read_terms);
  const Engine engine{test::default_catalog(), rules};
  const ExclusionsChecked checked = check_option_exclusions(engine, 13);
  CHECK(checked.by_rule.count("t.terms") == 1);
  CHECK(checked.by_rule.at("t.terms") > 100);
}

TEST_CASE("may_read_rtt_terms: the paths that lead to an RTT's terms or hold them") {
  for (const char* path : {"", "facts", "facts.latency", "facts.latency.users", "facts.latency.users.0", "facts.latency.users.0.terms",
                           "facts.latency.users.*.terms", "facts.latency.dependencies.2.terms", "facts.parent_region",
                           "facts.parent_region.terms", "facts.latency.users.0.terms.length"}) {
    INFO(path);
    CHECK(may_read_rtt_terms(path));
  }
  for (const char* path : {"workload", "option", "facts.residency", "facts.latency.worst_ratio", "facts.latency.users.0.rtt_ms",
                           "facts.parent_region.rtt_ms", "facts.latency.users.0.name", "item.terms", "facts.services.terms"}) {
    INFO(path);
    CHECK_FALSE(may_read_rtt_terms(path));
  }
}

// may_read_rtt_terms lists where the facts put terms: every "terms" text the
// facts of every option of every sample spec carry must be at a path it names.
TEST_CASE("may_read_rtt_terms: names every place the facts put terms") {
  std::size_t seen = 0, missed = 0;
  std::function<void(const Json&, const std::string&)> walk = [&](const Json& node, const std::string& path) {
    if (node.is_array())
      for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], path + "." + std::to_string(i));
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) {
      if (key == "terms" && value.is_string()) ++seen, missed += !may_read_rtt_terms(path + ".terms");
      walk(value, path + "." + key);
    }
  };
  for (std::size_t s = 0; s < specs().size(); s += 5) {
    const Workload& workload = specs()[s].loaded.workload;
    const FactsContext context{workload, test::default_catalog()};
    for (const Candidate& c : build_candidates(workload, test::default_catalog())) walk(derive_facts(c, context), "facts");
  }
  CHECK(seen > 1000);
  CHECK(missed == 0);
}
