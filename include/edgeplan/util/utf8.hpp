#pragma once
// The one UTF-8 policy: every byte sequence that is not well-formed UTF-8 (RFC 3629:
// no overlongs, no surrogates, nothing above U+10FFFF) becomes U+FFFD REPLACEMENT
// CHARACTER, one per maximal ill-formed subpart (Unicode 15, section 3.9, U+FFFD
// substitution of maximal subparts), and text is only ever cut between characters.
// Everything users wrote (file names, JSON strings, parse-error excerpts) passes
// through here before it reaches a diagnostic or a writer.
#include <cstddef>
#include <string>
#include <string_view>

namespace edgeplan::util {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

bool is_valid_utf8(std::string_view text);

// `text` with every ill-formed subpart replaced by U+FFFD; valid text is returned unchanged.
std::string valid_utf8(std::string_view text);

// At most `max_chars` characters of valid_utf8(text); when cut, the last three of
// those are "...". Never splits a character.
std::string shorten_utf8(std::string_view text, std::size_t max_chars);

// `message` with each double-quoted run longer than `max_chars` characters cut by
// shorten_utf8: messages quote what the user wrote (an unknown metro, a field
// name), which may be megabytes long.
std::string shorten_quoted(std::string_view message, std::size_t max_chars);

}  // namespace edgeplan::util
