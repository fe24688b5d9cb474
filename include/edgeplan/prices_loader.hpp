#pragma once
// Load stage for prices: a `kind: Prices` file (JSON or YAML), read and checked
// whole. rules/catalog/PRICES.md documents the format and every rule below.
#include <string>

#include <edgeplan/file_system.hpp>
#include <edgeplan/json_document.hpp>
#include <edgeplan/prices.hpp>

namespace edgeplan {

// Reads the file at `path` (.yaml/.yml: YAML, else JSON; "-": stdin) and parses
// it. Throws InputError naming FILE:LINE:COL and the JSON pointer of every
// problem in it, collected: the CLI exits 3.
Prices load_prices(const std::string& path, const FileSystem& fs);

// Prices from a parsed document; `file` and `digest` (json_digest of the value,
// so reformatting or YAML for JSON is no change) are set from it. Throws as above.
Prices parse_prices(const JsonDocument& document);

}  // namespace edgeplan
