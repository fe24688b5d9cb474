#pragma once
// Small string helpers; nothing here knows about the domain.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgeplan::util {

// Levenshtein distance, for "did you mean …?".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a distance that scales with the word's length.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean \"share\"?" for the closest candidate, else `otherwise`: every
// hint that suggests a name is worded here.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, std::string_view otherwise = {});

std::string to_lower(std::string_view text);
// to_lower(a) == to_lower(b), without building either.
bool equals_ignoring_case(std::string_view a, std::string_view b);

// "1 spec", "3 specs"; `many` when the plural is not singular + "s".
std::string plural(long long count, std::string_view one, std::string_view many = {});

// "a, b, c" (with ", ")
std::string join_list(const std::vector<std::string>& items, std::string_view separator = ", ");
// "a, b and c" / "a, b or c" (`conjunction` before the last item)
std::string join_words(const std::vector<std::string>& items, std::string_view conjunction = "and");

// Text for a terminal or a log line: valid_utf8(text) (utf8.hpp) with every control
// character shown instead of obeyed, so user text cannot move the cursor, recolour,
// clear the screen, ring the bell, start a line of its own or reorder what follows:
// C0 and DEL as \n, \r, \t or \xHH; C1 (U+0080-U+009F) and the bidirectional
// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) as \uHHHH.
// A backslash stays as it is: the result is for reading, not for parsing back.
// Used for every stderr diagnostic and all user text in text output (render/).
std::string escape_controls(std::string_view text);

// Today's date in UTC, YYYY-MM-DD.
std::string utc_today();

// Whole days from `from` to `to`, both starting with YYYY-MM-DD (a timestamp's
// date part is used); nullopt when either is not such a date.
std::optional<long> days_between(std::string_view from, std::string_view to);

// Exactly YYYY-MM-DD, naming a day that exists ("2026-02-29" does not).
bool is_calendar_date(std::string_view text);

// An ISO 4217 currency code's shape: exactly three upper-case letters ("USD").
bool is_currency_code(std::string_view text);

// Numbers as people read them in rationale: 11.8, 5, 0.35. Never "5.000000".
std::string format_number(double value);

}  // namespace edgeplan::util
