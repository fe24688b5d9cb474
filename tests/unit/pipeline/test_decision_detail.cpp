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
#include <regex>

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

namespace {

// Every sample spec under `engine` at both details: the same eligible options,
// scores, ranking and first exclusions. How often each rule excluded an option first.
std::map<std::string, int> check_decides_as_full(const Engine& engine) {
  std::map<std::string, int> first_exclusions;
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
        ++first_exclusions[d.exclusions.front().rule];
      } else {
        CHECK(d.score == f.score);
        CHECK(d.factor_scores == f.factor_scores);
      }
      CHECK(d.trace.empty());
      CHECK(d.warnings.empty());
    }
    CHECK(ranking(decision) == ranking(full));
    CHECK(decision.summary == full.summary);
    CHECK(decision.input.spec_digest == full.input.spec_digest);
    const BatchInput input{0, spec.key, 0, {}};
    CHECK(summarize_report(decision, input, engine.catalog).excluded_by.size() == full.exclusion_counts.size());
  }
  return first_exclusions;
}

}  // namespace

TEST_CASE("decision detail: decides as the full evaluation does") {
  REQUIRE(specs().size() >= 230);
  check_decides_as_full(Engine{test::default_catalog(), test::default_rules()});
}

// A decision's report keeps its input's digests (what a batch record prints),
// worked out without copying the spec into the rules' data: they must be the
// full report's, whose record of the input is the workload as rules read it.
TEST_CASE("decision detail: the input's digests are the full report's") {
  const Engine engine{test::default_catalog(), test::default_rules()};
  for (const auto& spec : specs()) {
    INFO(spec.key);
    const Report full = recommend(spec.loaded, engine);
    const Report decision = recommend(spec.loaded, engine, Detail::decision);
    CHECK(full.input.spec == workload_json(spec.loaded.workload));
    CHECK(decision.input.spec_digest == full.input.spec_digest);
    CHECK(decision.input.sections == full.input.sections);
    CHECK(decision.input.spec.is_null());
    CHECK(decision.input.rules.empty());
  }
}

// The default rules read nothing of "workload", and a decision then leaves it
// out of the rules' data; rules that read it (examples/ci/policy/org: the
// workload's labels and support plan) must see it, as the full evaluation does.
TEST_CASE("decision detail: rules that read the workload see it") {
  CHECK(decision_needs(test::default_rules())->decision_reads.at("workload") == nullptr);
  EngineSources sources;
  sources.rule_packs = {test::source_path("examples/ci/policy/org")};
  const RuleSet rules = load_rule_set(sources, RealFileSystem());
  REQUIRE(decision_needs(rules)->decision_reads.at("workload") != nullptr);
  std::map<std::string, int> first_exclusions = check_decides_as_full(Engine{test::default_catalog(), rules});
  // Not vacuous: the PCI rule fires only where it reads the label "pci" (two
  // specs of examples/ci have it), and then excludes options first.
  CHECK(first_exclusions["org.pci.jurisdictions"] > 0);
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
    Json written;  // write_facts over the last option's, as recommend writes an excluded option's
    // The parts' nodes found once (PartNodes), as a decision finds them, in two
    // data objects taken in turn five options at a time: the nodes remembered
    // for one must not serve the other.
    Json by_nodes[2] = {{{"facts", Json::object()}}, {{"facts", Json::object()}}};
    PartNodes nodes;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Candidate* c = order[i];
      INFO(c->id);
      LazyFacts lazy(*c, context);
      for (std::size_t part = 0; part < lazy.parts().size(); ++part) lazy.build(part, recycled, {});
      Json& other = by_nodes[i / 5 % 2];
      LazyFacts found(*c, context, &nodes);
      for (std::size_t part = 0; part < found.parts().size(); ++part) found.build(part, other, {});
      const Json fresh = derive_facts(*c, context);
      CHECK(recycled["option"] == option_json(*c));
      CHECK(recycled["facts"] == fresh);
      CHECK(other["option"] == option_json(*c));
      CHECK(other["facts"] == fresh);
      write_facts(*c, context, written);
      CHECK(written == fresh);
    }
  }
}

// With a rule set's reads (RuleNeeds), a part is written only where a path of
// them leads; everything there must be what the full facts say, written over
// another option's values, and everything else may be left as it was.
namespace {

// Where `reads` leads in `got` (null reads: all of it), `got` equals `want`.
void check_read_members(const Json& got, const Json& want, const ReadPaths* reads, const std::string& path, std::size_t& checked) {
  INFO(path);
  if (reads == nullptr || reads->whole() || (!want.is_object() && !want.is_array())) {
    CHECK(got == want);
    ++checked;
    return;
  }
  if (want.is_array()) {
    REQUIRE(got.is_array());
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) check_read_members(got[i], want[i], reads->element(), path + "." + std::to_string(i), checked);
    return;
  }
  REQUIRE(got.is_object());
  for (const auto& [name, below] : reads->members()) {
    if (!want.contains(name)) continue;  // a path the facts do not have (e.g. "accumulator")
    REQUIRE(got.contains(name));
    check_read_members(got[name], want[name], &below, path + "." + name, checked);
  }
}

// Writes every part under `reads` over the recycled data of the spec's other
// options, forwards then backwards, and checks each against the full facts.
std::size_t check_facts_under(const ReadPaths& reads) {
  const std::vector<std::string>& parts = LazyFacts::part_names();
  std::size_t checked = 0;
  Json recycled = {{"facts", Json::object()}};
  for (std::size_t s = 0; s < specs().size(); s += 3) {
    const Spec& spec = specs()[s];
    INFO(spec.key);
    const Workload& workload = spec.loaded.workload;
    const auto candidates = build_candidates(workload, test::default_catalog());
    FactsContext context{workload, test::default_catalog(), nullptr};
    context.describe_terms = false;  // as a decision writes them
    context.leg_texts = false;
    std::vector<const Candidate*> order;
    for (const auto& c : candidates) order.push_back(&c);
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) order.push_back(&*it);
    for (const Candidate* c : order) {
      INFO(c->id);
      LazyFacts lazy(*c, context);
      Json full = {{"option", option_json(*c)}, {"facts", derive_facts(*c, context)}};
      for (std::size_t part = 0; part < parts.size(); ++part) {
        const ReadPaths* part_reads = reads.at(parts[part]);
        if (part_reads == nullptr) continue;  // no rule reads the part: it is never built
        lazy.build(part, recycled, PartWrite{part_reads, nullptr});
        const Json::json_pointer pointer("/" + std::regex_replace(parts[part], std::regex("\\."), "/"));
        check_read_members(recycled[pointer], full[pointer], part_reads, parts[part], checked);
      }
    }
  }
  return checked;
}

}  // namespace

TEST_CASE("facts: a part written for a rule set's reads holds, where they lead, the full facts") {
  const std::shared_ptr<const RuleNeeds> needs = decision_needs(test::default_rules());
  // Not vacuous: a decision reads far fewer members than there are, and the
  // user groups' elements are written member by member.
  CHECK(needs->decision_reads.at("facts.residency")->members().size() < 8);
  CHECK_FALSE(needs->decision_reads.at("facts.latency.users")->element()->whole());
  CHECK(check_facts_under(needs->decision_reads) > 10000);
  CHECK(check_facts_under(needs->exclusion_reads) > 10000);
  // Every member of every group at once, each read whole, and one group whole.
  ReadPaths each;
  ReadPaths one_group;
  one_group.add("facts.latency.users.*.rtt_ms");
  one_group.add("facts.services");
  const Workload& workload = specs().front().loaded.workload;
  const auto candidates = build_candidates(workload, test::default_catalog());
  const FactsContext context{workload, test::default_catalog(), nullptr};
  const Json facts = derive_facts(candidates.front(), context);
  for (const auto& [group, members] : facts.items())
    if (members.is_object())
      for (const auto& [name, value] : members.items()) each.add("facts." + group + "." + name);
  CHECK(check_facts_under(each) > 10000);
  CHECK(check_facts_under(one_group) > 1000);
}

// The reads a rule set's decision and exclusions have: what deciding each
// rule reads (its "item" an element of its for_each array, named by "name"),
// and what its finding reads only where the finding is complete.
TEST_CASE("RuleNeeds: the members a decision and the exclusions read") {
  RuleSet rules;
  add_rule_file(rules, "reads.json", R"({"apiVersion": "edgeplan/v1", "kind": "RuleSet", "rules": [
    {"id": "t.each", "description": "d", "effect": "exclude", "factor": "latency", "for_each": "facts.latency.users",
     "condition": {">": [{"var": "item.rtt_ms"}, 5]}, "message": "{item.path} {facts.residency.country}", "summary": "{facts.services.missing_count}"},
    {"id": "t.warn", "description": "d", "effect": "warn", "condition": {"var": "facts.account.stale"}, "message": "m"},
    {"id": "t.score", "description": "d", "effect": "score", "factor": "latency", "condition": true, "score": {"var": "facts.latency.weighted_ratio"}},
    {"id": "t.adjust", "description": "d", "effect": "adjust", "points": -5, "condition": {"var": "option.is_outposts"}, "message": "{facts.operations.lifecycle}"}]})");
  const RuleNeeds needs(rules, LazyFacts::part_names());
  const ReadPaths& decision = needs.decision_reads;
  const ReadPaths* item = decision.at("facts.latency.users")->element();
  CHECK(item->member("rtt_ms"));
  CHECK(item->member("name"));
  CHECK(item->member("path") == nullptr);                       // its message: not read to decide
  CHECK(decision.at("facts.residency") == nullptr);             // nor here
  CHECK(decision.at("facts.services.missing_count"));           // its summary is
  CHECK(decision.at("facts.account") == nullptr);               // warn rules are not evaluated
  CHECK(decision.at("facts.latency.weighted_ratio"));           // score rules are
  CHECK(decision.at("facts.operations.lifecycle"));             // an adjust rule's finding is complete
  CHECK(decision.at("option.is_outposts"));
  const ReadPaths& exclusions = needs.exclusion_reads;
  CHECK(exclusions.at("facts.latency.users")->element()->member("path"));
  CHECK(exclusions.at("facts.residency.country"));
  CHECK(exclusions.at("facts.latency.weighted_ratio") == nullptr);
  CHECK(exclusions.at("option") == nullptr);
  // A condition that reads its own for_each array as a `var` reads every element whole.
  RuleSet whole_array;
  add_rule_file(whole_array, "whole.json", R"({"apiVersion": "edgeplan/v1", "kind": "RuleSet", "rules": [
    {"id": "t.array", "description": "d", "effect": "exclude", "factor": "latency", "for_each": "facts.latency.users",
     "condition": {"some": [{"var": "facts.latency.users"}, {">": [{"var": "rtt_ms"}, 5]}]}, "message": "m", "summary": "s"}]})");
  CHECK(RuleNeeds(whole_array, LazyFacts::part_names()).decision_reads.at("facts.latency.users")->element()->whole());
  // RuleNeeds reads a rule's recorded reads as its expressions' paths, then its for_each array.
  for (const Rule& rule : test::default_rules().rules) {
    if (rule.for_each.empty()) continue;
    INFO(rule.id);
    CHECK(rule.reads.paths.back() == rule.for_each);
    CHECK(rule.reads_to_decide.paths.back() == rule.for_each);
  }
  // What each part reads, as the rules' data hands it to the builder.
  const std::vector<std::string>& parts = LazyFacts::part_names();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    CHECK(needs.decision_part_reads[i] == decision.at(parts[i]));
    CHECK(needs.exclusion_part_reads[i] == exclusions.at(parts[i]));
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

// The facts ask the catalog's service index (bits) instead of the sites'
// service sets where the catalog has one; every fact of every option of the
// sample specs must be the same either way.
TEST_CASE("facts: the catalog's service index changes no fact") {
  std::size_t options = 0, with_services = 0;
  for (const Spec& spec : specs()) {
    INFO(spec.key);
    const Workload& workload = spec.loaded.workload;
    const auto candidates = build_candidates(workload, test::default_catalog());
    FactsContext indexed{workload, test::default_catalog(), nullptr};
    FactsContext by_sets{workload, test::default_catalog(), nullptr};
    REQUIRE(indexed.services.index != nullptr);
    by_sets.services.index = nullptr;
    for (const auto& c : candidates) {
      INFO(c.id);
      const Json facts = derive_facts(c, indexed);
      CHECK(facts == derive_facts(c, by_sets));
      ++options;
      with_services += !facts["services"]["from_parent_region"].empty() || !facts["residency"]["parent_region_data"].empty();
    }
  }
  CHECK(options > 10000);
  CHECK(with_services > 1000);  // not vacuous: options use services from their parent Region, some that keep data
}

// A decision walks the rules listed for its option's kind (RuleNeeds::by_kind):
// each list must hold exactly the rules whose applies_to names the kind (or
// that name none), in rule order.
TEST_CASE("RuleNeeds: the rules listed for each option kind are those that apply to it, in order") {
  const RuleSet& rules = test::default_rules();
  const RuleNeeds needs(rules, LazyFacts::part_names());
  std::size_t limited = 0;
  for (std::size_t k = 0; k < kSiteKindCount; ++k) {
    const std::string kind = to_string(static_cast<SiteKind>(k));
    INFO(kind);
    const RuleNeeds::KindRules& listed = needs.by_kind[k];
    std::vector<std::size_t> exclude, decide;
    for (std::size_t i = 0; i < rules.rules.size(); ++i) {
      const Rule& rule = rules.rules[i];
      INFO(rule.id);
      const bool applies = rule.kinds.empty() || std::count(rule.kinds.begin(), rule.kinds.end(), kind) > 0;
      CHECK(((listed.applies[i / 64] >> (i % 64)) & 1) == (applies ? 1u : 0u));
      limited += !applies;
      if (applies && rule.effect == Effect::exclude) exclude.push_back(i);
      if (applies && (rule.effect == Effect::score || rule.effect == Effect::adjust)) decide.push_back(i);
    }
    CHECK(listed.exclude == exclude);
    CHECK(listed.decide == decide);
  }
  CHECK(limited > 0);  // not vacuous: some default rules leave some kinds out
}

// A batch makes the catalog's site candidates once (Engine::site_candidates)
// and each decision adds the workload's own: the decisions must be those made
// with every candidate made per workload, in the same order. Site candidates
// of another catalog (here a copy) are not used.
TEST_CASE("decision detail: the engine's shared site candidates decide as candidates made per workload") {
  const Catalog& catalog = test::default_catalog();
  const Engine plain{catalog, test::default_rules()};
  Engine shared{catalog, test::default_rules()};
  shared.site_candidates = std::make_shared<const std::vector<Candidate>>(site_candidates(catalog));
  const Catalog copy = catalog;
  Engine foreign{catalog, test::default_rules()};
  foreign.site_candidates = std::make_shared<const std::vector<Candidate>>(site_candidates(copy));
  std::size_t with_own = 0;
  for (std::size_t s = 0; s < specs().size(); s += 2) {
    const Spec& spec = specs()[s];
    INFO(spec.key);
    const Report want = recommend(spec.loaded, plain, Detail::decision);
    CHECK(want.site_candidates == nullptr);
    for (const Engine* engine : {&shared, &foreign}) {
      const Report got = recommend(spec.loaded, *engine, Detail::decision);
      CHECK(got.site_candidates == (engine == &shared ? shared.site_candidates : nullptr));
      REQUIRE(got.evaluations.size() == want.evaluations.size());
      for (std::size_t i = 0; i < want.evaluations.size(); ++i) {
        const Evaluation& w = want.evaluations[i];
        const Evaluation& g = got.evaluations[i];
        INFO(w.candidate->id);
        REQUIRE(g.candidate->id == w.candidate->id);
        CHECK(g.candidate->site == w.candidate->site);
        REQUIRE(g.excluded() == w.excluded());
        if (w.excluded()) CHECK(g.exclusions.front().summary == w.exclusions.front().summary);
        else CHECK(g.score == w.score);
      }
      CHECK(ranking(got) == ranking(want));
      CHECK(got.summary == want.summary);
    }
    with_own += want.evaluations.size() > catalog.sites.size();
  }
  CHECK(with_own > 10);  // not vacuous: specs with Outposts of their own follow the shared sites
}
