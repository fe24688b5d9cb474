#include <catch2/catch.hpp>

#include <edgeplan/workload_loader.hpp>

#include "fixtures.hpp"
#include "support.hpp"

using namespace edgeplan;
using test::input_error_text;
using test::load_spec;

namespace {

std::string load_errors(const std::string& spec) {
  return input_error_text([&] { load_spec(spec); });
}

}  // namespace

TEST_CASE("workload: fields are read into the model") {
  auto loaded = load_spec(R"({
    "users": [{"name": "Denver viewers", "location": {"metro": "denver"}, "access": "cable"}],
    "latency": {"users": {"max_rtt_ms": 35, "percentile": "p50", "includes_access": false}},
    "services": {"local": ["EC2"], "regional": ["S3"]},
    "residency": {"countries": ["US"], "subdivisions": ["US-CO"]},
    "compute": {"vcpu": 8, "instance_families": ["c5"]},
    "weights": {"latency": 50}
  })");
  const Workload& w = loaded.workload;
  CHECK(w.name == "unit-test");
  CHECK(w.source_name == "spec.json");
  REQUIRE(w.users.size() == 1);
  CHECK(w.users[0].place.label == "Denver");  // metro names are case-insensitive
  CHECK(w.users[0].place.country == "US");
  CHECK(w.users[0].place.subdivision == std::optional<std::string>("US-CO"));
  CHECK(w.users[0].access == AccessType::cable);
  CHECK(w.users[0].pointer == "/spec/users/0");
  CHECK(w.latency.users_max_rtt_ms == std::optional<double>(35));
  CHECK(w.latency.percentile == "p50");
  CHECK_FALSE(w.latency.includes_access);
  CHECK(w.services_local == std::vector<std::string>{"EC2"});
  CHECK(w.residency.subdivisions == std::vector<std::string>{"US-CO"});
  CHECK(w.compute.vcpu == 8);
  CHECK(w.weights == std::map<std::string, double>{{"latency", 50}});
  CHECK(loaded.warnings.empty());
}

TEST_CASE("workload: shares") {
  SECTION("none given: equal shares") {
    auto w = load_spec(R"({"users": [
      {"name": "a", "location": {"metro": "Denver"}}, {"name": "b", "location": {"metro": "Denver"}},
      {"name": "c", "location": {"metro": "Denver"}}, {"name": "d", "location": {"metro": "Denver"}}]})").workload;
    REQUIRE(w.users.size() == 4);
    for (const auto& g : w.users) CHECK(g.share == Approx(0.25));
  }
  SECTION("all given are kept") {
    auto w = load_spec(R"({"users": [{"name": "a", "location": {"metro": "Denver"}, "share": 0.7},
      {"name": "b", "location": {"metro": "Denver"}, "share": 0.3}]})").workload;
    CHECK(w.users[0].share == 0.7);
    CHECK(w.users[1].share == 0.3);
  }
  SECTION("some given: the others are errors") {
    CHECK(load_errors(R"({"users": [{"name": "a", "location": {"metro": "Denver"}, "share": 1},
      {"name": "b", "location": {"metro": "Denver"}}]})") ==
          "edgeplan: error: spec.json:2:7 (/spec/users/1): missing \"share\": give every user group a share, or none (equal shares)\n");
  }
  SECTION("a sum other than 1") {
    CHECK(load_errors(R"({"users": [{"name": "a", "location": {"metro": "Denver"}, "share": 0.6},
      {"name": "b", "location": {"metro": "Denver"}, "share": 0.6}]})") ==
          "edgeplan: error: spec.json:1:104 (/spec/users): user shares sum to 1.2; expected 1\n"
          "  hint: shares are fractions of traffic, e.g. 0.7 and 0.3\n");
  }
}

TEST_CASE("workload: dependencies resolve their facility") {
  const std::string facilities = R"("customer": {"facilities": [{"id": "plant-1", "location": {"lat": 40.0, "lon": -105.2, "country": "US", "subdivision": "US-CO"}}]})";
  SECTION("no location: the facility's") {
    auto w = load_spec(R"({"latency": {"dependencies": [{"name": "plc", "facility": "plant-1", "max_rtt_ms": 5}]}, )" + facilities + "}").workload;
    REQUIRE(w.dependencies.size() == 1);
    const Dependency& d = w.dependencies[0];
    CHECK(d.facility == std::optional<std::string>("plant-1"));
    CHECK(d.place.point.lat == 40.0);
    CHECK(d.place.point.lon == -105.2);
    CHECK(d.place.subdivision == std::optional<std::string>("US-CO"));
    CHECK(d.max_rtt_ms == 5);
  }
  SECTION("its own location wins") {
    auto w = load_spec(R"({"latency": {"dependencies": [{"name": "plc", "facility": "plant-1", "max_rtt_ms": 5,
      "location": {"metro": "Chicago"}}]}, )" + facilities + "}").workload;
    CHECK(w.dependencies[0].place.label == "Chicago");
  }
  SECTION("an unknown facility") {
    CHECK(load_errors(R"({"latency": {"dependencies": [{"name": "plc", "facility": "plant-9", "max_rtt_ms": 5}]}, )" + facilities + "}") ==
          "edgeplan: error: spec.json:1:152 (/spec/latency/dependencies/0/facility): unknown facility \"plant-9\"\n"
          "  hint: did you mean \"plant-1\"?\n");
  }
  SECTION("neither facility nor location") {
    CHECK(load_errors(R"({"latency": {"dependencies": [{"name": "db", "max_rtt_ms": 5}]}})") ==
          "edgeplan: error: spec.json:1:124 (/spec/latency/dependencies/0): expected \"facility\" or \"location\": where does this dependency run?\n");
  }
}

TEST_CASE("workload: semantic checks") {
  SECTION("every error of the document in one throw") {
    CHECK(load_errors(R"({"users": [{"name": "a", "location": {"metro": "Nowhereville"}}], "services": {"local": ["EC3"]}})") ==
          "edgeplan: error: spec.json:1:141 (/spec/users/0/location/metro): unknown metro \"Nowhereville\"\n"
          "  hint: give lat, lon and country instead (rules/catalog/metros.json lists the known metros)\n"
          "edgeplan: error: spec.json:1:183 (/spec/services/local/0): unknown service \"EC3\"\n"
          "  hint: did you mean \"EC2\"?\n");
  }
  SECTION("coordinates without a country") {
    CHECK(load_errors(R"({"users": [{"name": "a", "location": {"lat": 1, "lon": 2}}]})") ==
          "edgeplan: error: spec.json:1:131 (/spec/users/0/location): missing required field \"country\" (needed for residency when no metro is named)\n");
  }
  SECTION("neither metro nor coordinates") {
    CHECK(load_errors(R"({"users": [{"name": "a", "location": {"country": "US"}}]})") ==
          "edgeplan: error: spec.json:1:131 (/spec/users/0/location): expected either \"metro\" or both \"lat\" and \"lon\"\n");
  }
  SECTION("a residency subdivision outside the allowed countries") {
    CHECK(load_errors(R"({"residency": {"countries": ["DE"], "subdivisions": ["US-NJ"]}})") ==
          "edgeplan: error: spec.json:1:147 (/spec/residency/subdivisions/0): subdivision \"US-NJ\" lies outside the allowed countries (DE)\n"
          "  hint: add \"US\" to spec.residency.countries\n");
  }
  SECTION("an unknown Outposts form factor") {
    CHECK(load_errors(R"({"customer": {"facilities": [{"id": "p1", "location": {"metro": "Denver"}}]},
      "proposed": {"form_factor": "rack-gen2-singel", "facility": "p1"}})") ==
          "edgeplan: error: spec.json:2:35 (/spec/proposed/form_factor): unknown Outposts form factor \"rack-gen2-singel\"\n"
          "  hint: did you mean \"rack-gen2-single\"?\n");
  }
  SECTION("weights that sum to 0") {
    CHECK(load_errors(R"({"weights": {"latency": 0}})") ==
          "edgeplan: error: spec.json:1:106 (/spec/weights): weights sum to 0; at least one factor needs a positive weight\n");
  }
}

TEST_CASE("workload: any AWS service may be used from the Region, unknown names there are warnings") {
  auto loaded = load_spec(R"({"services": {"local": ["EC2"], "regional": ["DynamoDB", "SQS", "Lambda", "CloudFront", "DynamoBD"]}})");
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(format_diagnostic(loaded.warnings[0]) ==
        "edgeplan: warning: spec.json:1:182 (/spec/services/regional/4): service \"DynamoBD\" is not in edgeplan's vocabulary: treated as one that stores no data in the Region\n"
        "  hint: did you mean \"DynamoDB\"?");
  CHECK(loaded.workload.services_regional.size() == 5);
}

TEST_CASE("workload: warnings do not stop loading") {
  auto loaded = load_spec(R"({"users": [{"name": "m", "location": {"metro": "Denver"}, "access": "mobile-5g"}],
    "services": {"local": ["EC2"], "regional": ["EC2"]}, "colour": "blue"})");
  std::vector<std::string> text;
  for (const auto& w : loaded.warnings) text.push_back(format_diagnostic(w));
  CHECK(text == std::vector<std::string>{
                    "edgeplan: warning: spec.json:2:68 (/spec/colour): unknown field \"colour\" is ignored\n"
                    "  hint: known fields here: compute, cost, customer, latency, proposed, residency, resilience, services, users, waivers, weights",
                    "edgeplan: warning: spec.json:1:105 (/spec/users/0): mobile-5g users without a \"carrier\": no Wavelength Zone can be matched to them\n"
                    "  hint: add \"carrier\", e.g. \"Verizon\"",
                    "edgeplan: warning: spec.json:2:49 (/spec/services/regional/0): \"EC2\" is listed as both local and regional; treated as local"});
}

TEST_CASE("workload: loading from a file system") {
  MemoryFileSystem fs;
  fs.add("specs/a.json", test::workload_text(R"({"users": [{"name": "a", "location": {"metro": "Denver"}}]})", "from-memory"));
  CHECK(load_workload_file(fs, "specs/a.json", test::default_catalog()).workload.name == "from-memory");
  CHECK(input_error_text([&] { load_workload_file(fs, "specs/b.json", test::default_catalog()); }) ==
        "edgeplan: error: specs/b.json: cannot read file (missing or not a regular file)\n");
}

// ---------------------------------------------------------------- YAML specs

namespace {

const char* kYamlSpec =
    "apiVersion: edgeplan/v1\n"
    "kind: Workload\n"
    "metadata:\n"
    "  name: yaml-spec\n"
    "spec:\n"
    "  users:\n"
    "    - name: Denver viewers\n"
    "      location: {metro: Denver}\n"
    "      share: 0.6\n"
    "      access: cable\n"
    "    - name: Boulder viewers\n"
    "      location: {metro: Denver}\n"
    "      share: 0.4\n"
    "      access: fixed\n"
    "  latency:\n"
    "    users: {max_rtt_ms: 35}\n";

// kYamlSpec with `line` (1-based) replaced by `replacement`.
std::string yaml_spec_with(int line, const std::string& replacement) {
  std::string text = kYamlSpec;
  std::size_t begin = 0;
  for (int i = 1; i < line; ++i) begin = text.find('\n', begin) + 1;
  return text.replace(begin, text.find('\n', begin) - begin, replacement);
}

std::string yaml_load_errors(const std::string& text) {
  return input_error_text([&] { load_workload(JsonDocument::parse_yaml("spec.yaml", text), test::default_catalog()); });
}

}  // namespace

TEST_CASE("workload: a YAML spec loads to the same workload as its JSON twin") {
  MemoryFileSystem fs;
  for (const char* file : {"examples/region-is-enough/workload.json", "examples/region-is-enough/workload.yaml"})
    fs.add(file, test::read_text(test::source_path(file)));
  const Workload json = load_workload_file(fs, "examples/region-is-enough/workload.json", test::default_catalog()).workload;
  const Workload yaml = load_workload_file(fs, "examples/region-is-enough/workload.yaml", test::default_catalog()).workload;
  CHECK(yaml.spec == json.spec);  // what the rules read
  CHECK(yaml.name == json.name);
  CHECK(yaml.description == json.description);
  REQUIRE(yaml.users.size() == json.users.size());
  for (std::size_t i = 0; i < json.users.size(); ++i) {
    CHECK(yaml.users[i].name == json.users[i].name);
    CHECK(yaml.users[i].place.label == json.users[i].place.label);
    CHECK(yaml.users[i].share == json.users[i].share);
    CHECK(yaml.users[i].access == json.users[i].access);
    CHECK(yaml.users[i].pointer == json.users[i].pointer);
  }
  CHECK(yaml.latency.users_max_rtt_ms == json.latency.users_max_rtt_ms);
  CHECK(yaml.latency.percentile == json.latency.percentile);
  CHECK(yaml.latency.includes_access == json.latency.includes_access);
  CHECK(yaml.services_local == json.services_local);
  CHECK(yaml.services_regional == json.services_regional);
  CHECK(yaml.compute.vcpu == json.compute.vcpu);
  CHECK(yaml.compute.instance_families == json.compute.instance_families);
  CHECK(yaml.customer.operates_hardware == json.customer.operates_hardware);
  CHECK(yaml.source_name == "examples/region-is-enough/workload.yaml");
}

TEST_CASE("workload: errors in a YAML spec are located as in JSON") {
  REQUIRE(yaml_load_errors(kYamlSpec).empty());
  SECTION("a wrong type at a nested field") {
    CHECK(yaml_load_errors(yaml_spec_with(16, "    users: {max_rtt_ms: fast}")) ==
          "edgeplan: error: spec.yaml:16:25 (/spec/latency/users/max_rtt_ms): expected number, got string \"fast\"\n");
  }
  SECTION("a quoted number stays a string") {
    CHECK(yaml_load_errors(yaml_spec_with(9, "      share: \"0.6\"")) ==
          "edgeplan: error: spec.yaml:9:14 (/spec/users/0/share): expected number, got string \"0.6\"\n");
  }
  SECTION("a check a schema cannot express") {
    CHECK(yaml_load_errors(yaml_spec_with(13, "      share: 0.2")) ==
          "edgeplan: error: spec.yaml:6:3 (/spec/users): user shares sum to 0.8; expected 1\n"
          "  hint: shares are fractions of traffic, e.g. 0.7 and 0.3\n");
  }
  SECTION("a missing field at its parent") {
    CHECK(yaml_load_errors(yaml_spec_with(8, "      place: {metro: Denver}")) ==
          "edgeplan: error: spec.yaml:7:7 (/spec/users/0): missing required field \"location\"\n"
          "edgeplan: warning: spec.yaml:8:14 (/spec/users/0/place): unknown field \"place\" is ignored\n"
          "  hint: known fields here: access, carrier, location, name, share\n");
  }
  SECTION("an unknown field is a warning") {
    const auto loaded = load_workload(JsonDocument::parse_yaml("spec.yaml", yaml_spec_with(10, "      acess: cable")), test::default_catalog());
    REQUIRE_FALSE(loaded.warnings.empty());
    CHECK(format_diagnostic(loaded.warnings.front()).rfind("edgeplan: warning: spec.yaml:10:14 (/spec/users/0/acess): unknown field \"acess\" is ignored", 0) == 0);
  }
}
