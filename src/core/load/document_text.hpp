#pragma once
// What JSON and YAML documents share before and after their parsers run: the
// checks every text passes first (size, NUL bytes, UTF-8), and how a problem
// at a place in the text becomes an InputError.
#include <cstddef>
#include <string>
#include <string_view>

#include <edgeplan/json_document.hpp>

namespace edgeplan::load_detail {

// 1-based line and column (in bytes) of the byte at `offset`.
TextPosition position_at_byte(std::string_view text, std::size_t offset);

// An input error in the file `name` at `at`, the name made valid UTF-8 for display.
[[noreturn]] void fail_at(const std::string& name, TextPosition at, const std::string& pointer, std::string message);

// "nesting deeper than 256 levels; expected at most 256 `collections` inside each other"
std::string nesting_message(std::string_view collections);

// Refuses a text larger than kMaxDocumentBytes, holding a NUL byte (a parser
// would stop there and ignore the rest without a word), or not UTF-8.
void check_document_text(const std::string& name, std::string_view text);

}  // namespace edgeplan::load_detail
