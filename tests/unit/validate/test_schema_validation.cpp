#include <catch2/catch.hpp>

#include <edgeplan/schema_validation.hpp>
#include <edgeplan/workload_loader.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

const SchemaValidator& workload_validator() {
  static const SchemaValidator v(workload_schema());
  return v;
}

std::vector<std::string> formatted(const Diagnostics& d, Severity severity) {
  std::vector<std::string> out;
  for (const auto& item : d.items())
    if (item.severity == severity) out.push_back(format_diagnostic(item));
  return out;
}

Diagnostics validate_spec(const std::string& spec) {
  return workload_validator().validate(JsonDocument::parse("w.json", test::workload_text(spec)));
}

}  // namespace

TEST_CASE("schema: a valid spec gives no diagnostics") {
  CHECK(validate_spec(R"({"users": [{"name": "a", "location": {"metro": "Denver"}, "share": 1}]})").items().empty());
}

TEST_CASE("schema: only the deepest error of a nested problem is reported") {
  auto d = validate_spec(R"({"users": [{"name": "a", "location": {"metro": "Denver"}, "share": "half"}]})");
  CHECK(formatted(d, Severity::error) ==
        std::vector<std::string>{"edgeplan: error: w.json:1:161 (/spec/users/0/share): expected number, got string \"half\""});
}

TEST_CASE("schema: constraint messages") {
  SECTION("minimum") {
    auto d = validate_spec(R"({"compute": {"vcpu": -4}})");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].pointer == "/spec/compute/vcpu");
    CHECK(d.items()[0].message == "expected a number >= 0, got -4");
  }
  SECTION("exclusive minimum") {
    auto d = validate_spec(R"({"latency": {"users": {"max_rtt_ms": 0}}})");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message == "expected a number > 0, got 0");
  }
  SECTION("maximum") {
    auto d = validate_spec(R"({"users": [{"name": "a", "location": {"lat": 95, "lon": 0, "country": "US"}}]})");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].pointer == "/spec/users/0/location/lat");
    CHECK(d.items()[0].message == "expected a number <= 90, got 95");
  }
  SECTION("integer") {
    auto d = validate_spec(R"({"compute": {"gpus": 1.5}})");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message == "expected integer, got number 1.5");
  }
  SECTION("pattern") {
    auto d = validate_spec(R"({"residency": {"countries": ["usa"]}})");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].pointer == "/spec/residency/countries/0");
    CHECK(d.items()[0].message == "expected a string matching ^[A-Z]{2}$, got string \"usa\"");
  }
  SECTION("enum") {
    auto d = validate_spec(R"({"customer": {"support_plan": "gold"}})");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message ==
          "expected one of \"basic\", \"developer\", \"business\", \"enterprise-on-ramp\", \"enterprise\", \"unified-operations\", got string \"gold\"");
  }
}

TEST_CASE("schema: a missing required field is reported at its parent") {
  SECTION("nested object") {
    auto d = workload_validator().validate(JsonDocument::parse("w.json", R"({"apiVersion": "edgeplan/v1", "kind": "Workload",
 "metadata": {"description": "x"}, "spec": {}})"));
    CHECK(formatted(d, Severity::error) == std::vector<std::string>{"edgeplan: error: w.json:2:14 (/metadata): missing required field \"name\""});
  }
  SECTION("top level: no pointer, position 1:1") {
    auto d = workload_validator().validate(JsonDocument::parse("w.json", R"({"apiVersion": "edgeplan/v1", "kind": "Workload", "metadata": {"name": "n"}})"));
    CHECK(formatted(d, Severity::error) == std::vector<std::string>{"edgeplan: error: w.json:1:1: missing required field \"spec\""});
  }
  SECTION("in an array element") {
    auto d = validate_spec(R"({"users": [{"location": {"metro": "Denver"}}]})");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].pointer == "/spec/users/0");
    CHECK(d.items()[0].message == "missing required field \"name\"");
  }
}

TEST_CASE("schema: unknown fields are warnings with a hint") {
  SECTION("a near miss suggests the field") {
    auto d = validate_spec(R"({"users": [{"name": "a", "location": {"metro": "Denver"}, "shares": 1}]})");
    CHECK_FALSE(d.has_errors());
    REQUIRE(d.items().size() == 1);
    CHECK(format_diagnostic(d.items()[0]) ==
          "edgeplan: warning: w.json:1:162 (/spec/users/0/shares): unknown field \"shares\" is ignored\n  hint: did you mean \"share\"?");
  }
  SECTION("nothing close lists the known fields") {
    auto d = validate_spec(R"({"zzzzzz": true})");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].severity == Severity::warning);
    CHECK(d.items()[0].hint == "known fields here: compute, cost, customer, latency, proposed, residency, resilience, services, users, waivers, weights");
  }
  SECTION("not looked for when the caller asks only for errors (a relaxed copy of a spec)") {
    const JsonDocument document = JsonDocument::parse("w.json", test::workload_text(R"({"zzzzzz": true, "users": "not an array"})"));
    const Diagnostics d = workload_validator().validate(document, false);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].severity == Severity::error);
    CHECK(d.items()[0].pointer == "/spec/users");
    CHECK(workload_validator().validate(document).items().size() == 2);
  }
  SECTION("free-form maps (labels) accept any key") {
    auto d = workload_validator().validate(JsonDocument::parse("w.json", R"({"apiVersion": "edgeplan/v1", "kind": "Workload",
 "metadata": {"name": "n", "labels": {"team": "media"}}, "spec": {}})"));
    CHECK(d.items().empty());
  }
}

TEST_CASE("schema: a small custom schema") {
  SchemaValidator v(Json::parse(R"({"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 0}}})"));
  CHECK(v.validate(JsonDocument::parse("s.json", R"({"n": 3})")).items().empty());
  auto d = v.validate(JsonDocument::parse("s.json", R"({"n": -1, "m": 2})"));
  CHECK(formatted(d, Severity::error) == std::vector<std::string>{"edgeplan: error: s.json:1:7 (/n): expected a number >= 0, got -1"});
  CHECK(formatted(d, Severity::warning) ==
        std::vector<std::string>{"edgeplan: warning: s.json:1:16 (/m): unknown field \"m\" is ignored\n  hint: did you mean \"n\"?"});
}
