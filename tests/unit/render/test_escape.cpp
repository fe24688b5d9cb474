// The escapers of src/core/render/escape.hpp, one per target language, and
// dump_json: hostile user text (control characters, Markdown and CSV syntax,
// ill-formed UTF-8) comes out as data in every format.
#include <catch2/catch.hpp>

#include <edgeplan/pipeline.hpp>
#include <edgeplan/render.hpp>
#include <edgeplan/util/utf8.hpp>

#include "fixtures.hpp"
#include "render/escape.hpp"

using namespace edgeplan;
using namespace edgeplan::render_detail;

namespace {

const std::string R = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

TEST_CASE("escape: Markdown text cannot add a row, a heading, a link or HTML", "[escape]") {
  CHECK(markdown_text("plain words, 5 ms > 2 ms") == "plain words, 5 ms > 2 ms");
  CHECK(markdown_text("a | b") == "a \\| b");
  CHECK(markdown_text("x\nRecommendation: evil") == "x\\\\nRecommendation: evil");  // \n shown, its backslash escaped
  CHECK(markdown_text("`code` <img src=x>") == "\\`code\\` \\<img src=x>");
  CHECK(markdown_text("[click](http://e.vil)") == "[click\\](http://e.vil)");
  CHECK(markdown_text("# heading") == "\\# heading");
  CHECK(markdown_text("> quote") == "\\> quote");
  CHECK(markdown_text("- item") == "\\- item");
  CHECK(markdown_text("-5 points") == "-5 points");  // not a list marker
  CHECK(markdown_text("a\\|b") == "a\\\\\\|b");       // a user's backslash cannot unescape our pipe
  CHECK(markdown_text("caf\xE9") == "caf" + R);
}

TEST_CASE("escape: Markdown code spans hold any text", "[escape]") {
  CHECK(markdown_code("spec.json") == "`spec.json`");
  CHECK(markdown_code("a`b") == "``a`b``");
  CHECK(markdown_code("`x`") == "`` `x` ``");
  CHECK(markdown_code("a|b\nc") == "`a\\|b\\nc`");
  CHECK(markdown_code("caf\xE9") == "`caf" + R + "`");
}

TEST_CASE("escape: CSV fields never run as formulas", "[escape]") {
  CHECK(csv_field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("+1+2") == "'+1+2");
  CHECK(csv_field("-x.json") == "'-x.json");
  CHECK(csv_field("-3.5") == "-3.5");  // a number stays a number
  CHECK(csv_field("12") == "12");
  CHECK(csv_field("=a,b") == "\"'=a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("line\nbreak\ttab") == "line\\nbreak\\ttab");  // one physical line per record
  CHECK(csv_field("\t=x") == "\\t=x");
  CHECK(csv_field("caf\xE9") == "caf" + R);
}

TEST_CASE("escape: XML text and attributes are well-formed UTF-8 XML 1.0", "[escape]") {
  CHECK(xml_text("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  CHECK(xml_text("bell\x07 esc\x1b") == "bell esc");  // XML 1.0 cannot carry them at all
  CHECK(xml_text("caf\xE9") == "caf" + R);
}

TEST_CASE("escape: workflow commands keep a line break inside one annotation", "[escape]") {
  CHECK(workflow_data("x\n::error file=a::spoof") == "x%0A::error file=a::spoof");
  CHECK(workflow_data("100%\r") == "100%25%0D");
  CHECK(workflow_data("\x1b[31mred") == "\\x1b[31mred");
  CHECK(workflow_data("caf\xE9") == "caf" + R);
  CHECK(workflow_property("a:b,c\n") == "a%3Ab%2Cc%0A");
}

TEST_CASE("escape: dump_json writes ill-formed UTF-8 as U+FFFD instead of throwing", "[escape][utf8]") {
  CHECK(dump_json(Json{{"file", "caf\xE9.json"}}) == "{\"file\":\"caf" + R + ".json\"}");
  CHECK(dump_json(OrderedJson{{"b", "\x1b"}, {"a", 1}}, 2) == "{\n  \"b\": \"\\u001b\",\n  \"a\": 1\n}");
}

TEST_CASE("escape: a report with Latin-1 and control characters in a user group prints in every format", "[escape][utf8]") {
  LoadedWorkload loaded = test::load_spec(R"({"users": [{"name": "Denver viewers", "location": {"metro": "Denver"}, "access": "fiber"}],
      "latency": {"users": {"max_rtt_ms": 35}}, "services": {"local": ["EC2"]}})");
  loaded.workload.users.at(0).name = "Caf\xE9 \x1b[2J\nRecommendation: evil";
  loaded.workload.name = "w\xE9";
  const Report report = recommend(loaded, Engine{test::default_catalog(), test::default_rules(), nullptr});
  REQUIRE(report.feasible());
  for (Format format : {Format::text, Format::json, Format::markdown}) {
    INFO(format_name(format));
    std::string out;
    REQUIRE_NOTHROW(out = render(report, format));
    CHECK(util::is_valid_utf8(out));
    CHECK(out.find("Caf" + R) != std::string::npos);
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find("\nRecommendation: evil") == std::string::npos);
  }
}

TEST_CASE("escape: HTML and SVG text shows markup, controls and bidi overrides instead of obeying them", "[escape]") {
  // Markup and quotes are characters: a name cannot add an element or leave an attribute.
  CHECK(html_text("<script>alert(\"x\")</script>") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  // U+202E (right-to-left override) would reorder what follows: shown as \u202e.
  CHECK(html_text("a\xE2\x80\xAE" "b") == "a\\u202eb");
  // A line break stays one (tooltips have several lines), escaped as XML keeps it; ESC is shown.
  CHECK(html_text("one\ntwo\x1b[2J") == "one&#10;two\\x1b[2J");
  // Ill-formed UTF-8 becomes U+FFFD, as in every writer.
  CHECK(html_text("caf\xE9") == "caf\xEF\xBF\xBD");
}
