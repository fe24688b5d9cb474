#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <edgeplan/util/json_members.hpp>

using edgeplan::util::compare_keys;
using edgeplan::util::KeyProbe;

namespace {

int sign(int value) { return (value > 0) - (value < 0); }

}  // namespace

TEST_CASE("json members: compare_keys orders as std::string does", "[util]") {
  // Random keys over a small alphabet (so that long shared prefixes and equal
  // eight-byte blocks are common), with bytes above 0x7f (unsigned, as
  // std::string compares them) and NUL, in lengths either side of 8 and 16.
  std::mt19937 random(3);
  const std::string alphabet = std::string("ab_\x7f\x80\xff", 6) + std::string(1, '\0');
  std::uniform_int_distribution<std::size_t> length(0, 24), letter(0, alphabet.size() - 1);
  std::vector<std::string> keys{"", "parent_region", "parent_region_place", "parent_region_verdict", "rtt_ms", "rtt_p90_ms"};
  for (int i = 0; i < 3000; ++i) {
    std::string key(length(random), 'a');
    for (char& c : key) c = alphabet[letter(random)];
    keys.push_back(key);
    if (i % 3 == 0) keys.push_back(key + std::string(1, alphabet[letter(random)]));  // one longer, same prefix
  }
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < keys.size(); ++i)
    for (std::size_t j = i; j < keys.size() && j < i + 40; ++j) {
      wrong += sign(compare_keys(keys[i], keys[j])) != sign(keys[i].compare(keys[j]));
      wrong += sign(compare_keys(keys[j], keys[i])) != sign(keys[j].compare(keys[i]));
    }
  CHECK(wrong == 0);
}

TEST_CASE("json members: a probe finds every member of a std::map", "[util]") {
  std::map<std::string, int, std::less<>> members;
  const std::vector<std::string> names{"allowed_countries", "allowed_jurisdictions", "allowed_subdivisions", "parent_region",
                                       "parent_region_data", "parent_region_flows", "parent_region_inside", "parent_region_place",
                                       "parent_region_verdict", "verdict", "x"};
  for (std::size_t i = 0; i < names.size(); ++i) members.emplace(names[i], static_cast<int>(i));
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto found = members.find(KeyProbe{names[i]});
    REQUIRE(found != members.end());
    CHECK(found->second == static_cast<int>(i));
  }
  CHECK(members.find(KeyProbe{"parent_region_"}) == members.end());
  CHECK(members.find(KeyProbe{"allowed_countries_"}) == members.end());
  CHECK(members.find(KeyProbe{""}) == members.end());
}

TEST_CASE("json members: assign_in_place stores what assignment stores", "[util]") {
  // Every kind of value written over every kind of old value: the result must
  // be the plain assignment's, type included (its dump shows 1 and 1.0 apart).
  using Json = nlohmann::json;
  const std::vector<Json> olds{nullptr, true, false, 7, -7, 7u, 2.5, "text", Json::array({1, 2}), Json::object({{"a", 1}})};
  std::size_t differ = 0;
  const auto check = [&](auto value) {
    for (const Json& old : olds) {
      Json plain = old, in_place = old;
      plain = value;
      edgeplan::util::assign_in_place(in_place, value);
      differ += plain != in_place || plain.type() != in_place.type() || plain.dump() != in_place.dump();
    }
  };
  check(true);
  check(false);
  check(3);
  check(-3L);
  check(std::size_t{3});
  check(3u);
  check(0.1);
  check(2.0);
  check(1e300);
  check(nullptr);
  check(std::string("s"));
  check(Json::array({3}));
  check(std::vector<double>{1.5});
  CHECK(differ == 0);
}
