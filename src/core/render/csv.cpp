// CSV for `batch`: one header, then one RFC 4180 row per workload, streamed.
#include <edgeplan/util/text.hpp>

#include "render/escape.hpp"
#include "render/printers.hpp"

namespace edgeplan {

using render_detail::csv_line;

std::string batch_csv_header() {
  return csv_line({"file", "line", "workload", "status", "top", "top_kind", "top_region", "top_score", "runner_up", "runner_up_kind",
                   "runner_up_score", "eligible", "candidates", "reason"});
}

std::string batch_csv_row(const BatchResult& r) {
  const bool evaluated = r.status != BatchStatus::error;
  auto field = [](const std::optional<BatchOption>& o, auto member) { return o ? member(*o) : std::string{}; };
  auto id = [](const BatchOption& o) { return o.id; };
  auto kind = [](const BatchOption& o) { return o.kind; };
  auto score = [](const BatchOption& o) { return util::format_number(o.score); };
  return csv_line({r.file, r.line > 0 ? std::to_string(r.line) : "", r.workload, to_string(r.status), field(r.top, id), field(r.top, kind),
                   field(r.top, [](const BatchOption& o) { return o.region; }), field(r.top, score), field(r.runner_up, id),
                   field(r.runner_up, kind), field(r.runner_up, score), evaluated ? std::to_string(r.eligible) : "",
                   evaluated ? std::to_string(r.candidates) : "", batch_reason(r)});
}

namespace render_detail::csv {

std::string header() { return batch_csv_header(); }
std::string record(const BatchResult& result, const RenderOptions&) { return batch_csv_row(result); }

}  // namespace render_detail::csv

}  // namespace edgeplan
