#pragma once
// What every fuzz target shares (fuzz/README.md). A target feeds bytes to one
// input kind through the same library calls the CLI makes. The only outcome
// allowed for bad bytes is an InputError whose diagnostics can be printed and
// serialised (valid UTF-8, located); any other exception, a crash, a sanitizer
// report or a timeout is a finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/jsonlogic.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/render.hpp>
#include <edgeplan/workload_loader.hpp>

namespace edgeplan::fuzz {

[[noreturn]] inline void finding(std::string_view kind, std::string_view what) {
  std::fprintf(stderr, "FUZZ FINDING: %.*s: %.*s\n", static_cast<int>(kind.size()), kind.data(),
               static_cast<int>(what.size()), what.data());
  std::abort();
}

// nlohmann's default error handler throws on invalid UTF-8: exactly what the
// JSON, JSONL and SARIF writers would meet if a diagnostic carried such bytes.
inline void require_serialisable(const Diagnostic& d) {
  const nlohmann::json j{{"file", d.file}, {"line", d.line}, {"column", d.column},
                         {"pointer", d.pointer}, {"message", d.message}, {"hint", d.hint}};
  try {
    (void)j.dump();
  } catch (const std::exception& e) {
    finding("diagnostic cannot be serialised", e.what());
  }
  if (d.message.empty()) finding("diagnostic without a message", d.file);
  (void)format_diagnostic(d);
}

// Runs `body`; an InputError is the expected refusal, anything else a finding.
template <class Body>
void guarded(Body&& body) {
  try {
    body();
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) require_serialisable(d);
  } catch (const std::exception& e) {
    finding("unexpected exception", e.what());
  } catch (...) {
    finding("unexpected exception", "not a std::exception");
  }
}

// The first byte picks the syntax (even: JSON, odd: YAML), so one corpus reaches
// both readers; the rest is the file's text.
struct Document {
  std::string path;
  std::string text;
};
inline Document as_document(const std::uint8_t* data, std::size_t size, std::string_view stem) {
  if (size == 0) return {std::string(stem) + ".json", ""};
  const bool yaml = (data[0] & 1) != 0;
  return {std::string(stem) + (yaml ? ".yaml" : ".json"), std::string(reinterpret_cast<const char*>(data) + 1, size - 1)};
}

// The embedded catalog and rules, set up once per process (as every command does).
inline const EngineSetup& default_engine() {
  static const MemoryFileSystem no_files;
  static const EngineSetup setup(EngineSources{}, no_files);
  return setup;
}

// A spec that every engine can evaluate, so targets that fuzz the engine's other
// inputs (rules, catalog, measured RTTs) reach evaluation: examples/live-streaming-denver.
inline constexpr std::string_view kReferenceSpec = R"({
  "apiVersion": "edgeplan/v1",
  "kind": "Workload",
  "metadata": {
    "name": "live-streaming-denver",
    "description": "Live sports broadcast with interactive overlays for Denver-area viewers; no Region in Colorado."
  },
  "spec": {
    "users": [
      {"name": "Denver viewers", "location": {"metro": "Denver"}, "share": 0.8, "access": "fixed"},
      {"name": "Colorado Springs viewers", "location": {"lat": 38.83, "lon": -104.82, "country": "US", "subdivision": "US-CO"}, "share": 0.2, "access": "cable"}
    ],
    "latency": {
      "users": {"max_rtt_ms": 35, "percentile": "p95", "includes_access": true}
    },
    "services": {"local": ["EC2", "EBS"], "regional": ["S3"]},
    "compute": {"vcpu": 96, "memory_gib": 384, "instance_families": ["c5"]},
    "customer": {"support_plan": "business", "operates_hardware": false}
  }
})";

// How the targets that fuzz one of the engine's sources end: `document` is added
// to the files, `point_at` names it in the sources, and the reference spec is
// evaluated with that engine and printed as JSON.
template <class PointAt>
void evaluate_reference_spec(const Document& document, PointAt&& point_at) {
  MemoryFileSystem fs;
  fs.add(document.path, document.text);
  fs.add("spec.json", std::string(kReferenceSpec));
  guarded([&] {
    EngineSources sources;
    point_at(sources, document.path);
    const EngineSetup setup(sources, fs);
    const LoadedWorkload workload = load_workload_file(fs, "spec.json", setup.catalog());
    const Report report = recommend(workload, setup.engine());
    (void)render(report, Format::json);
  });
}

}  // namespace edgeplan::fuzz
