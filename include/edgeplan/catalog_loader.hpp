#pragma once
// Load stage for the catalog: the embedded default, a user file that replaces
// it, or a user file with "extends": "default" that adds and overrides sites.
#include <string>

#include <edgeplan/catalog.hpp>
#include <edgeplan/file_system.hpp>

namespace edgeplan {

// The embedded default: read from its build-time snapshot (catalog_snapshot.hpp),
// which build_default_catalog() wrote from rules/catalog/*.json.
Catalog load_default_catalog();
// The same catalog built from the embedded JSON: what the snapshot holds.
Catalog build_default_catalog();
Catalog load_catalog_file(const FileSystem& fs, const std::string& path);

// Catalog from already-parsed documents (used by both of the above and by tests).
Catalog build_catalog(const JsonDocument& catalog, const JsonDocument& metros, const std::string& origin);

}  // namespace edgeplan
