#pragma once
// Digests of JSON values for provenance (reports pin their spec, Prices their
// file): the same value gives the same digest however it was written.
#include <string>

#include <edgeplan/json_document.hpp>

namespace edgeplan {

// JSON text as digests read it: keys sorted (Json is a std::map), no spaces;
// ill-formed UTF-8 in user text (a Latin-1 name) as U+FFFD, as every writer prints it.
std::string canonical_text(const Json& value);
// Hex SHA-256 of `value`'s canonical text: reformatting a file, or YAML for JSON, is no change.
std::string json_digest(const Json& value);

}  // namespace edgeplan
