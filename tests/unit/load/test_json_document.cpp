#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

#include <catch2/catch.hpp>

#include <edgeplan/json_digest.hpp>
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

TEST_CASE("json document: a pointer token is an array index only as RFC 6901 writes one") {
  CHECK(pointer_index("0") == 0u);
  CHECK(pointer_index("7") == 7u);
  CHECK(pointer_index("120") == 120u);
  for (const char* token : {"", "01", "00", "-1", "+1", "1x", " 1", "1 ", "~0", "1.0", "18446744073709551616"}) {
    INFO(token);
    CHECK_FALSE(pointer_index(token).has_value());
  }
}

namespace {

// What canonical_text promises: nlohmann's compact dump, ill-formed UTF-8 replaced.
std::string compact_dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// A value of every kind, text of every byte: seeded, so a failure repeats.
Json random_value(std::mt19937& random, int depth) {
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const auto text = [&] {
    std::string out;
    for (int i = pick(6); i > 0; --i) {
      switch (pick(4)) {
        case 0: out += static_cast<char>(pick(256)); break;  // any byte: controls, quotes, ill-formed UTF-8
        case 1: out += "é"; break;
        case 2: out += "\\\""; break;
        default: out += static_cast<char>('a' + pick(26)); break;
      }
    }
    return out;
  };
  switch (depth > 3 ? pick(6) : pick(8)) {
    case 0: return nullptr;
    case 1: return pick(2) == 0;
    case 2: return static_cast<std::int64_t>(random()) - static_cast<std::int64_t>(random()) * 4096;
    case 3: return static_cast<std::uint64_t>(random()) << 31;
    case 4: return std::ldexp(static_cast<double>(random()) - 2e9, pick(80) - 40);
    case 5: return text();
    case 6: {
      Json array = Json::array();
      for (int i = pick(4); i > 0; --i) array.push_back(random_value(random, depth + 1));
      return array;
    }
    default: {
      Json object = Json::object();
      for (int i = pick(4); i > 0; --i) object[text()] = random_value(random, depth + 1);
      return object;
    }
  }
}

}  // namespace

TEST_CASE("json document: canonical text is the compact dump, byte for byte") {
  // Digests pin reports to their input (report_input, batch records): the
  // text they hash must not change with how it is written.
  const std::vector<Json> values = {
      Json::object(), Json::array(), nullptr, true, false, 0, -1, std::numeric_limits<std::int64_t>::min(),
      std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::uint64_t>::max(), 0.1, 1.0, -0.0, 1e300, 5e-324, 20.5,
      std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(), "", "plain text", "quote\" back\\slash",
      "tab\t newline\n \u0001 \u001f del\u007f", "Zürich \u202e", std::string("bad\xff \xc3 \xe2\x82 \xc0\xaf \x80"),
      Json{{"b", {1, 2.5, "x"}}, {"a", {{"nested", Json::object()}}}, {"k\"ey", nullptr}, {std::string("\xfe"), Json::array()}},
      Json::binary({1, 2, 3})};
  for (const Json& value : values) {
    INFO(compact_dump(value));
    CHECK(canonical_text(value) == compact_dump(value));
  }
  std::mt19937 random(20261207);
  for (int i = 0; i < 2000; ++i) {
    const Json value = random_value(random, 0);
    INFO(compact_dump(value));
    REQUIRE(canonical_text(value) == compact_dump(value));
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(EDGEPLAN_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().filename().string());
    std::ifstream file(entry.path());
    const Json value = Json::parse(file);
    CHECK(canonical_text(value) == compact_dump(value));
  }
}

TEST_CASE("json document: read_json_file names a missing file") {
  MemoryFileSystem fs;
  fs.add("here.json", "{\"x\": 1}");
  CHECK(read_json_file(fs, "here.json").value()["x"] == 1);
  CHECK(test::input_error_text([&] { read_json_file(fs, "gone.json"); }) ==
        "edgeplan: error: gone.json: cannot read file (missing or not a regular file)\n");
}
