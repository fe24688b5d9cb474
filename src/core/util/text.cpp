#include <ctime>
#include <edgeplan/util/text.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include <edgeplan/util/utf8.hpp>

namespace edgeplan::util {

namespace {

// The code point of the bidirectional control whose UTF-8 starts at text[i], else 0.
char32_t bidi_control_at(std::string_view text, std::size_t i) {
  if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xE2) return 0;
  const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
  const char32_t code = 0x2000 | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  const bool embedding_or_override = code >= 0x202A && code <= 0x202E;
  const bool isolate = code >= 0x2066 && code <= 0x2069;
  return (b1 == 0x80 || b1 == 0x81) && (embedding_or_override || isolate) ? code : 0;
}

// U+0080-U+009F is C2 80 - C2 9F in UTF-8.
bool c1_control_at(std::string_view text, std::size_t i) {
  return i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

}  // namespace

std::string escape_controls(std::string_view text) {
  const std::string valid = valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const auto c = static_cast<unsigned char>(valid[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
    else if (c1_control_at(valid, i)) out += fmt::format("\\u{:04x}", static_cast<unsigned char>(valid[++i]));
    else if (char32_t code = bidi_control_at(valid, i)) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
      i += 2;
    } else out += valid[i];
  }
  return out;
}

// Optimal string alignment distance: Levenshtein plus adjacent swaps, so
// "wran" is one edit from "warn" and "=<" one from "<=". Three rows of the
// table (an adjacent swap looks two rows up), not the whole table: a word
// from a spec may be megabytes long.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> two_up(b.size() + 1), up(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) up[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({up[j] + 1, row[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], two_up[j - 2] + 1);
    }
    std::swap(two_up, up);
    std::swap(up, row);
  }
  return up[b.size()];
}

// On equal distance a candidate of the same length wins ("=<" suggests "<=", not "<").
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string lowered = to_lower(word);
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  auto best_score = std::pair(allowed + 1, std::size_t{0});
  for (const auto& candidate : candidates) {
    const std::size_t length_gap = candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    // The distance is at least the gap in length: past `allowed`, no need to
    // work it out (a megabyte-long metro name against every metro took 14 s).
    if (length_gap > allowed) continue;
    const auto score = std::pair(edit_distance(lowered, to_lower(candidate)), length_gap);
    if (score < best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::string join_words(const std::vector<std::string>& items, std::string_view conjunction) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " " + std::string(conjunction) + " " : std::string(", ");
    out += items[i];
  }
  return out;
}

std::string join_list(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return value > 0 ? "inf" : (value < 0 ? "-inf" : "nan");
  double rounded = std::round(value * 10.0) / 10.0;
  if (std::fabs(value) < 1.0 && value != 0.0) rounded = std::round(value * 100.0) / 100.0;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 1e15) return fmt::format("{}", static_cast<long long>(rounded));
  return fmt::format("{}", rounded);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, std::string_view otherwise) {
  if (auto guess = closest_match(word, candidates)) return fmt::format("did you mean \"{}\"?", *guess);
  return std::string(otherwise);
}

std::string plural(long long count, std::string_view one, std::string_view many) {
  if (count == 1) return fmt::format("1 {}", one);
  return many.empty() ? fmt::format("{} {}s", count, one) : fmt::format("{} {}", count, many);
}

std::string utc_today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", days_from_civil).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

struct Civil {
  unsigned y, m, d;
};

// The year, month and day of a text that starts with YYYY-MM-DD (month 1-12, day 1-31).
std::optional<Civil> civil_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t at, std::size_t n) -> std::optional<unsigned> {
    unsigned v = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (text[k] < '0' || text[k] > '9') return std::nullopt;
      v = v * 10 + static_cast<unsigned>(text[k] - '0');
    }
    return v;
  };
  auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > 31) return std::nullopt;
  return Civil{*y, *m, *d};
}

std::optional<long> day_number(std::string_view text) {
  const auto c = civil_date(text);
  if (!c) return std::nullopt;
  return days_from_civil(static_cast<long>(c->y), c->m, c->d);
}

}  // namespace

bool is_calendar_date(std::string_view text) {
  const auto c = civil_date(text);
  if (!c || text.size() != 10) return false;
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (c->y % 4 == 0 && c->y % 100 != 0) || c->y % 400 == 0;
  return c->d <= kDays[c->m - 1] + (c->m == 2 && leap ? 1 : 0);
}

bool is_currency_code(std::string_view text) {
  return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::optional<long> days_between(std::string_view from, std::string_view to) {
  auto a = day_number(from), b = day_number(to);
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

}  // namespace edgeplan::util
