// JsonReader::find: loaders read every field by JSON pointer, and the reader
// remembers the walk to the last container token by token. Whatever order the
// pointers come in, each must find what a walk from the root finds.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <edgeplan/json_document.hpp>

#include "load/json_reader.hpp"

using edgeplan::Json;
using edgeplan::JsonDocument;
using edgeplan::JsonReader;

namespace {

// Every value's pointer, and beside each a few that do not exist.
void pointers_of(const Json& value, const std::string& at, std::vector<std::string>& out) {
  out.push_back(at);
  out.push_back(at + "/missing");
  out.push_back(at + "/7");
  if (value.is_object())
    for (const auto& [key, member] : value.items()) pointers_of(member, at + "/" + edgeplan::pointer_token(key), out);
  if (value.is_array())
    for (std::size_t i = 0; i < value.size(); ++i) pointers_of(value[i], at + "/" + std::to_string(i), out);
}

// What a walk from the root finds: the node, or null.
const Json* expected_at(const Json& root, const std::string& pointer) {
  try {
    const Json::json_pointer p(pointer);
    return root.contains(p) ? &root.at(p) : nullptr;
  } catch (const Json::exception&) {
    return nullptr;
  }
}

}  // namespace

TEST_CASE("json reader: find takes the walk of one from the root, in any order", "[load]") {
  const JsonDocument doc = JsonDocument::parse("reader.json", R"({
    "spec": {"users": [{"name": "a", "location": {"metro": "Denver"}}, {"name": "b", "location": {"metro": "Boston"}}],
             "latency": {"users": {"max_rtt_ms": 20}, "dependencies": [{"name": "db", "max_rtt_ms": 1}]},
             "a/b": {"c~d": {"": 1}}, "users": {"x": true}, "usersX": {"y": false}},
    "metadata": {"name": "n", "labels": {"team": "t"}}, "list": [[1, [2, {"k": 3}]], []], "empty": {}})");
  std::vector<std::string> pointers;
  pointers_of(doc.value(), "", pointers);
  pointers.push_back("spec");       // not a pointer: no leading slash
  pointers.push_back("/spec//x");   // an empty token
  pointers.push_back("/list/01");   // not an index (a leading zero)
  pointers.push_back("/list/+1");   // nor a sign, nor anything after the digits
  pointers.push_back("/list/-1");
  pointers.push_back("/list/1x");
  pointers.push_back("/list/18446744073709551617");  // 2^64 + 1: no index, not 1 after wrapping
  pointers.push_back("/spec/users/1/location/metro");
  REQUIRE(pointers.size() > 80);

  std::vector<std::vector<std::string>> orders{pointers, pointers, pointers};
  std::sort(orders[1].begin(), orders[1].end());
  std::shuffle(orders[2].begin(), orders[2].end(), std::mt19937(42));
  std::size_t found = 0;
  for (const auto& order : orders) {
    const JsonReader reader(doc);
    for (const auto& pointer : order) {
      INFO(pointer);
      const Json* expected = expected_at(doc.value(), pointer);
      CHECK(reader.find(pointer) == expected);
      found += expected != nullptr;
    }
  }
  CHECK(found > 60);
}
