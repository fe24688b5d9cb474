// util::escape_controls (include/edgeplan/util/text.hpp): the escaper for text a
// terminal shows (text output, stderr diagnostics). Control characters are shown,
// never obeyed; everything else passes unchanged.
#include <catch2/catch.hpp>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/util/text.hpp>

using edgeplan::util::escape_controls;

TEST_CASE("escape controls: printable text passes unchanged", "[escape]") {
  for (std::string s : {"", "plain", "Zürich — 東京", "C:\\path\\with\\backslashes", "emoji \xF0\x9F\x98\x80", "a | b `c` <d>"})
    CHECK(escape_controls(s) == s);
}

TEST_CASE("escape controls: C0, DEL and C1 controls are shown", "[escape]") {
  CHECK(escape_controls("\x1b[2J\nRecommendation: evil") == "\\x1b[2J\\nRecommendation: evil");
  CHECK(escape_controls("a\rb\tc\x07") == "a\\rb\\tc\\x07");
  CHECK(escape_controls(std::string("nul\0byte", 8)) == "nul\\x00byte");
  CHECK(escape_controls("del\x7f") == "del\\x7f");
  CHECK(escape_controls("csi \xC2\x9B" "31m, next line \xC2\x85") == "csi \\u009b31m, next line \\u0085");
  CHECK(escape_controls("\xC2\xA0nbsp stays") == "\xC2\xA0nbsp stays");  // U+00A0 is not a control
}

TEST_CASE("escape controls: bidirectional overrides and isolates are shown", "[escape]") {
  CHECK(escape_controls("\xE2\x80\xAE" "evil" "\xE2\x80\xAC") == "\\u202eevil\\u202c");  // RLO … PDF
  CHECK(escape_controls("\xE2\x80\xAA\xE2\x81\xA6\xE2\x81\xA9") == "\\u202a\\u2066\\u2069");
  CHECK(escape_controls("\xE2\x80\x94 dash, \xE2\x81\xA0 word joiner") == "\xE2\x80\x94 dash, \xE2\x81\xA0 word joiner");
}

TEST_CASE("escape controls: ill-formed UTF-8 becomes U+FFFD first", "[escape][utf8]") {
  CHECK(escape_controls("caf\xE9\x1b") == "caf\xEF\xBF\xBD\\x1b");
  CHECK(escape_controls("\xC2") == "\xEF\xBF\xBD");  // a truncated C1 lead is not read past the end
  CHECK(escape_controls("\xE2\x80") == "\xEF\xBF\xBD");
}

TEST_CASE("escape controls: a diagnostic stays one line (and its hint one more)", "[escape]") {
  using namespace edgeplan;
  const Diagnostic d{Severity::warning, "spec\x1b[31m.json", 3, 5, "/spec/users/0/a\nb", "unknown field \"a\nb\" is ignored", "did you\r mean?"};
  CHECK(format_diagnostic(d) ==
        "edgeplan: warning: spec\\x1b[31m.json:3:5 (/spec/users/0/a\\nb): unknown field \"a\\nb\" is ignored\n  hint: did you\\r mean?");
  CHECK(located_message(Diagnostic{Severity::error, "caf\xE9.json", 0, 0, "", "bad", {}}) == "caf\xEF\xBF\xBD.json: bad");
}
