// JSON Lines: one compact object per line, streamed (batch records, facts).
#include <fmt/format.h>

#include <edgeplan/util/digest.hpp>

#include "render/json_parts.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan {

namespace {

using OJson = OrderedJson;

// Records are built member by member rather than from initializer lists,
// which make each member a two-element array first: a batch writes one record
// per spec. The members keep their order (OrderedJson).
OJson option_json(const std::optional<BatchOption>& option) {
  if (!option) return nullptr;
  OJson out = OJson::object();
  out["id"] = option->id;
  out["kind"] = option->kind;
  out["region"] = option->region;
  out["metro"] = option->metro;
  out["score"] = option->score;
  if (const auto& cost = option->cost)  // with prices only: records without them are unchanged
    out["cost"] = {{"monthly", cost->monthly ? OJson(render_detail::rounded(*cost->monthly, 2)) : OJson(nullptr)},
                   {"known_monthly", render_detail::rounded(cost->known_monthly, 2)}, {"currency", cost->currency}, {"months", cost->months}};
  return out;
}

OJson diagnostic_json(const Diagnostic& d) {
  OJson out{{"file", d.file}, {"line", d.line}, {"column", d.column}, {"pointer", d.pointer}, {"message", d.message}};
  if (!d.hint.empty()) out["hint"] = d.hint;
  return out;
}

OJson excluded_by_json(const std::vector<SummaryCount>& counts) {
  OJson out = OJson::array();
  for (const auto& c : counts) {
    OJson& entry = out.emplace_back(OJson::object());
    entry["reason"] = c.label;
    entry["count"] = c.count;
  }
  return out;
}

// `batch --robustness`: the label, why, and the numbers behind it, in one object.
OJson robustness_record_json(const Robustness& r) {
  OJson out{{"confidence", to_string(r.label)}, {"reasons", r.reasons}, {"equivalent", r.equivalent}};
  out["margin"] = r.margin ? OJson(render_detail::rounded(*r.margin, 3)) : OJson(nullptr);
  out["runner_up"] = r.runner_up.empty() ? OJson(nullptr) : OJson(r.runner_up);
  out["weight_share_to_flip"] = r.nearest_shift ? OJson(render_detail::rounded(r.nearest_shift->share, 4)) : OJson(nullptr);
  out["flips_to"] = r.nearest_shift ? OJson(r.nearest_shift->rival) : OJson(nullptr);
  if (!r.latency.empty()) {
    out["latency_band"] = to_string(r.latency.front().band);
    out["latency_probability"] = render_detail::rounded(r.latency.front().probability, 4);
  }
  out["verify_conditions"] = r.verify.size();
  out["summary"] = render_detail::confidence_line(r);
  return out;
}

// The same for every record but the spec's: the catalog and rules digests as the text
// provenance line shows them (12 digits), which keeps records short.
OJson inputs_json(const BatchInputs& in) {
  OJson sections = OJson::object();
  for (const auto& [name, digest] : in.sections) sections[name] = digest;
  OJson out = OJson::object();
  out["spec"] = in.spec_digest.empty() ? OJson(nullptr) : OJson("sha256:" + in.spec_digest);
  out["sections"] = std::move(sections);
  out["catalog"] = "sha256:" + util::short_digest(in.catalog_digest);
  out["rules"] = "sha256:" + util::short_digest(in.rules_digest);
  out["edgeplan"] = in.edgeplan_version;
  if (!in.prices_digest.empty()) out["prices"] = "sha256:" + util::short_digest(in.prices_digest);  // with --prices only: records without are unchanged
  return out;
}

}  // namespace

std::string batch_jsonl_line(const BatchResult& r) {
  OJson out = OJson::object();
  out["file"] = r.file;
  if (r.line > 0) out["line"] = r.line;
  out["workload"] = r.workload.empty() ? OJson(nullptr) : OJson(r.workload);
  out["status"] = to_string(r.status);
  if (r.status == BatchStatus::error) {
    OJson errors = OJson::array();
    for (const auto& d : r.errors) errors.push_back(diagnostic_json(d));
    out["errors"] = std::move(errors);
  } else {
    out["top"] = option_json(r.top);
    out["runner_up"] = option_json(r.runner_up);
    out["eligible"] = r.eligible;
    out["candidates"] = r.candidates;
    out["excluded_by"] = excluded_by_json(r.excluded_by);
    if (r.robustness) out["robustness"] = robustness_record_json(*r.robustness);
  }
  out["inputs"] = inputs_json(r.inputs);
  return dump_json(out) + "\n";
}

namespace render_detail::jsonl {

std::string record(const BatchResult& result, const RenderOptions&) { return batch_jsonl_line(result); }

// One compact object per option: grep- and stream-friendly.
std::string facts(const FactsListing& listing, const RenderOptions&) {
  std::string out;
  for (const auto& entry : listing.entries) out += dump_json(entry.data) + "\n";
  return out;
}

}  // namespace render_detail::jsonl

}  // namespace edgeplan
