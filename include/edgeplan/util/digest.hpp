#pragma once
#include <string>
#include <string_view>

namespace edgeplan::util {

// Lower-case hex SHA-256 of `data` (OpenSSL), used to pin catalog and rule versions in reports.
std::string sha256_hex(std::string_view data);

}  // namespace edgeplan::util
