#pragma once
#include <string>
#include <string_view>

namespace edgeplan::util {

// Writes `contents` to a temporary file beside `path`, then renames it over
// `path`: readers never see a half-written file, and a failure leaves any
// previous file untouched. Throws std::runtime_error naming the path on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace edgeplan::util
