// YAML documents: the same Json a JSON file gives, a line:column for every
// pointer, YAML 1.2 core scalars, and every way a YAML file can be wrong.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <edgeplan/file_system.hpp>
#include <edgeplan/json_document.hpp>

#include "fixtures.hpp"

using namespace edgeplan;
using test::input_error_text;

namespace {

const char* kText =
    "# a comment\n"
    "a: 1\n"
    "b:\n"
    "  - true\n"
    "  - c: x\n"
    "    d: [1, {e: 2}]\n"
    "f:\n"
    "g: {h: null}\n";

std::string error_of(std::string_view text) {
  return input_error_text([&] { JsonDocument::parse_yaml("f.yaml", text); });
}

}  // namespace

TEST_CASE("yaml document: every value remembers its line and column") {
  JsonDocument doc = JsonDocument::parse_yaml("f.yaml", kText);
  CHECK(doc.value() == Json::parse(R"({"a": 1, "b": [true, {"c": "x", "d": [1, {"e": 2}]}], "f": null, "g": {"h": null}})"));
  auto at = [&](const std::string& pointer) { return test::position_text(doc, pointer); };
  SECTION("scalars and flow collections where their text starts") {
    CHECK(at("/a") == "2:4");
    CHECK(at("/b/0") == "4:5");
    CHECK(at("/b/1/c") == "5:8");
    CHECK(at("/b/1/d") == "6:8");
    CHECK(at("/b/1/d/1/e") == "6:16");
    CHECK(at("/g") == "8:4");
  }
  SECTION("block collections and empty values at their key, list items at their dash's content") {
    CHECK(at("") == "2:1");
    CHECK(at("/b") == "3:1");
    CHECK(at("/b/1") == "5:5");
    CHECK(at("/f") == "7:1");
  }
  SECTION("a pointer that does not exist falls back to its closest ancestor") { CHECK(at("/b/1/missing") == "5:5"); }
  SECTION("diagnose locates a message as for JSON") {
    CHECK(format_diagnostic(doc.diagnose("/b/1/c", "expected number, got string \"x\"")) ==
          "edgeplan: error: f.yaml:5:8 (/b/1/c): expected number, got string \"x\"");
  }
}

TEST_CASE("yaml document: scalars follow the YAML 1.2 core schema") {
  const Json v = JsonDocument::parse_yaml("f.yaml",
                                          "int: 42\nneg: -7\nplus: +3\nhex: 0x1F\noct: 0o17\nfloat: 0.6\nexp: 1e3\n"
                                          "yes: true\nno: FALSE\nnull1: null\nnull2: ~\nempty:\n"
                                          "quoted: \"0.6\"\nsingle: 'true'\nword: yes\nversion: 1.2.3\nblock: |\n  two\n  lines\n"
                                          "tagged: !!str 5\nfloat_tag: !!float 2\n")
                     .value();
  CHECK(v["int"] == 42);
  CHECK(v["int"].is_number_unsigned());  // as nlohmann reads the JSON 42
  CHECK(v["neg"] == -7);
  CHECK(v["plus"] == 3);
  CHECK(v["hex"] == 31);
  CHECK(v["oct"] == 15);
  CHECK(v["float"] == 0.6);
  CHECK(v["exp"] == 1000.0);
  CHECK(v["yes"] == true);
  CHECK(v["no"] == false);
  CHECK(v["null1"].is_null());
  CHECK(v["null2"].is_null());
  CHECK(v["empty"].is_null());
  SECTION("quoted, block and !!str scalars are strings") {
    CHECK(v["quoted"] == "0.6");
    CHECK(v["single"] == "true");
    CHECK(v["block"] == "two\nlines\n");
    CHECK(v["tagged"] == "5");
  }
  SECTION("YAML 1.1 booleans and other words stay strings") {
    CHECK(v["word"] == "yes");
    CHECK(v["version"] == "1.2.3");
  }
  CHECK(v["float_tag"].is_number_float());
}

TEST_CASE("yaml document: anchors, aliases and merge keys are resolved") {
  const Json v = JsonDocument::parse_yaml("f.yaml",
                                          "base: &base {access: fixed, share: 0.5}\n"
                                          "copy: *base\n"
                                          "merged:\n  <<: *base\n  share: 0.25\n")
                     .value();
  CHECK(v["copy"] == v["base"]);
  CHECK(v["merged"] == Json::parse(R"({"access": "fixed", "share": 0.25})"));
}

TEST_CASE("yaml document: errors give the file, line and column") {
  SECTION("syntax") {
    CHECK(error_of("spec:\n  users: [1, 2\n") == "edgeplan: error: f.yaml:3:1: YAML syntax: end of sequence flow not found\n");
    CHECK(error_of("a: b: c\n") == "edgeplan: error: f.yaml:1:5: YAML syntax: illegal map value\n");
  }
  SECTION("a duplicate key") {
    CHECK(error_of("spec:\n  users: []\n  latency: {}\n  users: []\n") ==
          "edgeplan: error: f.yaml:4:3 (/spec/users): duplicate key \"users\" (first at line 2, column 3)\n");
  }
  SECTION("several documents") {
    CHECK(error_of("a: 1\n---\nb: 2\n") == "edgeplan: error: f.yaml:3:1: expected one document, found 2 (\"---\" starts another)\n");
  }
  SECTION("empty or only comments") {
    CHECK(error_of("") == "edgeplan: error: f.yaml:1:1: file is empty; expected a YAML document\n");
    CHECK(error_of("# nothing\n") == "edgeplan: error: f.yaml:1:1: file is empty; expected a YAML document\n");
  }
  SECTION("a key that is not a string") {
    CHECK(error_of("a:\n  ? [1, 2]\n  : x\n") == "edgeplan: error: f.yaml:2:5 (/a): a mapping key must be a string, not a null, list or mapping\n");
  }
  SECTION("a tag edgeplan does not read") {
    CHECK(error_of("a: !!int 1.5\n") ==
          "edgeplan: error: f.yaml:1:4 (/a): YAML tag !!int does not fit \"1.5\"; edgeplan reads the core tags !!str, !!int, !!float, !!bool\n");
    CHECK(error_of("a: !point {x: 1}\n") == "edgeplan: error: f.yaml:1:4 (/a): YAML tag !point is not supported here\n");
  }
  SECTION("a merge key of a scalar") {
    CHECK(error_of("a:\n  <<: 1\n") == "edgeplan: error: f.yaml:2:3 (/a): a merge key (<<) takes a mapping or a list of mappings\n");
  }
}

TEST_CASE("yaml document: aliases cannot blow up") {
  SECTION("a billion laughs stops at a million values") {
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'i'; ++c)
      text += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", c, static_cast<char>(c - 1));
    CHECK(error_of(text) == "edgeplan: error: f.yaml:1:35: YAML document expands to more than 1000000 values (aliases repeating aliases?)\n");
  }
  SECTION("an alias inside its own anchor") {
    CHECK(error_of("a: &a [*a]\n") == "edgeplan: error: f.yaml:1:4: nesting deeper than 256 levels; expected at most 256 sequences and mappings inside each other (an alias inside its own anchor?)\n");
  }
}

TEST_CASE("yaml document: the file's name picks the format, standard input is sniffed") {
  MemoryFileSystem fs;
  fs.add("a.json", R"({"x": 1})");
  fs.add("a.yaml", "x: 1\n");
  fs.add("a.YML", "x: 1\n");
  for (const char* path : {"a.json", "a.yaml", "a.YML"}) {
    INFO(path);
    CHECK(read_json_file(fs, path).value() == Json{{"x", 1}});
  }
  SECTION("a .json file is never read as YAML") {
    fs.add("y.json", "x: 1\n");
    CHECK(input_error_text([&] { read_json_file(fs, "y.json"); }).rfind("edgeplan: error: y.json:1:1: invalid JSON", 0) == 0);
  }
  SECTION("\"-\" is named <stdin>: JSON when it starts with { or [, YAML otherwise") {
    fs.add("-", "  \n{\"x\": 1}");
    JsonDocument json = read_json_file(fs, "-");
    CHECK(json.name() == "<stdin>");
    CHECK(json.value() == Json{{"x", 1}});
    fs.add("-", "x: [1\n");
    CHECK(input_error_text([&] { read_json_file(fs, "-"); }) == "edgeplan: error: <stdin>:2:1: YAML syntax: end of sequence flow not found\n");
    fs.add("-", "{\"x\": }");
    CHECK(input_error_text([&] { read_json_file(fs, "-"); }).rfind("edgeplan: error: <stdin>:1:7: invalid JSON", 0) == 0);
    fs.add("-", " \n");
    CHECK(input_error_text([&] { read_json_file(fs, "-"); }) == "edgeplan: error: <stdin>: standard input is empty; expected a JSON or YAML document\n");
  }
}

TEST_CASE("file system: the documents of a directory are its *.json, *.yaml and *.yml files, sorted") {
  MemoryFileSystem fs;
  fs.add("pack/20.yml", "");
  fs.add("pack/10.json", "");
  fs.add("pack/15.yaml", "");
  fs.add("pack/notes.txt", "");
  fs.add("pack/sub/30.json", "");
  CHECK(list_documents(fs, "pack") == std::vector<std::string>{"pack/10.json", "pack/15.yaml", "pack/20.yml"});
}
