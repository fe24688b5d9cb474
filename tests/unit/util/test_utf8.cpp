// The UTF-8 policy (include/edgeplan/util/utf8.hpp): cases from Unicode 15, section 3.9,
// Table 3-8 (U+FFFD for maximal subparts) and RFC 3629's forbidden sequences.
#include <catch2/catch.hpp>

#include <edgeplan/util/utf8.hpp>

using edgeplan::util::is_valid_utf8;
using edgeplan::util::shorten_utf8;
using edgeplan::util::valid_utf8;

static const std::string R = "\xEF\xBF\xBD";

TEST_CASE("utf8: valid UTF-8 passes unchanged", "[utf8]") {
  for (std::string s : {"", "plain", "Zürich", "東京", "emoji \xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF"}) {
    CHECK(is_valid_utf8(s));
    CHECK(valid_utf8(s) == s);
  }
}

TEST_CASE("utf8: ill-formed sequences become U+FFFD, one per maximal subpart", "[utf8]") {
  CHECK(valid_utf8("caf\xE9") == "caf" + R);                 // Latin-1 é
  CHECK(valid_utf8("\xC0\xAF") == R + R);                      // overlong '/': C0 is never a lead
  CHECK(valid_utf8("\xED\xA0\x80") == R + R + R);             // surrogate D800
  CHECK(valid_utf8("\xF4\x90\x80\x80") == R + R + R + R);     // above U+10FFFF
  CHECK(valid_utf8("\xE6\x9D") == R);                          // truncated 3-byte character
  CHECK(valid_utf8("\xF0\x9F\x98x") == R + "x");              // truncated 4-byte, then ASCII
  CHECK(valid_utf8("\x80") == R);                              // lone continuation
  CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("utf8: shortening cuts between characters", "[utf8]") {
  CHECK(shorten_utf8("short", 40) == "short");
  CHECK(shorten_utf8("abcdefghij", 8) == "abcde...");
  // 10 three-byte characters cut to 8: five kept, never half a character.
  const std::string kanji = "東東東東東東東東東東";
  CHECK(shorten_utf8(kanji, 8) == "東東東東東...");
  CHECK(is_valid_utf8(shorten_utf8(kanji + "\xE6", 8)));
  CHECK(shorten_utf8("abcdefgh", 8) == "abcdefgh");
}
