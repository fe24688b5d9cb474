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

// "1 spec", "3 specs"; `many` when the plural is not singular + "s".
std::string plural(long long count, std::string_view one, std::string_view many = {});

// "a, b and c"
std::string join_list(const std::vector<std::string>& items, std::string_view separator = ", ");

// Numbers as people read them in rationale: 11.8, 5, 0.35. Never "5.000000".
std::string format_number(double value);

}  // namespace edgeplan::util
