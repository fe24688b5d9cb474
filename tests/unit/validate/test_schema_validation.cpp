#include <algorithm>

#include <catch2/catch.hpp>

#include <edgeplan/schema_validation.hpp>
#include <edgeplan/workload_loader.hpp>

#include "fixtures.hpp"
#include "support.hpp"

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
  SECTION("deeper, past the first array element, with a key the pointer escapes") {
    auto d = validate_spec(R"({"users": [{"name": "a", "location": {"metro": "Denver"}}, {"name": "b", "location": {"metro": "Denver", "a/~b": 1}}]})");
    CHECK_FALSE(d.has_errors());
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].pointer == "/spec/users/1/location/a~1~0b");
    CHECK(d.items()[0].message == "unknown field \"a/~b\" is ignored");
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
  SECTION("an object closed to other fields (spec.cost) warns about them too") {
    auto d = validate_spec(R"({"cost": {"data_transfer_out_gb_per_mont": 5}})");
    CHECK_FALSE(d.has_errors());
    REQUIRE(d.items().size() == 1);
    CHECK(format_diagnostic(d.items()[0]) ==
          "edgeplan: warning: w.json:1:137 (/spec/cost/data_transfer_out_gb_per_mont): unknown field \"data_transfer_out_gb_per_mont\" is ignored\n"
          "  hint: did you mean \"data_transfer_out_gb_per_month\"?");
  }
  SECTION("free-form maps (labels) accept any key") {
    auto d = workload_validator().validate(JsonDocument::parse("w.json", R"({"apiVersion": "edgeplan/v1", "kind": "Workload",
 "metadata": {"name": "n", "labels": {"team": "media"}}, "spec": {}})"));
    CHECK(d.items().empty());
  }
}

namespace {

// The unknown fields of `value`, found the plain way: each member's subschema
// looked up in the schema itself, node by node. The validator gathers each
// node's declared members once and matches an object's members against them
// in one sorted pass; this is the reference it must agree with.
void plain_unknown_fields(const Json& root, const Json& schema, const Json& value, const std::string& pointer, std::vector<std::string>& out) {
  const Json& node = schema.contains("$ref") ? root.at(Json::json_pointer(schema["$ref"].get<std::string>().substr(1))) : schema;
  if (value.is_array()) {
    if (!node.contains("items")) return;
    for (std::size_t i = 0; i < value.size(); ++i)
      if (value[i].is_structured()) plain_unknown_fields(root, node["items"], value[i], pointer + "/" + std::to_string(i), out);
    return;
  }
  if (!value.is_object() || !node.contains("properties")) return;
  const bool open = node.contains("additionalProperties") && node["additionalProperties"] != false;
  for (const auto& [key, child] : value.items()) {
    const std::string at = pointer + "/" + pointer_token(key);
    if (node["properties"].contains(key)) {
      if (child.is_structured()) plain_unknown_fields(root, node["properties"][key], child, at, out);
    } else if (!open) {
      out.push_back(at);
    }
  }
}

void object_pointers(const Json& value, const std::string& pointer, std::vector<std::string>& out) {
  if (value.is_object()) out.push_back(pointer);
  if (value.is_object())
    for (const auto& [key, child] : value.items()) object_pointers(child, pointer + "/" + pointer_token(key), out);
  if (value.is_array())
    for (std::size_t i = 0; i < value.size(); ++i) object_pointers(value[i], pointer + "/" + std::to_string(i), out);
}

}  // namespace

TEST_CASE("schema: unknown fields are those the schema's own lookup finds, wherever they sort among known ones") {
  // Every object of every example gets keys that sort before, between and after
  // its known members ("" and "!" first, "~" last, a known name with a suffix
  // right after it), one object at a time and all at once.
  const Json& schema = workload_schema();
  std::size_t documents = 0, warned = 0;
  for (const auto& path : test::example_specs()) {
    const Json example = JsonDocument::parse(path, test::read_text(path)).value();
    std::vector<std::string> objects;
    object_pointers(example, "", objects);
    const auto inject = [](Json& object) {
      const std::string first = object.empty() ? std::string("a") : object.begin().key();
      for (const std::string& key : {std::string(), std::string("!"), first + "_", first + "x", std::string("~")}) object[key] = 1;
    };
    std::vector<Json> variants;
    Json all = example;
    for (const auto& pointer : objects) {
      Json one = example;
      inject(one.at(Json::json_pointer(pointer)));
      variants.push_back(std::move(one));
      inject(all.at(Json::json_pointer(pointer)));
    }
    variants.push_back(std::move(all));
    for (const Json& variant : variants) {
      std::vector<std::string> expected;
      plain_unknown_fields(schema, schema, variant, "", expected);
      std::vector<std::string> found;
      const Diagnostics diagnostics = workload_validator().validate(JsonDocument::in_memory(path, variant));
      for (const auto& d : diagnostics.items())
        if (d.severity == Severity::warning && d.message.rfind("unknown field", 0) == 0) found.push_back(d.pointer);
      INFO(path);
      CHECK(found == expected);
      ++documents;
      warned += expected.size();
    }
  }
  CHECK(documents > 200);
  CHECK(warned > 1000);
}

TEST_CASE("schema: a small custom schema") {
  SchemaValidator v(Json::parse(R"({"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 0}}})"));
  CHECK(v.validate(JsonDocument::parse("s.json", R"({"n": 3})")).items().empty());
  auto d = v.validate(JsonDocument::parse("s.json", R"({"n": -1, "m": 2})"));
  CHECK(formatted(d, Severity::error) == std::vector<std::string>{"edgeplan: error: s.json:1:7 (/n): expected a number >= 0, got -1"});
  CHECK(formatted(d, Severity::warning) ==
        std::vector<std::string>{"edgeplan: warning: s.json:1:16 (/m): unknown field \"m\" is ignored\n  hint: did you mean \"n\"?"});
}

// validate_patched validates only where a patch changed a valid document (each
// relaxation round patches the spec). Its verdict must be validate()'s for any
// patch: checked here against validate() for every value of every example spec
// replaced by values of each JSON type (in range and out), every member removed,
// and an unknown member added to every object.
namespace {

bool fully_valid(const SchemaValidator& v, const Json& document) {
  return !v.validate(JsonDocument::in_memory("p.json", document), false).has_errors();
}

bool valid_after(const SchemaValidator& v, const Json& document, const Json& patch) {
  return !v.validate_patched(JsonDocument::in_memory("p.json", document.patch(patch)), patch).has_errors();
}

std::vector<Json> patches_for(const Json& document) {
  std::vector<std::string> pointers;
  test::pointers_in(document, "", pointers);
  const Json replacements = Json::parse(R"([-1, 0, 0.5, 3, 1e9, "", "x", "DE", "nyc", true, null, [], ["x"], [{}], {}, {"name": "x"}])");
  std::vector<Json> patches;
  for (const std::string& pointer : pointers) {
    for (const Json& value : replacements) patches.push_back(Json::array({{{"op", "replace"}, {"path", pointer}, {"value", value}}}));
    patches.push_back(Json::array({{{"op", "remove"}, {"path", pointer}}}));
    if (document.at(Json::json_pointer(pointer)).is_object())
      patches.push_back(Json::array({{{"op", "add"}, {"path", pointer + "/unknown_member"}, {"value", 1}}}));
  }
  return patches;
}

}  // namespace

TEST_CASE("schema: validate_patched gives validate()'s verdict for every change to every example spec", "[schema][relax]") {
  const std::vector<std::string> specs = test::example_specs();
  REQUIRE(specs.size() >= 10);
  std::size_t checked = 0, invalid = 0;
  for (const std::string& path : specs) {
    const Json document = Json::parse(test::read_text(path));
    REQUIRE(fully_valid(workload_validator(), document));
    for (const Json& patch : patches_for(document)) {
      const bool expected = fully_valid(workload_validator(), document.patch(patch));
      INFO(path << " patched with " << patch.dump());
      CHECK(valid_after(workload_validator(), document, patch) == expected);
      ++checked;
      invalid += expected ? 0 : 1;
    }
  }
  // Both verdicts are exercised, many times over.
  CHECK(checked > 5000);
  CHECK(invalid > checked / 4);
  CHECK(checked - invalid > checked / 10);
}

// A relaxation often changes one member of many items at once (the budget of
// every dependency). validate_patched's verdict must be validate()'s for such
// patches of several operations too: here the same member of two sibling items
// of every example spec, the second replaced and the first kept or replaced
// alike, by the second's own value (mostly valid) or by each replacement.
TEST_CASE("schema: validate_patched gives validate()'s verdict when a patch changes the same member of several items", "[schema][relax]") {
  const Json replacements = Json::parse(R"([-1, 0, 3, 1e9, "", "nyc", true, null, [], {}])");
  std::size_t checked = 0, invalid = 0;
  for (const std::string& path : test::example_specs()) {
    const Json document = Json::parse(test::read_text(path));
    std::vector<std::string> pointers;
    test::pointers_in(document, "", pointers);
    for (const std::string& pointer : pointers) {
      // "/a/0/m" and its cousin "/a/1/m": the same member of the next item.
      const std::size_t last = pointer.rfind('/'), index_at = pointer.rfind('/', last - 1);
      if (index_at == std::string::npos || pointer.substr(index_at + 1, last - index_at - 1) != "0") continue;
      const std::string cousin = pointer.substr(0, index_at) + "/1" + pointer.substr(last);
      if (!document.contains(Json::json_pointer(cousin))) continue;
      const Json kept = document.at(Json::json_pointer(pointer));
      std::vector<Json> values = {document.at(Json::json_pointer(cousin))};
      values.insert(values.end(), replacements.begin(), replacements.end());
      for (const Json& value : values) {
        for (const Json& first : {kept, value}) {
          const Json patch = Json::array({{{"op", "replace"}, {"path", pointer}, {"value", first}}, {{"op", "replace"}, {"path", cousin}, {"value", value}}});
          const bool expected = fully_valid(workload_validator(), document.patch(patch));
          INFO(path << " patched with " << patch.dump());
          CHECK(valid_after(workload_validator(), document, patch) == expected);
          ++checked;
          invalid += expected ? 0 : 1;
        }
      }
    }
  }
  CHECK(checked > 500);
  CHECK(invalid > checked / 4);
  CHECK(checked - invalid > checked / 10);
}

TEST_CASE("schema: validate_patched validates the whole document under a keyword that reads a whole value", "[schema][relax]") {
  // An enum on a container, at the parent's parent and two levels higher: the
  // parent of the change is valid on its own, and the document is not.
  const std::vector<std::pair<const char*, const char*>> cases = {
      {R"({"type": "object", "properties": {"a": {"type": "object", "enum": [{"b": {"v": 2}}],
            "properties": {"b": {"type": "object", "properties": {"v": {"type": "number"}}}}}}})",
       "/a/b/v"},
      {R"({"type": "object", "properties": {"a": {"type": "object", "enum": [{"b": {"c": {"v": 2}}}],
            "properties": {"b": {"type": "object", "properties": {"c": {"type": "object", "properties": {"v": {"type": "number"}}}}}}}}})",
       "/a/b/c/v"},
  };
  const std::vector<const char*> documents = {R"({"a": {"b": {"v": 2}}})", R"({"a": {"b": {"c": {"v": 2}}}})"};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i);
    const SchemaValidator v(Json::parse(cases[i].first));
    const Json document = Json::parse(documents[i]);
    const Json patch = Json::array({{{"op", "replace"}, {"path", cases[i].second}, {"value", 1}}});
    REQUIRE(fully_valid(v, document));
    CHECK_FALSE(fully_valid(v, document.patch(patch)));
    CHECK_FALSE(valid_after(v, document, patch));
  }
}

TEST_CASE("schema: validate_patched follows $ref into definitions and checks required members at the parent", "[schema][relax]") {
  const SchemaValidator v(Json::parse(R"({"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/definitions/item"}}},
      "definitions": {"item": {"type": "object", "required": ["n"], "additionalProperties": false,
                               "properties": {"n": {"type": "integer", "minimum": 1}, "tag": {"type": "string", "pattern": "^[a-z]+$"}}}}})"));
  const Json document = Json::parse(R"({"items": [{"n": 1, "tag": "a"}, {"n": 2}]})");
  REQUIRE(fully_valid(v, document));
  CHECK(valid_after(v, document, Json::parse(R"([{"op": "replace", "path": "/items/1/n", "value": 5}])")));
  CHECK(valid_after(v, document, Json::parse(R"([{"op": "add", "path": "/items/1/tag", "value": "b"}])")));
  CHECK_FALSE(valid_after(v, document, Json::parse(R"([{"op": "replace", "path": "/items/1/n", "value": 0}])")));
  CHECK_FALSE(valid_after(v, document, Json::parse(R"([{"op": "add", "path": "/items/0/tag", "value": "B"}])")));
  CHECK_FALSE(valid_after(v, document, Json::parse(R"([{"op": "remove", "path": "/items/1/n"}])")));
  CHECK_FALSE(valid_after(v, document, Json::parse(R"([{"op": "move", "from": "/items/1/n", "path": "/items/0/n"}])")));
}

// A "replace" keeps its parent's members, so validate_patched validates the new
// value alone, unless its parent (or any ancestor) has a keyword that reads its
// members' values: there a value valid on its own still breaks the document.
TEST_CASE("schema: validate_patched catches a replaced value that breaks a keyword of its parent reading its members", "[schema][relax]") {
  const SchemaValidator v(Json::parse(R"({"type": "object", "properties": {
      "tags": {"type": "array", "uniqueItems": true, "items": {"type": "string"}},
      "pair": {"type": "object", "dependencies": {"a": {"properties": {"b": {"minimum": 10}}}},
               "properties": {"a": {"type": "number"}, "b": {"type": "number"}}},
      "plain": {"type": "object", "required": ["n"], "additionalProperties": false, "properties": {"n": {"type": "integer", "maximum": 5}}}}})"));
  const Json document = Json::parse(R"({"tags": ["x", "y"], "pair": {"a": 1, "b": 20}, "plain": {"n": 1}})");
  REQUIRE(fully_valid(v, document));
  const auto replace = [](const char* path, const Json& value) { return Json::array({{{"op", "replace"}, {"path", path}, {"value", value}}}); };
  CHECK(valid_after(v, document, replace("/tags/1", "z")));
  CHECK_FALSE(valid_after(v, document, replace("/tags/1", "x")));  // uniqueItems
  CHECK(valid_after(v, document, replace("/pair/b", 11)));
  CHECK_FALSE(valid_after(v, document, replace("/pair/b", 9)));  // dependencies: with "a", b >= 10
  CHECK(valid_after(v, document, replace("/plain/n", 5)));
  CHECK_FALSE(valid_after(v, document, replace("/plain/n", 6)));
  CHECK_FALSE(valid_after(v, document, replace("/plain/n", "1")));
  CHECK_FALSE(valid_after(v, document, replace("/plain", Json::object())));  // required
}

// A constraint explain_violation has no words for (the workload schema uses
// none today) must still fail the document, in valijson's words; a member a
// closed object does not list stays an unknown-field warning, as elsewhere.
TEST_CASE("schema: a violation without words of its own is still an error, but a closed object's extra member is a warning") {
  const SchemaValidator v(Json::parse(R"({"type": "object", "properties": {
      "tags": {"type": "array", "minItems": 2, "uniqueItems": true},
      "step": {"type": "number", "multipleOf": 5},
      "cost": {"type": "object", "additionalProperties": false, "properties": {"gb": {"type": "number"}}}}})"));
  const auto check = [&](const std::string& text) { return v.validate(JsonDocument::parse("t.json", text)); };
  CHECK(check(R"({"tags": ["a", "b"], "step": 10, "cost": {"gb": 1}})").items().empty());

  const auto few = check(R"({"tags": ["a"]})");
  REQUIRE(formatted(few, Severity::error).size() == 1);
  CHECK_THAT(formatted(few, Severity::error)[0], Catch::StartsWith("edgeplan: error: t.json:1:10 (/tags): does not satisfy the schema: "));
  CHECK(formatted(check(R"({"tags": ["a", "a"]})"), Severity::error).size() == 1);
  CHECK(formatted(check(R"({"step": 7})"), Severity::error).size() == 1);

  const auto extra = check(R"({"cost": {"gb": 1, "gbs": 2}})");
  CHECK(formatted(extra, Severity::error).empty());
  CHECK(formatted(extra, Severity::warning) == std::vector<std::string>{"edgeplan: warning: t.json:1:27 (/cost/gbs): unknown field \"gbs\" is ignored\n  hint: did you mean \"gb\"?"});
}

namespace {

// The schema node describing each value, by the schema's own structure
// (properties, items, additionalProperties, $ref into #/definitions): for the
// test below, which needs no validator to know where the patterns are.
void strings_with_patterns(const Json& root, const Json& schema, const Json& value, const std::string& pointer,
                           std::vector<std::pair<std::string, std::string>>& out) {
  const Json* node = &schema;
  while (node->contains("$ref")) node = &root.at(Json::json_pointer((*node)["$ref"].get<std::string>().substr(1)));
  if (value.is_string() && node->contains("pattern")) out.emplace_back(pointer, (*node)["pattern"].get<std::string>());
  if (value.is_array() && node->contains("items"))
    for (std::size_t i = 0; i < value.size(); ++i) strings_with_patterns(root, (*node)["items"], value[i], pointer + "/" + std::to_string(i), out);
  if (!value.is_object()) return;
  for (const auto& [key, member] : value.items()) {
    if (node->contains("properties") && (*node)["properties"].contains(key))
      strings_with_patterns(root, (*node)["properties"][key], member, pointer + "/" + key, out);
    else if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object())
      strings_with_patterns(root, (*node)["additionalProperties"], member, pointer + "/" + key, out);
  }
}

}  // namespace

// RE2 matches the schema's patterns (valijson is given none): every string
// with a pattern in every example, broken, must still be an error there, and
// only there; and a pattern under a combinator RE2's walk does not follow stays
// with valijson, still an error.
TEST_CASE("schema: every pattern the examples meet is still checked, and a pattern valijson keeps too") {
  const Json& schema = workload_schema();
  std::size_t checked = 0;
  for (const std::string& path : test::example_specs()) {
    const Json spec = Json::parse(test::read_text(path));
    std::vector<std::pair<std::string, std::string>> found;
    strings_with_patterns(schema, schema, spec, "", found);
    for (const auto& [pointer, pattern] : found) {
      INFO(path << " " << pointer);
      Json broken = spec;
      broken[Json::json_pointer(pointer)] = "!" + broken[Json::json_pointer(pointer)].get<std::string>();
      const Diagnostics d = workload_validator().validate(JsonDocument::parse("w.json", broken.dump()), false);
      REQUIRE(d.items().size() == 1);
      CHECK(d.items()[0].pointer == pointer);
      CHECK(d.items()[0].message.rfind("expected a string matching " + pattern + ", got string \"!", 0) == 0);
      ++checked;
    }
  }
  CHECK(checked > 40);

  const SchemaValidator kept(Json::parse(R"({"type": "object", "properties": {
      "id": {"anyOf": [{"type": "string", "pattern": "^[a-z]+$"}, {"type": "integer"}]},
      "tag": {"type": "string", "pattern": "^[a-z]+$"}}})"));
  const auto errors = [&](const std::string& text) { return formatted(kept.validate(JsonDocument::parse("t.json", text)), Severity::error); };
  CHECK(errors(R"({"id": "abc", "tag": "abc"})").empty());
  CHECK(errors(R"({"id": 7})").empty());
  CHECK(errors(R"({"id": "ABC"})").size() == 1);
  CHECK(errors(R"({"tag": "ABC"})") == std::vector<std::string>{"edgeplan: error: t.json:1:9 (/tag): expected a string matching ^[a-z]+$, got string \"ABC\""});
}
