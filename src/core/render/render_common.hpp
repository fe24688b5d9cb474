#pragma once
// Pieces the text and Markdown renderers share, so both say the same thing.
#include <string>

#include <edgeplan/render.hpp>

namespace edgeplan::render_detail {

std::string option_title(const Evaluation& e);  // "us-west-2-lax-1a (local-zone) — US West (Los Angeles), parent us-west-2"
std::string verdict_words(Verdict verdict);     // "eligible with conditions"
std::string factor_line(const Evaluation& e);   // "latency 95 · services 100 · …"
std::string provenance_line(const Provenance& p);
std::string finding_line(const Finding& f);     // "verify: …" / "arrange: …"

}  // namespace edgeplan::render_detail

namespace edgeplan {
// One function per format, dispatched by render.cpp.
std::string render_text(const Report& report, const RenderOptions& options);
std::string render_markdown(const Report& report, const RenderOptions& options);
std::string render_explanation_text(const Report& report, const Evaluation& e, const RenderOptions& options);
std::string render_explanation_markdown(const Report& report, const Evaluation& e);
}  // namespace edgeplan
