#pragma once
// JSON pieces two formats share: the check report and SARIF carry the same
// provenance; a recommendation and a check report list diagnostics alike.
#include <edgeplan/render.hpp>

namespace edgeplan::render_detail {

OrderedJson diagnostic_json(const Diagnostic& d);
OrderedJson check_provenance_json(const Provenance& p);

}  // namespace edgeplan::render_detail
