#include <catch2/catch.hpp>

#include <edgeplan/json_document.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {
const char* kText =
    "{\n"
    "  \"a\": 1,\n"
    "  \"b\": [true, {\"c\": \"x\"}],\n"
    "  \"d/e\": null\n"
    "}\n";
}

TEST_CASE("json document: every value remembers its line and column") {
  JsonDocument doc = JsonDocument::parse("f.json", kText);
  auto at = [&](const std::string& pointer) { return test::position_text(doc, pointer); };
  SECTION("root, members and array elements") {
    CHECK(at("") == "1:1");
    CHECK(at("/a") == "2:8");
    CHECK(at("/b") == "3:8");
    CHECK(at("/b/0") == "3:9");
    CHECK(at("/b/1") == "3:15");
    CHECK(at("/b/1/c") == "3:21");
  }
  SECTION("keys with an escaped slash") { CHECK(at("/d~1e") == "4:10"); }
  SECTION("a pointer that does not exist falls back to its closest ancestor") {
    CHECK(at("/b/1/missing") == "3:15");
    CHECK(at("/nothing/here") == "1:1");
  }
  SECTION("diagnose locates a message") {
    Diagnostic d = doc.diagnose("/b/1/c", "expected number, got string \"x\"", "a hint");
    CHECK(format_diagnostic(d) == "edgeplan: error: f.json:3:21 (/b/1/c): expected number, got string \"x\"\n  hint: a hint");
  }
}

// The relaxations' patched specs are built in memory: validated again, never
// written out and parsed (a diagnostic there names the file and pointer only).
TEST_CASE("json document: a value built in memory has no text positions") {
  const JsonDocument doc = JsonDocument::in_memory("f.json", Json::parse(kText));
  CHECK(doc.value() == Json::parse(kText));
  CHECK(doc.name() == "f.json");
  CHECK(format_diagnostic(doc.diagnose("/b/1/c", "expected number")) == "edgeplan: error: f.json (/b/1/c): expected number");
}

TEST_CASE("json document: parse errors give line and column of the offending character") {
  SECTION("trailing comma in an object") {
    CHECK(test::input_error_text([] { JsonDocument::parse("f.json", "{\n  \"a\": 1,\n}"); }) ==
          "edgeplan: error: f.json:3:1: invalid JSON while parsing object key - unexpected '}'; expected string literal\n");
  }
  SECTION("truncated document") {
    CHECK(test::input_error_text([] { JsonDocument::parse("f.json", "[1, 2"); }) ==
          "edgeplan: error: f.json:1:6: invalid JSON while parsing array - unexpected end of input; expected ']'\n");
  }
  SECTION("empty or blank text") {
    const std::string expected = "edgeplan: error: f.json:1:1: file is empty; expected a JSON document\n";
    CHECK(test::input_error_text([] { JsonDocument::parse("f.json", ""); }) == expected);
    CHECK(test::input_error_text([] { JsonDocument::parse("f.json", " \n\t\n"); }) == expected);
  }
}

TEST_CASE("json document: describe_json names type and value") {
  CHECK(describe_json(Json("abc")) == "string \"abc\"");
  CHECK(describe_json(Json(std::string(50, 'x'))) == "string \"" + std::string(37, 'x') + "...\"");
  CHECK(describe_json(Json(3)) == "number 3");
  CHECK(describe_json(Json(2.5)) == "number 2.5");
  CHECK(describe_json(Json(-1)) == "number -1");
  CHECK(describe_json(Json(true)) == "boolean true");
  CHECK(describe_json(Json(nullptr)) == "null");
  CHECK(describe_json(Json::array({1})) == "array");
  CHECK(describe_json(Json::object()) == "object");
}

TEST_CASE("json document: pointer tokens escape ~ and /") {
  CHECK(pointer_token("plain") == "plain");
  CHECK(pointer_token("a/b") == "a~1b");
  CHECK(pointer_token("m~n") == "m~0n");
}

TEST_CASE("json document: read_json_file names a missing file") {
  MemoryFileSystem fs;
  fs.add("here.json", "{\"x\": 1}");
  CHECK(read_json_file(fs, "here.json").value()["x"] == 1);
  CHECK(test::input_error_text([&] { read_json_file(fs, "gone.json"); }) ==
        "edgeplan: error: gone.json: cannot read file (missing or not a regular file)\n");
}
