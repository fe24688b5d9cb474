#pragma once
// JSON pieces two formats share: the check report and SARIF carry the same
// provenance; a recommendation and a check report list diagnostics alike.
#include <edgeplan/render.hpp>

namespace edgeplan::render_detail {

OrderedJson diagnostic_json(const Diagnostic& d);
OrderedJson check_provenance_json(const Provenance& p);
// A spec's path relative to the directory edgeplan ran in (the repository root
// in CI), "./" dropped: CI systems resolve it against the checkout, and no
// machine path leaks into a report. An absolute argument is made relative.
std::string relative_path(const std::string& path);
// `value` to `decimals` places, as JSON prints it: round(value * 10^d) / 10^d,
// which prints 0.9914 where round(value / 1e-4) * 1e-4 prints 0.9914000000000001.
double rounded(double value, int decimals);

}  // namespace edgeplan::render_detail
