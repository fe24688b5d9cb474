// DataView evaluation: the same results as evaluating over the Json, whatever
// the expressions share, and whichever key an overlay binds.
#include <edgeplan/jsonlogic.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "jsonlogic_suite.hpp"

using edgeplan::jsonlogic::DataView;
using edgeplan::jsonlogic::EvalError;
using edgeplan::jsonlogic::Expression;
using edgeplan::jsonlogic::Json;
using edgeplan::jsonlogic::Limits;
using edgeplan::jsonlogic::truthy;

namespace {

const std::string& suite_dir = edgeplan::test::jsonlogic_suite_dir;
Json load_json(const std::string& path) { return edgeplan::test::load_suite_json(path); }

struct Case {
  Json logic;
  Json data;
};

// Every case of both gating suites (tests.json triples and compat-tables objects).
std::vector<Case> suite_cases() {
  std::vector<Case> cases;
  for (const Json& entry : load_json(suite_dir + "/tests.json")) {
    if (entry.is_array()) cases.push_back({entry.at(0), entry.at(1)});
  }
  for (const Json& entry : load_json(suite_dir + "/suites/compatible.json")) {
    if (entry.is_object()) cases.push_back({entry.at("rule"), entry.value("data", Json())});
  }
  return cases;
}

// The result over the Json, or the error's message: views must agree on both.
std::string outcome(const std::function<Json()>& evaluate) {
  try {
    return evaluate().dump();
  } catch (const std::exception& error) {
    return std::string("error: ") + error.what();
  }
}

std::string mismatch(const Case& test, const Expression& expression, const DataView& view) {
  const std::string expected = outcome([&] { return expression.evaluate(test.data); });
  const std::string actual = outcome([&] { return expression.evaluate(view); });
  if (actual != expected) return test.logic.dump() + " with " + test.data.dump() + ": " + actual + " vs " + expected;
  const std::string tested = outcome([&] { return Json(expression.test(view)); });
  const std::string wanted = outcome([&] { return Json(truthy(expression.evaluate(test.data))); });
  if (tested != wanted) return test.logic.dump() + " with " + test.data.dump() + ": test() " + tested + " vs " + wanted;
  return {};
}

std::string joined(const std::vector<std::string>& lines) {
  std::ostringstream out;
  for (const auto& line : lines) out << line << '\n';
  return out.str();
}

}  // namespace

TEST_CASE("jsonlogic view: every suite case gives the same result through a DataView", "[jsonlogic][view]") {
  const auto cases = suite_cases();
  REQUIRE(cases.size() == 277 + 278);
  std::vector<std::string> failures;
  std::size_t plain = 0, overlaid = 0;
  for (const Case& test : cases) {
    Expression expression;
    try {
      expression = Expression::compile(test.logic);
    } catch (const std::exception&) {
      continue;  // compile errors are covered by the suite tests
    }
    const DataView view(test.data);
    if (auto problem = mismatch(test, expression, view); !problem.empty()) failures.push_back(problem);
    ++plain;
    // Every path resolved ahead (Expression::prepare), as bench_evaluators prepares views.
    const DataView prepared(test.data);
    expression.prepare(prepared);
    if (auto problem = mismatch(test, expression, prepared); !problem.empty()) failures.push_back("prepared: " + problem);
    // The first key bound by an overlay over the rest of the data.
    if (!test.data.is_object() || test.data.empty()) continue;
    Json rest = test.data;
    const std::string key = test.data.begin().key();
    rest.erase(key);
    const DataView base(rest);
    const DataView overlay(base, key, test.data.at(key));
    if (auto problem = mismatch(test, expression, overlay); !problem.empty()) failures.push_back("overlay " + key + ": " + problem);
    const DataView prepared_base(rest);
    const DataView prepared_overlay(prepared_base, key, test.data.at(key));
    expression.prepare(prepared_overlay);
    if (auto problem = mismatch(test, expression, prepared_overlay); !problem.empty()) {
      failures.push_back("prepared overlay " + key + ": " + problem);
    }
    ++overlaid;
  }
  INFO(joined(failures));
  CHECK(failures.empty());
  CHECK(plain > 500);
  CHECK(overlaid > 100);  // the cases whose data is a non-empty object
}

TEST_CASE("jsonlogic view: expressions sharing paths and prefixes read the same data", "[jsonlogic][view]") {
  const Json data = Json::parse(R"({"a": {"b": {"c": 3}, "list": [10, 20], "s": ""}, "x": null})");
  const DataView view(data);
  // Prefixes first, then longer paths through them, then absent paths under cached ones.
  CHECK(Expression::compile(Json::parse(R"({"var": "a"})")).evaluate(view) == data["a"]);
  CHECK(Expression::compile(Json::parse(R"({"var": "a.b.c"})")).evaluate(view) == 3);
  CHECK(Expression::compile(Json::parse(R"({"var": "a.b"})")).evaluate(view) == Json{{"c", 3}});
  CHECK(Expression::compile(Json::parse(R"({"var": "a.list.1"})")).evaluate(view) == 20);
  CHECK(Expression::compile(Json::parse(R"({"var": ["a.b.d", "default"]})")).evaluate(view) == "default");
  CHECK(Expression::compile(Json::parse(R"({"var": "x.y"})")).evaluate(view) == nullptr);
  CHECK(Expression::compile(Json::parse(R"({"missing": ["a.b.c", "a.s", "a.q"]})")).evaluate(view) ==
        Json::array({"a.s", "a.q"}));
  CHECK_FALSE(Expression::compile(Json::parse(R"({"var": "a.s"})")).test(view));
  CHECK(Expression::compile(Json::parse(R"({"var": "a.list"})")).test(view));
  // A path computed at run time is looked up, not cached.
  CHECK(Expression::compile(Json::parse(R"({"var": {"cat": ["a.b", ".c"]}})")).evaluate(view) == 3);
}

TEST_CASE("jsonlogic view: an overlay binds one key without copying the data", "[jsonlogic][view]") {
  const Json data = Json::parse(R"({"facts": {"users": [{"rtt": 30}, {"rtt": 50}]}, "item": "shadowed", "limit": 40})");
  const DataView view(data);
  const Expression over = Expression::compile(Json::parse(R"({">": [{"var": "item.rtt"}, {"var": "limit"}]})"));
  const Expression whole = Expression::compile(Json::parse(R"({"var": ""})"));
  std::vector<bool> results;
  for (const Json& user : data["facts"]["users"]) {
    const DataView item_view(view, "item", user);
    results.push_back(over.test(item_view));
    CHECK(whole.evaluate(item_view)["item"] == user);  // the whole data materialises with the binding
    CHECK(whole.evaluate(item_view)["limit"] == 40);
  }
  CHECK(results == std::vector<bool>{false, true});
  CHECK(Expression::compile(Json::parse(R"({"var": "item"})")).evaluate(view) == "shadowed");
}

TEST_CASE("jsonlogic view: iterators and reduce see their own scopes", "[jsonlogic][view]") {
  const Json data = Json::parse(R"({"xs": [1, 2, 3], "k": 10})");
  const DataView view(data);
  CHECK(Expression::compile(Json::parse(R"({"map": [{"var": "xs"}, {"*": [{"var": ""}, 2]}]})")).evaluate(view) ==
        Json::array({2, 4, 6}));
  CHECK(Expression::compile(Json::parse(R"({"reduce": [{"var": "xs"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}, {"var": "k"}]})"))
            .evaluate(view) == 16);
  CHECK(Expression::compile(Json::parse(R"({"some": [{"var": "xs"}, {">": [{"var": ""}, 2]}]})")).test(view));
}

TEST_CASE("jsonlogic view: the step limit applies per evaluation", "[jsonlogic][view][limits]") {
  const Json logic = Json::parse(R"({"map": [{"var": "items"}, {"*": [{"var": ""}, 2]}]})");
  Json data;
  data["items"] = Json::array();
  for (int index = 0; index < 100; ++index) data["items"].push_back(index);
  const DataView view(data);
  CHECK(Expression::compile(logic, Limits{64, 302}).evaluate(view).size() == 100);
  const auto limited = Expression::compile(logic, Limits{64, 301});
  CHECK_THROWS_WITH(limited.evaluate(view), "rule evaluation exceeded the limit of 301 steps");
  CHECK_THROWS_AS(limited.test(view), EvalError);
}

TEST_CASE("jsonlogic view: paths compiled after the view was made resolve too", "[jsonlogic][view]") {
  const Json data = Json::parse(R"({"late": {"path": {"only": "here"}}})");
  const DataView view(data);
  const Expression expression = Expression::compile(Json::parse(R"({"var": "late.path.only"})"));
  CHECK(expression.evaluate(view) == "here");
}

// A view's slots are reused by the next view on the thread (a view per option):
// nothing one view resolved may show through in the next, nested views keep
// their own, and a path absent in one data set is found in the next.
TEST_CASE("jsonlogic view: a view never sees what an earlier or an enclosing view resolved", "[jsonlogic][view]") {
  const Expression deep = Expression::compile(Json::parse(R"({"var": "facts.latency.worst"})"));
  const Expression prefix = Expression::compile(Json::parse(R"({"var": "facts.latency"})"));
  const std::vector<Json> options = {Json::parse(R"({"facts": {"latency": {"worst": 1.5}}})"), Json::parse(R"({"facts": {}})"),
                                     Json::parse(R"({"facts": {"latency": {"worst": 9}}})"), Json::parse(R"({"facts": {"latency": {"worst": "x"}}})")};
  const std::vector<Json> expected = {1.5, nullptr, 9, "x"};
  for (int round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < options.size(); ++i) {
      const DataView view(options[i]);
      CHECK(deep.evaluate(view) == expected[i]);
      // Nested while the outer view is alive: its own slots, its own data.
      const DataView inner(options[(i + 1) % options.size()]);
      CHECK(deep.evaluate(inner) == expected[(i + 1) % options.size()]);
      CHECK(prefix.test(view) == options[i]["facts"].contains("latency"));
      CHECK(deep.evaluate(view) == expected[i]);
    }
  }
}

TEST_CASE("jsonlogic view: read_var gives the node a plain var evaluates to, uncopied", "[jsonlogic][view]") {
  // Message templates render a placeholder from read_var's node instead of
  // evaluate()'s copy: over every suite case it must be that value (null
  // when absent), and only a plain literal `var` may take that way.
  std::size_t plain = 0;
  for (const Case& c : suite_cases()) {
    INFO(c.logic.dump() << " over " << c.data.dump());
    Expression expression;
    try {
      expression = Expression::compile(c.logic);
    } catch (const std::exception&) {
      continue;
    }
    const DataView view(c.data);
    const auto node = expression.read_var(view);
    if (!node) continue;
    ++plain;
    CHECK(c.logic.is_object());
    CHECK(c.logic.begin().key() == "var");
    CHECK((*node != nullptr ? **node : Json(nullptr)) == expression.evaluate(view));
  }
  CHECK(plain > 10);
  const Json data = {{"a", {{"b", 3}}}};
  const DataView view(data);
  CHECK(*Expression::compile(Json::parse(R"({"var": "a.b"})")).read_var(view).value() == 3);
  CHECK(Expression::compile(Json::parse(R"({"var": "a.c"})")).read_var(view).value() == nullptr);
  CHECK_FALSE(Expression::compile(Json::parse(R"({"var": ["a.c", 5]})")).read_var(view).has_value());
  CHECK_FALSE(Expression::compile(Json::parse(R"({"+": [{"var": "a.b"}, 1]})")).read_var(view).has_value());
  CHECK_FALSE(Expression().read_var(view).has_value());
}

// A writer that knows where it put a node binds it: the view reads it without
// a lookup, and each path through it resolves from it. Bound, not yet read,
// a node's value is read when a rule first asks, as it is then.
TEST_CASE("DataView: a bound node is what its path reads, and paths through it resolve from it") {
  const Expression deep = Expression::compile(Json::parse(R"({"==": [{"var": "facts.group.member.inner"}, 7]})"));
  const Expression member = Expression::compile(Json::parse(R"({"var": "facts.group.member"})"));
  const Expression other = Expression::compile(Json::parse(R"({"var": "facts.group.other"})"));
  Json data = Json::parse(R"({"facts": {"group": {"member": {"inner": 6}, "other": 1}}})");
  const Json elsewhere = Json::parse(R"({"inner": 8})");
  const auto group_id = edgeplan::jsonlogic::path_id("facts.group");
  const auto member_id = edgeplan::jsonlogic::path_id("facts.group.member");
  REQUIRE(group_id);
  REQUIRE(member_id);
  CHECK_FALSE(edgeplan::jsonlogic::path_id("facts.group.never.compiled"));
  {
    const DataView view(data);
    const std::vector<std::pair<std::uint32_t, const Json*>> nodes = {{*member_id, &data["facts"]["group"]["member"]}};
    view.bind(nodes);
    data["facts"]["group"]["member"]["inner"] = 7;  // changed after binding: the value is read when asked
    CHECK(deep.test(view));
    CHECK(member.evaluate(view) == Json::parse(R"({"inner": 7})"));
    CHECK(other.evaluate(view) == 1);
  }
  {
    // The view takes the writer's word: a node bound elsewhere is what the path reads.
    const DataView view(data);
    const std::vector<std::pair<std::uint32_t, const Json*>> nodes = {{*member_id, &elsewhere}};
    view.bind(nodes);
    CHECK_FALSE(deep.test(view));
    CHECK(member.evaluate(view) == elsewhere);
  }
  {
    // A bound prefix: longer paths walk from it.
    const DataView view(data);
    const Json group = Json::parse(R"({"member": {"inner": 7}, "other": 2})");
    const std::vector<std::pair<std::uint32_t, const Json*>> nodes = {{*group_id, &group}};
    view.bind(nodes);
    CHECK(deep.test(view));
    CHECK(other.evaluate(view) == 2);
  }
  {
    // The next view of the same thread starts afresh.
    const DataView view(data);
    CHECK(other.evaluate(view) == 1);
    const DataView overlay(view, "item", elsewhere);
    CHECK_THROWS_AS(overlay.bind(std::vector<std::pair<std::uint32_t, const Json*>>{{*member_id, &elsewhere}}), std::logic_error);
  }
}
