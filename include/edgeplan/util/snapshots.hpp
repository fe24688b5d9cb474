#pragma once
// The embedded defaults in their ready in-memory form: the default catalog, the
// route graph (solved), the EC2 instance types and the default rules (compiled),
// each written at build time by make_catalog_snapshot (src/snapshot/) from the
// JSON under rules/, so a start reads them back instead of parsing that JSON.
// Tests hold each snapshot equal to what its JSON builds.
#include <string_view>

namespace edgeplan {

struct BuiltSnapshots {
  std::string_view catalog;         // read_catalog_snapshot (catalog_snapshot.hpp)
  std::string_view route_graph;     // RouteGraph::from_snapshot (latency_model.hpp)
  std::string_view instance_types;  // InstanceCatalog::from_snapshot (instance_catalog.hpp)
  std::string_view rules;           // read_rules_snapshot (rules.hpp)
};

// This build's snapshots; all empty in make_catalog_snapshot itself, where the
// defaults are built from their JSON.
const BuiltSnapshots& built_snapshots();

}  // namespace edgeplan
