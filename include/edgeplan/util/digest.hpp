#pragma once
#include <string>
#include <string_view>

namespace edgeplan::util {

// Lower-case hex SHA-256 of `data` (OpenSSL), used to pin catalog and rule versions in reports.
std::string sha256_hex(std::string_view data);
// Base64 SHA-256 of `data`: what a Content-Security-Policy hash source names
// ('sha256-…', CSP Level 3 §2.3.1), to allow exactly one inline script.
std::string sha256_base64(std::string_view data);
// Its first 12 hex digits: what people compare (provenance lines, batch records,
// spec-section digests), as `git log --oneline` shortens a commit.
inline std::string short_digest(std::string_view hex) { return std::string(hex.substr(0, 12)); }

}  // namespace edgeplan::util
