// load_patched_workload reads a relaxed copy of a spec again only where the
// patch changed it, and copies the rest of the model from the spec as it
// loaded. It must give the workload load_workload gives the patched document,
// or refuse it as load_workload does: checked here for a change at every value
// of every example spec, one at a time and in pairs across sections.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include <edgeplan/workload_loader.hpp>

#include "fixtures.hpp"
#include "support.hpp"

using namespace edgeplan;

namespace {

std::optional<LoadedWorkload> loaded_whole(const Json& document) {
  try {
    return load_workload(JsonDocument::in_memory("spec.json", document), test::default_catalog());
  } catch (const InputError&) {
    return std::nullopt;
  }
}

std::optional<LoadedWorkload> loaded_patched(const Json& document, const Json& patch, const Workload& before) {
  try {
    return load_patched_workload(JsonDocument::in_memory("spec.json", document), patch, before, test::default_catalog());
  } catch (const InputError&) {
    return std::nullopt;
  }
}

struct Tally {
  std::size_t checked = 0, refused = 0, changed = 0;
};

void check_patch(const Json& document, const Json& patch, const Workload& before, Tally& tally) {
  Json patched;
  try {
    patched = document.patch(patch);
  } catch (const Json::exception&) {
    return;  // not a patch of this document (removing a member, then replacing it)
  }
  INFO("patched with " << patch.dump());
  const auto whole = loaded_whole(patched);
  const auto part = loaded_patched(patched, patch, before);
  REQUIRE(whole.has_value() == part.has_value());
  ++tally.checked;
  if (!whole) {
    ++tally.refused;
    return;
  }
  const WorkloadModel& expected = whole->workload;
  CHECK(static_cast<const WorkloadModel&>(part->workload) == expected);
  CHECK(part->workload.spec == whole->workload.spec);
  CHECK(part->workload.source_name == whole->workload.source_name);
  tally.changed += expected == static_cast<const WorkloadModel&>(before) ? 0 : 1;
}

Json replace(const std::string& pointer, const Json& value) {
  return {{"op", "replace"}, {"path", pointer}, {"value", value}};
}

}  // namespace

TEST_CASE("load: a patched spec read again where the patch changed it gives the workload a whole read gives", "[relax]") {
  // Values of each type, in range and out, and names the catalog knows and does not.
  const Json values = Json::parse(R"([-1, 0, 0.5, 3, 250, 1e9, "", "x", "DE", "US-CA", "nyc", "Tokyo", "p50", true, false, null,
                                      [], ["x"], ["DE"], ["EC2", "S3"], {}, {"metro": "Tokyo"}])");
  Tally tally;
  for (const std::string& path : test::example_specs()) {
    INFO(path);
    const Json document = Json::parse(test::read_text(path));
    const auto before = loaded_whole(document);
    REQUIRE(before.has_value());
    std::vector<std::string> pointers;
    test::pointers_in(document, "", pointers);
    for (const std::string& pointer : pointers) {
      for (const Json& value : values) check_patch(document, Json::array({replace(pointer, value)}), before->workload, tally);
      check_patch(document, Json::array({{{"op", "remove"}, {"path", pointer}}}), before->workload, tally);
    }
    // Two sections at once: raising the users' budget while changing each other value.
    const Json budget = replace("/spec/latency/users/max_rtt_ms", 400);
    for (const std::string& pointer : pointers)
      for (const Json& value : {Json(3), Json("Tokyo"), Json::array({"DE"})})
        check_patch(document, Json::array({budget, replace(pointer, value)}), before->workload, tally);
    // A whole section replaced from above, and the sections added where absent.
    check_patch(document, Json::array({replace("/spec/latency", Json::parse(R"({"users": {"max_rtt_ms": 90}})"))}), before->workload, tally);
    for (const char* section : {"/spec/resilience", "/spec/proposed", "/spec/weights", "/spec/cost", "/spec/waivers"})
      if (!document.contains(Json::json_pointer(section)))
        check_patch(document, Json::array({{{"op", "add"}, {"path", section}, {"value", Json::object()}}}), before->workload, tally);
  }
  // Not vacuous: many patches load, and change the model, and many are refused.
  INFO(tally.checked << " checked, " << tally.refused << " refused, " << tally.changed << " changed the model");
  CHECK(tally.checked > 10000);
  CHECK(tally.changed > 2000);
  CHECK(tally.refused > tally.checked / 4);
}

TEST_CASE("load: a dependency at a facility is placed again when a patch moves the facility", "[relax]") {
  const LoadedWorkload before = test::load_spec(R"({
    "users": [{"name": "plant", "location": {"metro": "Detroit"}}],
    "latency": {"users": {"max_rtt_ms": 20}, "dependencies": [{"name": "mes", "facility": "plant", "max_rtt_ms": 5}]},
    "customer": {"facilities": [{"id": "plant", "location": {"metro": "Detroit"}}]}
  })");
  REQUIRE(before.workload.dependencies.at(0).place.label == "Detroit");
  const Json patch = Json::array({replace("/spec/customer/facilities/0/location", Json{{"metro", "Chicago"}})});
  const auto part = loaded_patched(before.workload.spec.patch(patch), patch, before.workload);
  REQUIRE(part.has_value());
  CHECK(part->workload.dependencies.at(0).place.label == "Chicago");
  CHECK(static_cast<const WorkloadModel&>(part->workload) == loaded_whole(before.workload.spec.patch(patch))->workload);
}
