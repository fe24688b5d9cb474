#include <algorithm>
#include <catch2/catch.hpp>

#include <edgeplan/rules.hpp>
#include <edgeplan/rules.hpp>

#include "fixtures.hpp"

using namespace edgeplan;
using test::input_error_text;

namespace {

std::string rule_file(const std::string& rules, const std::string& extra = "") {
  return R"({"apiVersion": "edgeplan/v1", "kind": "RuleSet", )" + extra + R"("rules": [)" + rules + "]}";
}

const char* kRule = R"({"id": "t.one", "description": "first", "effect": "exclude", "condition": true, "message": "m"})";

}  // namespace

TEST_CASE("rules: each effect is named as rule files name it", "[rules]") {
  // The names rule files use, in the order effect_names() lists them, and each
  // effect's name from to_string(Effect), which traces every rule of every option.
  const std::vector<std::string> expected{"exclude", "warn", "score", "adjust"};
  CHECK(effect_names() == expected);
  for (const Effect effect : {Effect::exclude, Effect::warn, Effect::score, Effect::adjust})
    CHECK(std::find(expected.begin(), expected.end(), to_string(effect)) - expected.begin() == static_cast<std::ptrdiff_t>(effect));
}

TEST_CASE("rules: message templates render values as people read them") {
  const Json data = {{"n", 11.83}, {"i", 5.0}, {"small", 0.354}, {"s", "us-west-2"}, {"list", {"US", "CA"}}, {"empty", Json::array()},
                     {"nums", {1.0, 2.5}}, {"nothing", nullptr}, {"obj", {{"a", 1}}}, {"item", {{"name", "Denver"}}}};
  auto render = [&](const std::string& text) { return MessageTemplate::compile(text).render(data); };
  SECTION("numbers") {
    CHECK(render("RTT {n} ms") == "RTT 11.8 ms");
    CHECK(render("{i} ms") == "5 ms");
    CHECK(render("{small}") == "0.35");
  }
  SECTION("strings and nested paths") { CHECK(render("to {item.name} from {s}") == "to Denver from us-west-2"); }
  SECTION("arrays as lists") {
    CHECK(render("({list})") == "(US, CA)");
    CHECK(render("{nums}") == "1, 2.5");
    CHECK(render("{empty}") == "none");
  }
  SECTION("null and missing values") {
    CHECK(render("{nothing}") == "unknown");
    CHECK(render("{no.such.path}") == "unknown");
  }
  SECTION("objects as JSON") { CHECK(render("{obj}") == R"({"a":1})"); }
  SECTION("plain text") {
    CHECK(render("no placeholders") == "no placeholders");
    CHECK(MessageTemplate::compile("").empty());
    CHECK(MessageTemplate::compile("x {s}").source() == "x {s}");
  }
  SECTION("malformed templates") {
    CHECK_THROWS_WITH(MessageTemplate::compile("RTT {n ms"), "unclosed \"{\" at character 5 of the template");
    CHECK_THROWS_WITH(MessageTemplate::compile("a {} b"), "empty placeholder \"{}\" at character 3 of the template");
  }
}

TEST_CASE("rules: rule file errors name the file, position and field") {
  RuleSet set;
  SECTION("duplicate id in one file") {
    CHECK(input_error_text([&] { add_rule_file(set, "r.json", rule_file(std::string(kRule) + ",\n" + kRule)); }) ==
          "edgeplan: error: r.json:2:8 (/rules/1/id): duplicate rule id \"t.one\" in this file\n");
  }
  SECTION("unknown effect with did-you-mean") {
    CHECK(input_error_text([&] {
            add_rule_file(set, "r.json", rule_file("\n" R"({"id": "t", "description": "d", "effect": "warm", "condition": true, "message": "m"})"));
          }) == "edgeplan: error: r.json:2:43 (/rules/0/effect): expected one of \"exclude\", \"warn\", \"score\", \"adjust\", got \"warm\"\n"
                "  hint: did you mean \"warn\"?\n");
  }
  SECTION("missing message on an exclude rule") {
    CHECK(input_error_text([&] { add_rule_file(set, "r.json", rule_file("\n" R"({"id": "t", "description": "d", "effect": "exclude", "condition": true})")); }) ==
          "edgeplan: error: r.json:2:1 (/rules/0): missing required field \"message\" (what the user reads when the rule fires)\n");
  }
  SECTION("unknown factor in weights") {
    CHECK(input_error_text([&] { add_rule_file(set, "r.json", rule_file("", R"("weights": {"latncy": 10}, )")); }) ==
          "edgeplan: error: r.json:1:72 (/weights/latncy): unknown factor \"latncy\"\n  hint: did you mean \"latency\"?\n");
  }
  SECTION("unknown JsonLogic operator") {
    CHECK(input_error_text([&] {
            add_rule_file(set, "r.json", rule_file("\n" R"({"id": "t", "description": "d", "effect": "exclude", "condition": {"or": [{"nope": 1}]}, "message": "m"})"));
          }) == "edgeplan: error: r.json:2:75 (/rules/0/condition/or/0): unknown operator \"nope\" at /or/0 (did you mean \"none\"?)\n");
  }
  SECTION("wrong kind") {
    CHECK(input_error_text([&] { add_rule_file(set, "r.json", R"({"apiVersion": "edgeplan/v1", "kind": "Catalog", "rules": []})"); }) ==
          "edgeplan: error: r.json:1:39 (/kind): expected \"RuleSet\", got \"Catalog\"\n");
  }
  SECTION("a failed file adds nothing") {
    CHECK_THROWS_AS(add_rule_file(set, "r.json", rule_file(std::string(kRule) + "," + kRule)), InputError);
    CHECK(set.rules.empty());
    CHECK(set.files.empty());
  }
}

TEST_CASE("rules: a later file overrides a rule with the same id in place") {
  RuleSet set;
  add_rule_file(set, "a.json", rule_file(std::string(kRule) + R"(, {"id": "t.two", "description": "second", "effect": "warn", "condition": true, "message": "w"})"));
  const std::string digest_after_one = set.digest;
  add_rule_file(set, "b.json", rule_file(R"({"id": "t.one", "description": "replaced", "effect": "warn", "severity": "error", "condition": false, "message": "m2"})"));
  REQUIRE(set.rules.size() == 2);
  CHECK(set.rules[0].id == "t.one");
  CHECK(set.rules[0].description == "replaced");
  CHECK(set.rules[0].effect == Effect::warn);
  CHECK(set.rules[0].file == "b.json");
  CHECK(set.rules[1].id == "t.two");
  CHECK(set.files == std::vector<std::string>{"a.json", "b.json"});
  CHECK(set.digest != digest_after_one);
  CHECK(set.digest.size() == 64);
  CHECK(set.rules[0].history == std::vector<std::string>{"replaced b.json from a.json"});
}

TEST_CASE("rules: later packs may tighten, never loosen") {
  RuleSet set;
  add_rule_file(set, "org/a.json",
                rule_file(std::string(kRule) + R"(, {"id": "t.two", "description": "second", "effect": "warn", "condition": true, "message": "w"})"));
  SECTION("a patch raises a severity and makes a rule non-waivable") {
    add_rule_file(set, "team/b.json", rule_file(R"({"id": "t.two", "severity": "error", "waivable": false})"));
    CHECK(set.rules[1].severity == "error");
    CHECK_FALSE(set.rules[1].waivable);
    CHECK(set.rules[1].file == "org/a.json");
    CHECK(set.rules[1].history == std::vector<std::string>{"severity warning → error by team/b.json", "made non-waivable by team/b.json"});
    SECTION("after which it cannot be redefined") {
      CHECK(input_error_text([&] {
              add_rule_file(set, "c.json", rule_file(R"({"id": "t.two", "description": "d", "effect": "warn", "severity": "error", "condition": false, "message": "m"})"));
            }) ==
            "edgeplan: error: c.json:1:67 (/rules/0/id): rule \"t.two\" is non-waivable in org/a.json and cannot be redefined by a later pack\n"
            "  hint: a later pack may only tighten it: {\"id\": …, \"severity\": \"error\"}\n");
    }
    SECTION("or made waivable again") {
      CHECK(input_error_text([&] { add_rule_file(set, "c.json", rule_file(R"({"id": "t.two", "waivable": true})")); }) ==
            "edgeplan: error: c.json:1:88 (/rules/0/waivable): rule \"t.two\" is non-waivable in org/a.json; a later pack cannot make it waivable\n");
    }
  }
  SECTION("lowering a severity is refused, by patch or by replacement") {
    CHECK(input_error_text([&] { add_rule_file(set, "team/b.json", rule_file(R"({"id": "t.one", "severity": "warning"})")); }) ==
          "edgeplan: error: team/b.json:1:88 (/rules/0/severity): rule \"t.one\" is \"error\" in org/a.json; a later pack may raise a severity, not lower it to \"warning\"\n");
    CHECK_THROWS_AS(add_rule_file(set, "team/b.json", rule_file(R"({"id": "t.one", "description": "d", "effect": "warn", "condition": false, "message": "m"})")),
                    InputError);
    CHECK(set.rules[0].severity == "error");
  }
  SECTION("a patch names an existing rule and only severity or waivable") {
    CHECK(input_error_text([&] { add_rule_file(set, "b.json", rule_file(R"({"id": "t.onw", "severity": "error"})")); }) ==
          "edgeplan: error: b.json:1:67 (/rules/0/id): no earlier rule \"t.onw\" to patch (a new rule needs \"effect\" and \"condition\")\n"
          "  hint: did you mean \"t.one\"?\n");
    CHECK_THROWS_AS(add_rule_file(set, "b.json", rule_file(R"({"id": "t.one", "message": "x"})")), InputError);
  }
}

TEST_CASE("rules: weights") {
  RuleSet set;
  add_rule_file(set, "a.json", rule_file("", R"("weights": {"latency": 35, "services": 20}, )"));
  add_rule_file(set, "b.json", rule_file("", R"("weights": {"latency": 50}, )"));
  SECTION("a later file replaces only the factors it names") {
    CHECK(set.weights == std::map<std::string, double>{{"latency", 50}, {"services", 20}});
  }
  SECTION("the workload overrides, unnamed factors weigh 0") {
    auto w = effective_weights(set, {{"services", 5}});
    CHECK(w == std::map<std::string, double>{{"capacity", 0}, {"compliance", 0}, {"latency", 50}, {"operations", 0}, {"services", 5}});
  }
  SECTION("negative weights are refused") {
    CHECK(input_error_text([&] { add_rule_file(set, "c.json", rule_file("", R"("weights": {"latency": -1}, )")); }) ==
          "edgeplan: error: c.json:1:73 (/weights/latency): expected a number >= 0, got -1\n");
  }
}

TEST_CASE("rules: the embedded defaults load") {
  const RuleSet& set = test::default_rules();
  CHECK(set.rules.size() > 10);
  CHECK(set.files.front() == "rules/default/00-weights.json");
  CHECK(set.weights == std::map<std::string, double>{{"capacity", 10}, {"compliance", 10}, {"latency", 35}, {"operations", 25}, {"services", 20}});
  for (const auto& rule : set.rules) {
    INFO(rule.id);
    CHECK_FALSE(rule.description.empty());
  }
}

TEST_CASE("rules: rule directories are read in name order") {
  MemoryFileSystem fs;
  fs.add("pack/20-b.json", rule_file(R"({"id": "t.one", "description": "from b", "effect": "exclude", "condition": true, "message": "m"})"));
  fs.add("pack/10-a.json", rule_file(kRule));
  fs.add("pack/readme.txt", "not a rule file");
  RuleSet set = load_rule_dirs(fs, {"pack"}, RuleSet{});
  CHECK(set.files == std::vector<std::string>{"pack/10-a.json", "pack/20-b.json"});
  REQUIRE(set.rules.size() == 1);
  CHECK(set.rules[0].description == "from b");
  CHECK(input_error_text([&] { load_rule_dirs(fs, {"pack/none.json"}, RuleSet{}); }) ==
        "edgeplan: error: pack/none.json: cannot read rule file (missing or not a regular file)\n");
}

TEST_CASE("rules: a rule pack may be YAML, its errors located as in JSON") {
  MemoryFileSystem fs;
  fs.add("pack/10-a.json", rule_file(kRule));
  fs.add("pack/20-b.yaml",
         "apiVersion: edgeplan/v1\n"
         "kind: RuleSet\n"
         "rules:\n"
         "  - id: t.one\n"
         "    description: from YAML\n"
         "    effect: exclude\n"
         "    condition: {\"==\": [{var: workload.spec.compute.vcpu}, 8]}\n"
         "    message: eight vCPUs\n");
  RuleSet set = load_rule_dirs(fs, {"pack"}, RuleSet{});
  CHECK(set.files == std::vector<std::string>{"pack/10-a.json", "pack/20-b.yaml"});
  REQUIRE(set.rules.size() == 1);
  CHECK(set.rules[0].description == "from YAML");
  CHECK(set.rules[0].condition.test(Json{{"workload", {{"spec", {{"compute", {{"vcpu", 8}}}}}}}}));
  CHECK_FALSE(set.rules[0].condition.test(Json{{"workload", {{"spec", {{"compute", {{"vcpu", 4}}}}}}}}));
  CHECK(set.rules[0].file == "pack/20-b.yaml");
  SECTION("an error in a YAML rule file") {
    fs.add("bad.yml", "apiVersion: edgeplan/v1\nkind: RuleSet\nrules:\n  - id: t\n    description: d\n    effect: warm\n    condition: true\n    message: m\n");
    CHECK(input_error_text([&] { load_rule_dirs(fs, {"bad.yml"}, RuleSet{}); }) ==
          "edgeplan: error: bad.yml:6:13 (/rules/0/effect): expected one of \"exclude\", \"warn\", \"score\", \"adjust\", got \"warm\"\n"
          "  hint: did you mean \"warn\"?\n");
  }
  SECTION("a directory without rule files") {
    CHECK(input_error_text([&] { load_rule_dirs(fs, {"pack/none"}, RuleSet{}); }) ==
          "edgeplan: error: pack/none: cannot read rule file (missing or not a regular file)\n");
    fs.add("empty/readme.txt", "");
    CHECK(input_error_text([&] { load_rule_dirs(fs, {"empty"}, RuleSet{}); }) ==
          "edgeplan: error: empty: no rule files (*.json, *.yaml, *.yml) in this directory\n");
  }
}

TEST_CASE("rules: the engine records findings and scores") {
  RuleSet set;
  add_rule_file(set, "r.json", rule_file(R"(
    {"id": "t.far", "description": "d", "effect": "exclude", "factor": "latency", "for_each": "facts.users",
     "condition": {">": [{"var": "item.rtt"}, {"var": "workload.max"}]}, "measured": {"var": "item.rtt"}, "required": {"var": "workload.max"},
     "unit": "ms", "message": "{item.name} {item.rtt} ms", "remedy": "budget {item.rtt} ms", "summary": "latency"},
    {"id": "t.score", "description": "d", "effect": "score", "factor": "latency", "score": 80},
    {"id": "t.cap", "description": "d", "effect": "score", "factor": "latency", "score": 150},
    {"id": "t.bonus", "description": "d", "effect": "adjust", "condition": true, "points": -5, "message": "penalty"},
    {"id": "t.zone-only", "description": "d", "effect": "warn", "applies_to": ["local-zone"], "condition": true, "message": "w"})",
                                         R"("weights": {"latency": 1}, )"));
  CompiledRules engine(set, effective_weights(set, {}));
  Evaluation ev;
  ev.option = {{"id", "x"}, {"kind", "region"}};
  ev.facts = {{"users", {{{"name", "a"}, {"rtt", 30}}, {{"name", "b"}, {"rtt", 12}}, {{"name", "c"}, {"rtt", 45}}}}};
  Json data = {{"workload", {{"max", 20}}}};
  engine.apply(ev, data);
  REQUIRE(ev.exclusions.size() == 2);
  CHECK(ev.exclusions[0].message == "a 30 ms");
  CHECK(ev.exclusions[1].message == "c 45 ms");
  CHECK(ev.exclusions[1].measured == 45);
  CHECK(ev.exclusions[1].required == 20);
  CHECK(ev.exclusions[1].remedy == "budget 45 ms");
  CHECK(ev.factor_scores.at("latency") == 80);  // the lowest score rule wins; 150 is clamped to 100 anyway
  CHECK(ev.factor_scores.at("services") == 100);
  CHECK(ev.score == 75);  // latency 80 at weight 1, others at weight 0, then -5 points
  CHECK(ev.warnings.empty());
  CHECK(ev.trace.back().rule == "t.zone-only");
  CHECK(ev.trace.back().outcome == "not applicable");
  CHECK(ev.facts.contains("users"));
  CHECK_FALSE(data.contains("item"));
}

TEST_CASE("rules: a for_each path is read as a var path") {
  // The array a rule runs over is found as {"var": path} finds it: through
  // objects, through an array by a numeric segment, and nothing (no firing)
  // where the path is absent or not an array.
  RuleSet set;
  add_rule_file(set, "r.json", rule_file(R"(
    {"id": "t.nested", "description": "d", "effect": "warn", "for_each": "facts.groups.1.members",
     "condition": {">": [{"var": "item"}, 2]}, "message": "{item} in the second group"},
    {"id": "t.absent", "description": "d", "effect": "warn", "for_each": "facts.groups.7.members", "condition": true, "message": "absent"},
    {"id": "t.scalar", "description": "d", "effect": "warn", "for_each": "facts.count", "condition": true, "message": "scalar"})"));
  CompiledRules engine(set, effective_weights(set, {}));
  Evaluation ev;
  ev.option = {{"id", "x"}, {"kind", "region"}};
  ev.facts = {{"count", 3}, {"groups", {{{"members", {9}}}, {{"members", {1, 3, 4}}}}}};
  Json data = {{"workload", Json::object()}};
  engine.apply(ev, data);
  REQUIRE(ev.warnings.size() == 2);
  CHECK(ev.warnings[0].message == "3 in the second group");
  CHECK(ev.warnings[1].message == "4 in the second group");
}
