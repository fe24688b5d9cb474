#pragma once
// `edgeplan catalog show` and `edgeplan catalog diff`: what a catalog knows,
// entry by entry and fact by fact, with where each fact came from; and what
// changed between two catalogs. The diff compares two listings, so the two
// commands always agree on what a fact is. The fact names are documented in
// rules/catalog/README.md, "Inspecting and comparing catalogs".
#include <edgeplan/catalog.hpp>
#include <edgeplan/json_document.hpp>
#include <optional>
#include <string>
#include <vector>

namespace edgeplan {

// A fact's value: JSON whose object keys keep the order they were written in
// (a location reads metro, country, subdivision, lat, lon in every format).
using FactValue = nlohmann::ordered_json;

// One thing a catalog states about an entry, and who stated it.
struct CatalogFact {
  std::string name;   // "opt_in", "instance_families", ...
  FactValue value;    // null: stated by nobody (unknown, never "none")
  std::string basis;  // "account" (an imported account view decided it) or "catalog" (the catalog's record)
  // "AWS documentation (default catalog)", "catalog file my.json", or
  // "account 111122223333: aws ec2 describe-availability-zones (us-west-2), captured 2026-12-01T09:30:00Z"
  std::string source;
};

// Kinds of entry: "region", "local-zone", "wavelength-zone" (catalog sites),
// "outpost" (an Outpost the account has), "catalog-item" (a rack configuration
// AWS offers the account), "measured-rtt" (AWS-measured RTT between two sites,
// id "FROM/TO"); and in a diff only, "catalog" (the catalog's own metadata and account view).
struct CatalogEntry {
  std::string id;
  std::string kind;
  std::vector<CatalogFact> facts;                          // in the documented order
  const CatalogFact* find(const std::string& name) const;  // nullptr: the entry has no such fact
};

// What `catalog show` lists; empty means everything.
struct CatalogFilter {
  std::vector<std::string> ids;     // --site: entries with these ids, in catalog order
  std::optional<std::string> kind;  // --kind: entries of this kind
};

struct CatalogListing {
  CatalogInfo info;
  std::optional<AccountView> account;
  CatalogFilter filter;               // what was asked (text prints every fact when ids were named)
  std::vector<CatalogEntry> entries;  // sites (catalog order), existing Outposts, catalog items, measured RTTs
};

// The entry kinds, in listing order: what --kind accepts.
const std::vector<std::string>& catalog_entry_kinds();

// Every entry of the catalog that passes the filter. Throws UsageError naming an
// id of filter.ids that is no entry's (with the closest one), or an unknown kind.
CatalogListing list_catalog(const Catalog& catalog, const CatalogFilter& filter = {});

struct FactChange {
  std::string name;
  FactValue before;          // null: the fact was not stated before
  FactValue after;           // null: it is not stated any more
  std::string source_after;  // who states it now; "" when no one does
};

struct CatalogChange {
  std::string id;
  std::string kind;
  std::string change;             // "added" | "removed" | "changed"
  std::vector<FactChange> facts;  // added: every fact (before null); removed: every fact (after null); changed: those whose value differs
};

struct CatalogDiff {
  CatalogInfo before, after;
  std::vector<CatalogChange> changes;  // the "catalog" entry first, then in listing order
  std::size_t count(const std::string& change) const;
};

// What changed from `before` to `after`, fact by fact. A fact counts as changed
// when its value differs; a new source for the same value is no change. The
// catalogs' origins and digests are not compared (the same catalog at another
// path, or re-indented, is no change): they are in before/after.
CatalogDiff diff_catalogs(const Catalog& before, const Catalog& after);

}  // namespace edgeplan
