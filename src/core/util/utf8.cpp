#include <edgeplan/util/utf8.hpp>

namespace edgeplan::util {

namespace {

// Length of the well-formed character starting at text[i], or 0 when the bytes there
// are an ill-formed subpart; `subpart` then receives how many bytes that subpart spans
// (at least 1), so a truncated sequence becomes one U+FFFD, not one per byte.
std::size_t character_length(std::string_view text, std::size_t i, std::size_t& subpart) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  subpart = 1;
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte (Table 3-7)
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;
  else if (lead >= 0xE1 && lead <= 0xEC) length = 3;
  else if (lead == 0xED) length = 3, high = 0x9F;
  else if (lead >= 0xEE && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else if (lead == 0xF4) length = 4, high = 0x8F;
  else return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) return 0;
    const unsigned char c = byte(i + k);
    const unsigned char lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF;
    if (c < lo || c > hi) return 0;
    subpart = k + 1;
  }
  return length;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t subpart = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = character_length(text, i, subpart);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t subpart = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = character_length(text, i, subpart);
    if (n == 0) {
      out += kReplacementCharacter;
      i += subpart;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string shorten_quoted(std::string_view message, std::size_t max_chars) {
  std::string out;
  std::size_t at = 0;
  while (at < message.size()) {
    const std::size_t open = message.find('"', at);
    const std::size_t close = open == std::string_view::npos ? open : message.find('"', open + 1);
    if (close == std::string_view::npos) break;
    out.append(message.substr(at, open + 1 - at));
    const std::string_view run = message.substr(open + 1, close - open - 1);
    if (run.size() > max_chars) out += shorten_utf8(run, max_chars);  // bytes > max: perhaps more characters than max
    else out.append(run);
    out += '"';
    at = close + 1;
  }
  if (at < message.size()) out.append(message.substr(at));
  return out;
}

std::string shorten_utf8(std::string_view text, std::size_t max_chars) {
  const std::string valid = valid_utf8(text);
  std::size_t subpart = 0;
  std::size_t chars = 0, cut = 0, end_of_kept = 0;
  const std::size_t keep = max_chars >= 3 ? max_chars - 3 : 0;
  for (std::size_t i = 0; i < valid.size(); ++chars) {
    if (chars == keep) end_of_kept = i;
    if (chars == max_chars) {
      cut = end_of_kept;
      return valid.substr(0, cut) + std::string(max_chars >= 3 ? "..." : "");
    }
    i += character_length(valid, i, subpart);
  }
  return valid;
}

}  // namespace edgeplan::util
