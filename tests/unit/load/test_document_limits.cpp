// The limits every document passes (json_document.hpp), and PositionIndex.
// (JsonReader::integer is private to load: test_hostile_input.cpp pins it.)
#include <string>

#include <catch2/catch.hpp>

#include <edgeplan/json_document.hpp>

using edgeplan::InputError;
using edgeplan::JsonDocument;
using edgeplan::PositionIndex;
using edgeplan::TextPosition;

namespace {

std::string error_of(const std::string& text, bool yaml = false) {
  try {
    yaml ? JsonDocument::parse_yaml("f", text) : JsonDocument::parse("f", text);
  } catch (const InputError& e) {
    const auto& d = e.diagnostics().at(0);
    return std::to_string(d.line) + ":" + std::to_string(d.column) + " (" + d.pointer + ") " + d.message;
  }
  return "no error";
}

}  // namespace

TEST_CASE("document limits: a number out of range names its line, column and pointer", "[load]") {
  CHECK(error_of("{\"a\": [1,\n  2e308]}") == "2:3 (/a/1) number 2e308 is out of range; expected a number between -1.7e308 and 1.7e308");
  CHECK(error_of("{\"a\": 1e-400}") == "no error");  // underflow is 0, as strtod has it
  CHECK(error_of("a: [1, 2e308]\n", true) == "1:8 (/a/1) number 2e308 is out of range; expected a number between -1.7e308 and 1.7e308");
}

TEST_CASE("document limits: depth is counted outside strings only", "[load]") {
  CHECK(error_of("{\"a\": \"" + std::string(1000, '[') + "\"}") == "no error");
  CHECK(error_of(std::string(256, '[') + std::string(256, ']')) == "no error");
  CHECK(error_of(std::string(257, '[') + std::string(257, ']')) == "1:257 () nesting deeper than 256 levels; expected at most 256 arrays and objects inside each other");
}

TEST_CASE("document limits: NUL bytes and bytes that are not UTF-8 are located", "[load]") {
  CHECK(error_of(std::string("{}\n \0", 5)) == "2:2 () NUL byte; expected text (a parser would stop here and ignore the rest)");
  CHECK(error_of(std::string("a: 1\nb: \"x\xFF\"\n"), true) == "2:6 () byte 0xFF is not UTF-8; expected UTF-8 text (convert it, e.g. iconv -f latin1 -t utf-8)");
}

TEST_CASE("PositionIndex: the closest recorded ancestor, one token per value", "[load]") {
  PositionIndex index(TextPosition{1, 1});
  const auto a = index.add(PositionIndex::kRoot, "a", {2, 3});
  index.add(a, "0", {3, 5});
  index.add(a, "b~1c", {4, 7});
  CHECK(index.find("").line == 1);
  CHECK(index.find("/a/0").column == 5);
  CHECK(index.find("/a/b~1c").line == 4);
  CHECK(index.find("/a/9/x").line == 2);  // /a/9 was never recorded: /a
  CHECK(index.find("/z").line == 1);

  // Positions of a deep document with long keys: found at every level.
  std::string text, close;
  for (int i = 0; i < 200; ++i) text += "{\"" + std::string(1000, 'k') + "\":", close += "}";
  const JsonDocument doc = JsonDocument::parse("f", text + "1" + close);
  std::string pointer;
  for (int i = 0; i < 200; ++i) pointer += "/" + std::string(1000, 'k');
  CHECK(doc.position_of(pointer).column == static_cast<int>(text.size()) + 1);
}
