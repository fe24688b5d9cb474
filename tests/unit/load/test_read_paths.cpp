// ReadPaths: which members of the rules' data a rule set may read. A builder
// leaves out what no path leads to, so a path that is lost here is a fact
// left stale (the last option's value) for a rule to read.
#include <catch2/catch.hpp>

#include <set>
#include <vector>
#include <string>

#include <edgeplan/lazy_data.hpp>

using edgeplan::ReadPaths;

namespace {

bool reads_nothing_below(const ReadPaths* node) { return node && !node->whole() && node->members().empty(); }

}  // namespace

TEST_CASE("read paths: a path read reads everything below it, and nothing beside it", "[model]") {
  ReadPaths reads;
  reads.add("facts.residency.verdict");
  reads.add("facts.latency.weighted_ratio");
  const ReadPaths* facts = reads.member("facts");
  REQUIRE(facts);
  CHECK_FALSE(facts->whole());
  REQUIRE(facts->member("residency"));
  CHECK(facts->member("residency")->member("verdict")->whole());
  CHECK(facts->member("residency")->member("verdict")->member("anything")->whole());  // below a whole node
  CHECK(facts->member("residency")->member("inside") == nullptr);
  CHECK(facts->member("services") == nullptr);
  CHECK(reads.member("option") == nullptr);
  CHECK(reads.at("facts.residency") == facts->member("residency"));
  CHECK(reads.at("facts.residency.verdict.deeper")->whole());
  CHECK(reads.at("facts.services") == nullptr);

  // Reading a prefix later makes it whole: its members are all read now.
  reads.add("facts.residency");
  CHECK(reads.at("facts.residency")->whole());
  CHECK(reads.at("facts.residency.inside")->whole());
  // And the whole data.
  reads.add("");
  CHECK(reads.whole());
  CHECK(reads.member("option")->whole());
}

TEST_CASE("read paths: an iterated array's elements need only what is read of each", "[model]") {
  ReadPaths reads;
  reads.add_iterated("facts.latency.users");
  const ReadPaths* users = reads.at("facts.latency.users");
  REQUIRE(users);
  CHECK_FALSE(users->whole());
  CHECK(reads_nothing_below(users->element()));  // elements exist; none of their members is read
  reads.add("facts.latency.users.*.rtt_compared_ms");
  REQUIRE(users->element());
  CHECK(users->element()->member("rtt_compared_ms"));
  CHECK(users->element()->member("terms") == nullptr);

  // An element named by its index: which one, only the data knows.
  ReadPaths by_index;
  by_index.add_iterated("facts.latency.users");
  by_index.add("facts.latency.users.0.terms");
  CHECK(by_index.at("facts.latency.users")->element()->whole());

  // An array read whole (e.g. by "some" or "map") reads its elements whole.
  ReadPaths whole;
  whole.add_iterated("facts.latency.users");
  whole.add("facts.latency.users");
  CHECK(whole.at("facts.latency.users")->element()->whole());
}

TEST_CASE("read paths: by_bit finds each name read, and only names read", "[model]") {
  // Many names, so that several share a bit (64 bits): those fall back to a search.
  ReadPaths reads;
  std::set<std::string> names;
  for (int i = 0; i < 150; ++i) {
    const std::string name = "member_" + std::to_string(i * 7) + (i % 3 ? "_ms" : "");
    names.insert(name);
    reads.add("group." + name);
  }
  const ReadPaths* group = reads.member("group");
  REQUIRE(group);
  REQUIRE(group->members().size() == names.size());
  bool shared = false;
  for (const auto& name : names) {
    const std::uint8_t at = group->by_bit(ReadPaths::name_bit(name));
    REQUIRE(at != 0);
    if (at == ReadPaths::kSeveral) {
      shared = true;
      CHECK(group->member(name));
    } else {
      CHECK(group->members()[at - 1].first == name);
    }
  }
  CHECK(shared);
  // A name not read: its bit is clear, or it leads to another name, or to several.
  std::size_t told_apart = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string other = "other_" + std::to_string(i);
    const std::uint8_t at = group->by_bit(ReadPaths::name_bit(other));
    CHECK(group->member(other) == nullptr);
    if (at != 0 && at != ReadPaths::kSeveral) told_apart += group->members()[at - 1].first != other;
  }
  CHECK(told_apart > 0);
}

TEST_CASE("read paths: name_bit is a constant expression", "[model]") {
  static_assert(ReadPaths::name_bit("verdict") < 64);
  static_assert(ReadPaths::name_bit("") == 0);
  CHECK(ReadPaths::name_bit("parent_region_data") != ReadPaths::name_bit("parent_region_inside"));
}

TEST_CASE("read paths: ids are given by dotted path, and none below an array element", "[model]") {
  ReadPaths reads;
  reads.add("facts.residency.verdict");
  reads.add_iterated("facts.latency.users");
  reads.add("facts.latency.users.*.name");
  std::vector<std::string> asked;
  reads.assign_ids([&](const std::string& path) {
    asked.push_back(path);
    return path == "facts.latency.users" ? 7u : path == "facts.residency.verdict" ? 9u : ReadPaths::kNoId;
  });
  CHECK(reads.at("facts.residency.verdict")->id() == 9);
  CHECK(reads.at("facts.latency.users")->id() == 7);
  CHECK(reads.at("facts.residency")->id() == ReadPaths::kNoId);
  CHECK(reads.at("facts.latency.users")->element()->member("name")->id() == ReadPaths::kNoId);
  CHECK(asked == std::vector<std::string>{"facts", "facts.latency", "facts.latency.users", "facts.residency", "facts.residency.verdict"});
  // Ids stay with a copy, and so does what an element reads.
  const ReadPaths copy = reads;
  CHECK(copy.at("facts.residency.verdict")->id() == 9);
  CHECK(copy.at("facts.latency.users")->element() == copy.at("facts.latency.users")->member("*"));
}
