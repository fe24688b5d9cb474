// The work budget (Limits::max_work_bytes): each operator charges what it
// builds, copies or scans, so no step takes unbounded memory or time.
#include <edgeplan/jsonlogic.hpp>

#include <string>

#include <catch2/catch.hpp>

using edgeplan::jsonlogic::EvalError;
using edgeplan::jsonlogic::Expression;
using edgeplan::jsonlogic::Json;
using edgeplan::jsonlogic::Limits;

namespace {

// The default depth and steps, and a budget of `bytes`.
Limits budget_of(std::size_t bytes) { return Limits{64, 1'000'000, bytes}; }

std::string budget_error(std::size_t bytes) {
  return "rule evaluation exceeded the work budget of " + std::to_string(bytes) + " bytes (bytes of values built, copied or scanned)";
}

// Whether evaluating `logic` over `data` stays within `bytes`.
bool fits(const Json& logic, const Json& data, std::size_t bytes) {
  try {
    Expression::compile(logic, budget_of(bytes)).evaluate(data);
    return true;
  } catch (const EvalError&) {
    return false;
  }
}

Json doubling(const char* op, Json seed) {
  return Json{{"reduce", {Json::array({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}),
                          Json{{op, {Json{{"var", "accumulator"}}, Json{{"var", "accumulator"}}}}}, std::move(seed)}}};
}

}  // namespace

TEST_CASE("jsonlogic budget: the default is 16 MiB and names itself so", "[jsonlogic][limits]") {
  CHECK(Limits{}.max_work_bytes == 16 * 1024 * 1024);
  CHECK_THROWS_WITH(Expression::compile(doubling("cat", "xxxxxxxx")).evaluate(Json::object()),
                    "rule evaluation exceeded the work budget of 16 MiB (bytes of values built, copied or scanned)");
}

TEST_CASE("jsonlogic budget: cat and merge that double a value every step stop", "[jsonlogic][limits]") {
  CHECK_THROWS_WITH(Expression::compile(doubling("cat", "xxxxxxxx"), budget_of(100000)).evaluate(Json::object()), budget_error(100000));
  CHECK_THROWS_AS(Expression::compile(doubling("merge", Json::array({1, 2, 3, 4}))).evaluate(Json::object()), EvalError);
}

TEST_CASE("jsonlogic budget: cat charges the bytes it joins", "[jsonlogic][limits]") {
  const Json logic = Json::parse(R"({"cat": [{"var": "text"}, {"var": "text"}]})");
  const Json data = {{"text", std::string(1000, 'a')}};
  CHECK(fits(logic, data, 4016));  // two reads, then the copy of the result (its node and bytes)
  CHECK_FALSE(fits(logic, data, 4015));
}

TEST_CASE("jsonlogic budget: in charges each element it compares, and the string it searches", "[jsonlogic][limits]") {
  Json data = {{"items", Json::array()}, {"text", std::string(10000, 'a')}};
  for (int index = 0; index < 1000; ++index) data["items"].push_back(index);
  const Json in_array = Json::parse(R"({"in": [-1, {"var": "items"}]})");
  CHECK_FALSE(fits(in_array, data, 1000 * sizeof(Json) - 1));
  CHECK(fits(in_array, data, 1000 * sizeof(Json) + 16));
  // A long needle that almost matches everywhere: linear, not quadratic, and charged linearly.
  const Json in_text = {{"in", {std::string(5000, 'a') + "b", Json{{"var", "text"}}}}};
  CHECK(Expression::compile(in_text).evaluate(data) == false);
  CHECK_FALSE(fits(in_text, data, 10000));
  // Long needles are searched by Knuth-Morris-Pratt: a match after a partial one is found.
  CHECK(Expression::compile(Json::parse(R"({"in": ["abcabcabcabcabcabd", "xabcabcabcabcabcabcabdx"]})")).evaluate(Json()) == true);
  CHECK(Expression::compile(Json::parse(R"({"in": ["abcabcabcabcabcabd", "xabcabcabcabcabcabcabcx"]})")).evaluate(Json()) == false);
}

TEST_CASE("jsonlogic budget: substr charges the string it scans", "[jsonlogic][limits]") {
  const Json logic = Json::parse(R"({"substr": [{"var": "text"}, -3]})");
  const Json data = {{"text", std::string(5000, 'a') + "xyz"}};
  CHECK(Expression::compile(logic).evaluate(data) == "xyz");
  CHECK_FALSE(fits(logic, data, 5000));
  CHECK(fits(logic, data, 5100));
}

TEST_CASE("jsonlogic budget: a quadratic reduce over the data stops", "[jsonlogic][limits]") {
  Json data = {{"items", Json::array()}};
  for (int index = 0; index < 2000; ++index) data["items"].push_back(index);
  const Json logic = Json::parse(R"({"reduce": [{"var": "items"}, {"merge": [{"var": "accumulator"}, [{"var": "current"}]]}, []]})");
  CHECK_THROWS_AS(Expression::compile(logic).evaluate(data), EvalError);
  // Linear work over the same data is well within it.
  CHECK(Expression::compile(Json::parse(R"({"reduce": [{"var": "items"}, {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]})"))
            .evaluate(data) == 1999000);
}

TEST_CASE("jsonlogic budget: coercing an array to a string or number charges its size", "[jsonlogic][limits]") {
  Json data = {{"items", Json::array()}};
  for (int index = 0; index < 1000; ++index) data["items"].push_back(index);
  for (const char* logic : {R"({"+": [{"var": "items"}]})", R"({"==": [{"var": "items"}, "x"]})", R"({"<": [{"var": "items"}, 1]})",
                            R"({"cat": [{"var": "items"}]})", R"({"var": {"var": "items"}})"}) {
    INFO(logic);
    CHECK_FALSE(fits(Json::parse(logic), data, 1000 * sizeof(Json)));
  }
}

TEST_CASE("jsonlogic budget: an iterator without a body still charges each element", "[jsonlogic][limits]") {
  Json data = {{"items", Json::array()}};
  for (int index = 0; index < 1000; ++index) data["items"].push_back(index);
  CHECK_FALSE(fits(Json::parse(R"({"some": [{"var": "items"}]})"), data, 1000 * sizeof(Json) - 1));
  CHECK_FALSE(fits(Json::parse(R"({"map": [{"var": "items"}]})"), data, 1000 * sizeof(Json) - 1));
}

TEST_CASE("jsonlogic budget: copying a result charges its whole tree", "[jsonlogic][limits]") {
  const Json data = {{"deep", {{"a", std::string(1000, 'x')}, {"b", Json::array({std::string(1000, 'y')})}}}};
  CHECK_FALSE(fits(Json::parse(R"({"var": "deep"})"), data, 2000));
  CHECK(fits(Json::parse(R"({"var": "deep"})"), data, 3000));
  CHECK(fits(Json::parse(R"({"!!": {"var": "deep"}})"), data, 100));  // a test reads no value
}

TEST_CASE("jsonlogic budget: the budget is per evaluation", "[jsonlogic][limits]") {
  const auto expression = Expression::compile(Json::parse(R"({"cat": [{"var": "text"}]})"), budget_of(1000));
  for (int round = 0; round < 10; ++round) CHECK(expression.evaluate(Json{{"text", std::string(450, 'a')}}).get<std::string>().size() == 450);
}
