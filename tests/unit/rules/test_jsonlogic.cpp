#include <edgeplan/jsonlogic.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "jsonlogic_suite.hpp"

using edgeplan::jsonlogic::CompileError;
using edgeplan::jsonlogic::EvalError;
using edgeplan::jsonlogic::Expression;
using edgeplan::jsonlogic::Json;
using edgeplan::jsonlogic::Limits;

namespace {

const std::string& suite_dir = edgeplan::test::jsonlogic_suite_dir;
Json load_json(const std::string& path) { return edgeplan::test::load_suite_json(path); }

// Suite results are compared as JSON values with numbers compared numerically,
// because the suites write 1 where we may produce 1.0 and vice versa.
bool same_json(const Json& actual, const Json& expected) {
  if (actual.is_number() && expected.is_number()) return actual.get<double>() == expected.get<double>();
  if (actual.type() != expected.type()) return false;
  if (actual.is_array()) {
    return actual.size() == expected.size() &&
           std::equal(actual.begin(), actual.end(), expected.begin(), same_json);
  }
  if (actual.is_object()) {
    if (actual.size() != expected.size()) return false;
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key) || !same_json(actual.at(key), value)) return false;
    }
    return true;
  }
  return actual == expected;
}

Json run(const Json& logic, const Json& data = nullptr) { return Expression::compile(logic).evaluate(data); }

struct SuiteCase {
  std::string label;
  Json logic;
  Json data;
  Json expected;
  bool expects_error = false;
};

// Returns a description of the failure, or an empty string when the case passes.
std::string check_case(const SuiteCase& test) {
  try {
    const Json actual = run(test.logic, test.data);
    if (test.expects_error) return "expected an error, got " + actual.dump();
    if (same_json(actual, test.expected)) return {};
    return "expected " + test.expected.dump() + ", got " + actual.dump();
  } catch (const CompileError& error) {
    // An operator we do not implement is not the error a newer-dialect case expects.
    const bool unsupported = std::string(error.what()).starts_with("unknown operator");
    return test.expects_error && !unsupported ? std::string() : std::string("threw: ") + error.what();
  } catch (const std::exception& error) {
    return test.expects_error ? std::string() : std::string("threw: ") + error.what();
  }
}

// tests.json: [logic, data, expected] triples between string section headers.
std::vector<SuiteCase> classic_cases(const Json& suite) {
  std::vector<SuiteCase> cases;
  for (const Json& entry : suite) {
    if (!entry.is_array()) continue;
    cases.push_back({"case " + std::to_string(cases.size()), entry.at(0), entry.at(1), entry.at(2)});
  }
  return cases;
}

// compat-tables: {description, rule, data?, result | error} objects between headers.
std::vector<SuiteCase> compat_cases(const Json& suite) {
  std::vector<SuiteCase> cases;
  for (const Json& entry : suite) {
    if (!entry.is_object()) continue;
    cases.push_back({"case " + std::to_string(cases.size()) + " (" + entry.value("description", "") + ")",
                     entry.at("rule"), entry.value("data", Json()), entry.value("result", Json()),
                     entry.contains("error")});
  }
  return cases;
}

std::vector<std::string> failures_of(const std::vector<SuiteCase>& cases) {
  std::vector<std::string> failures;
  for (const SuiteCase& test : cases) {
    const std::string problem = check_case(test);
    if (!problem.empty()) {
      failures.push_back(test.label + ": " + test.logic.dump() + " with data " + test.data.dump() + ": " + problem);
    }
  }
  return failures;
}

std::string joined(const std::vector<std::string>& lines) {
  std::ostringstream out;
  for (const auto& line : lines) out << line << '\n';
  return out.str();
}

std::string compile_error_message(const Json& logic, const Limits& limits = {}) {
  try {
    Expression::compile(logic, limits);
  } catch (const CompileError& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("jsonlogic passes every case of the official tests.json", "[jsonlogic][suite]") {
  const auto cases = classic_cases(load_json(suite_dir + "/tests.json"));
  REQUIRE(cases.size() == 277);
  const auto failures = failures_of(cases);
  INFO(joined(failures));
  CHECK(failures.empty());
}

TEST_CASE("jsonlogic passes every case of compat-tables compatible.json", "[jsonlogic][suite]") {
  const auto cases = compat_cases(load_json(suite_dir + "/suites/compatible.json"));
  REQUIRE(cases.size() == 278);
  const auto failures = failures_of(cases);
  INFO(joined(failures));
  CHECK(failures.empty());
}

// Not a gate: the other compat-tables suites target newer JsonLogic dialects
// (val, ??, throw, NaN errors). Run with `[.jsonlogic-suites]` to print pass counts.
TEST_CASE("jsonlogic pass counts of the other compat-tables suites", "[.jsonlogic-suites]") {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(suite_dir + "/suites")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const auto cases = compat_cases(load_json(file.string()));
    const auto failures = failures_of(cases);
    std::cout << std::filesystem::relative(file, suite_dir + "/suites").string() << ": "
              << cases.size() - failures.size() << "/" << cases.size() << '\n';
  }
}

TEST_CASE("jsonlogic truthiness follows JsonLogic, not JavaScript", "[jsonlogic]") {
  using edgeplan::jsonlogic::truthy;
  CHECK_FALSE(truthy(Json(false)));
  CHECK_FALSE(truthy(Json(nullptr)));
  CHECK_FALSE(truthy(Json(0)));
  CHECK_FALSE(truthy(Json(0.0)));
  CHECK_FALSE(truthy(Json("")));
  CHECK_FALSE(truthy(Json::array()));
  CHECK(truthy(Json(true)));
  CHECK(truthy(Json(1)));
  CHECK(truthy(Json(-0.5)));
  CHECK(truthy(Json("0")));
  CHECK(truthy(Json("false")));
  CHECK(truthy(Json::array({0})));
  CHECK(truthy(Json::object()));
}

TEST_CASE("jsonlogic unknown operators are rejected at compile time", "[jsonlogic]") {
  SECTION("message and pointer name the node") {
    const Json logic = Json::parse(R"({"and": [true, {"foo": 1}]})");
    CHECK(compile_error_message(logic) == R"(unknown operator "foo" at /and/1)");
    try {
      Expression::compile(logic);
      FAIL("compile accepted an unknown operator");
    } catch (const CompileError& error) {
      CHECK(error.pointer() == "/and/1");
    }
  }
  SECTION("a close operator name is suggested") {
    CHECK(compile_error_message(Json::parse(R"({"if": [{"mising": "a"}, 1, 2]})")) ==
          R"(unknown operator "mising" at /if/0 (did you mean "missing"?))");
    CHECK(compile_error_message(Json::parse(R"({"=<": [1, 2]})")) ==
          R"(unknown operator "=<" at the rule root (did you mean "<="?))");
    CHECK(compile_error_message(Json::parse(R"({"AND": [true]})")) ==
          R"(unknown operator "AND" at the rule root (did you mean "and"?))");
  }
  SECTION("pointer tokens are escaped") {
    CHECK(compile_error_message(Json::parse(R"({"/": [1, {"frobnicate": 2}]})")) ==
          R"(unknown operator "frobnicate" at /~1/1)");
  }
  SECTION("an object with several keys is data, not an operator") {
    const Json data_object = Json::parse(R"({"foo": 1, "bar": 2})");
    CHECK(run(data_object) == data_object);
    CHECK(run(Json::object()) == Json::object());
  }
}

TEST_CASE("jsonlogic compile limits rule nesting depth", "[jsonlogic][limits]") {
  const auto nested_not = [](std::size_t depth) {
    Json logic = true;
    for (std::size_t level = 0; level < depth; ++level) logic = Json{{"!", Json::array({logic})}};
    return logic;
  };
  const Limits limits{4, 1000};
  CHECK_NOTHROW(Expression::compile(nested_not(4), limits));
  CHECK(compile_error_message(nested_not(5), limits) ==
        "rule nesting depth 5 exceeds the limit of 4 at /!/0/!/0/!/0/!/0");
  CHECK_THROWS_AS(Expression::compile(nested_not(200)), CompileError);  // default limit is 64
}

TEST_CASE("jsonlogic evaluate stops after max_steps", "[jsonlogic][limits]") {
  const Json logic = Json::parse(R"({"map": [{"var": "items"}, {"*": [{"var": ""}, 2]}]})");
  Json data;
  data["items"] = Json::array();
  for (int index = 0; index < 100; ++index) data["items"].push_back(index);

  // 1 (map) + 1 (var items) + 100 * 3 (*, var, constant 2) = 302 steps.
  CHECK(Expression::compile(logic, Limits{64, 302}).evaluate(data).size() == 100);
  const auto limited = Expression::compile(logic, Limits{64, 301});
  CHECK_THROWS_WITH(limited.evaluate(data), "rule evaluation exceeded the limit of 301 steps");
  CHECK_THROWS_AS(limited.evaluate(data), EvalError);
  // The budget is per evaluation, not per expression.
  CHECK(limited.evaluate(Json{{"items", {1, 2}}}) == Json::array({2, 4}));
}

TEST_CASE("jsonlogic var reads paths into nested arrays and objects", "[jsonlogic]") {
  const Json data = Json::parse(R"({"hosts": [{"ports": [80, 443]}, {"ports": [22, 8080]}], "1": "one"})");
  CHECK(run({{"var", "hosts.1.ports.1"}}, data) == 8080);
  CHECK(run({{"var", "hosts.2.ports.0"}}, data) == nullptr);
  CHECK(run({{"var", Json::array({"hosts.0.ports.9", "fallback"})}}, data) == "fallback");
  CHECK(run({{"var", "hosts.01"}}, data) == nullptr);  // not a canonical index, as in JavaScript
  CHECK(run({{"var", 1}}, data) == "one");
  CHECK(run({{"var", "hosts.0"}}, data) == data["hosts"][0]);
}

TEST_CASE("jsonlogic log returns its argument and prints nothing", "[jsonlogic]") {
  std::ostringstream captured;
  auto* const cout_buffer = std::cout.rdbuf(captured.rdbuf());
  auto* const cerr_buffer = std::cerr.rdbuf(captured.rdbuf());
  const Json result = run(Json::parse(R"({"log": {"var": "x"}})"), Json{{"x", "hello"}});
  std::cout.rdbuf(cout_buffer);
  std::cerr.rdbuf(cerr_buffer);
  CHECK(result == "hello");
  CHECK(captured.str().empty());
}

TEST_CASE("jsonlogic a compiled expression is reused across data", "[jsonlogic]") {
  const auto expression = Expression::compile(Json::parse(
      R"({"and": [{"<=": [{"var": "facts.latency.worst_rtt_ms"}, {"var": "workload.latency.max_rtt_ms"}]},
                  {"in": ["RDS", {"var": "facts.services.missing_local"}]}]})"));
  const auto data = [](int rtt, const char* missing) {
    return Json{{"facts", {{"latency", {{"worst_rtt_ms", rtt}}}, {"services", {{"missing_local", {missing}}}}}},
                {"workload", {{"latency", {{"max_rtt_ms", 40}}}}}};
  };
  CHECK(expression.evaluate(data(30, "RDS")) == true);
  CHECK(expression.evaluate(data(50, "RDS")) == false);
  CHECK(expression.evaluate(data(30, "S3")) == false);
  CHECK(expression.evaluate(data(40, "RDS")) == true);
}

TEST_CASE("jsonlogic integral numbers come out as JSON integers", "[jsonlogic]") {
  CHECK(run(Json::parse(R"({"+": [1, 1]})")).is_number_integer());
  CHECK(run(Json::parse(R"({"*": [1.5, 2]})")).is_number_integer());
  CHECK(run(Json::parse(R"({"+": "3"})")) == 3);
  CHECK(run(Json::parse(R"({"/": [1, 2]})")).is_number_float());
  CHECK(run(Json::parse(R"({"/": [1, 0]})")) == nullptr);  // Infinity, as JSON.stringify prints it
  CHECK(run(Json::parse(R"({"+": ["abc"]})")) == nullptr);  // NaN
  CHECK(run(Json::parse(R"({"var": "big"})"), Json{{"big", 9007199254740993LL}}) == 9007199254740993LL);
  CHECK(run(Json::parse("2.0")).is_number_integer());
}

TEST_CASE("jsonlogic follows JavaScript coercions", "[jsonlogic]") {
  CHECK(run(Json::parse(R"({"cat": [{"+": [0.1, 0.2]}, "|", 1e21, "|", 1.5e-7, "|", null, true]})")) ==
        "0.30000000000000004|1e+21|1.5e-7|true");
  CHECK(run(Json::parse(R"({"cat": [[1, [2, 3]], {"a": 1, "b": 2}]})")) == "1,2,3[object Object]");
  CHECK(run(Json::parse(R"({"<": ["10", "9"]})")) == true);  // two strings compare as text
  CHECK(run(Json::parse(R"({"<": ["10", 9]})")) == false);
  CHECK(run(Json::parse(R"({">": ["abc", 1]})")) == false);  // NaN compares false
  CHECK(run(Json::parse(R"({"==": [[1], "1"]})")) == true);
  CHECK(run(Json::parse(R"({"==": [null, 0]})")) == false);
  CHECK(run(Json::parse(R"({"==": [true, "1"]})")) == true);
  CHECK(run(Json::parse(R"({"==": [" 0x10 ", 16]})")) == true);
  CHECK(run(Json::parse(R"({"===": [[1], [1]]})")) == false);  // distinct arrays
  CHECK(run(Json::parse(R"({"+": ["3px", 1]})")) == 4);       // parseFloat
  CHECK(run(Json::parse(R"({"-": ["3px", 1]})")) == nullptr);  // Number() gives NaN
  CHECK(run(Json::parse(R"({"%": [-7, 3]})")) == -1);
  CHECK(run(Json::parse(R"({"in": [1, "a1"]})")) == true);
  CHECK(run(Json::parse(R"({"in": ["1", [1]]})")) == false);  // arrays use ===
  CHECK(run(Json::parse(R"({"substr": ["héllo", 1, 3]})")) == "éll");
  CHECK(run(Json::parse(R"({"max": []})")) == nullptr);
  CHECK(run(Json::parse(R"({"and": []})")) == nullptr);
}

TEST_CASE("jsonlogic reduce sees current and accumulator only", "[jsonlogic]") {
  const Json logic = Json::parse(
      R"({"reduce": [{"var": "xs"}, {"merge": [{"var": "accumulator"}, [{"var": "current.n"}, {"var": "xs"}]]}, []]})");
  CHECK(run(logic, Json::parse(R"({"xs": [{"n": 1}, {"n": 2}]})")) == Json::parse("[1, null, 2, null]"));
}

TEST_CASE("jsonlogic default expression and operator names", "[jsonlogic]") {
  CHECK(Expression().evaluate(Json{{"a", 1}}) == nullptr);
  const auto& names = edgeplan::jsonlogic::operator_names();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(names.size() == 35);
  CHECK(std::find(names.begin(), names.end(), "missing_some") != names.end());
}
