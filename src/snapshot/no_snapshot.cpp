// For make_catalog_snapshot alone, which writes the snapshots: there are none
// yet, so the defaults are built from the embedded JSON.
#include <edgeplan/util/snapshots.hpp>

namespace edgeplan {

const BuiltSnapshots& built_snapshots() {
  static const BuiltSnapshots none;
  return none;
}

}  // namespace edgeplan
