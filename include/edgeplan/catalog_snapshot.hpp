#pragma once
// The default catalog in its ready in-memory form: the Catalog that
// build_default_catalog() makes of rules/catalog/catalog.json and metros.json,
// written at build time (util/snapshots.hpp) and compiled into the binary, so a
// start reads it back instead of parsing 240 KB of JSON.
#include <string>
#include <string_view>

#include <edgeplan/catalog.hpp>

namespace edgeplan {

// Every member of every catalog type, in a fixed order (doubles as their bytes):
// the same inputs give the same bytes.
std::string write_catalog_snapshot(const Catalog& catalog);

// The catalog a snapshot holds. Throws std::runtime_error when the bytes are
// not a snapshot of this build's format (truncated, another version).
Catalog read_catalog_snapshot(std::string_view bytes);

}  // namespace edgeplan
