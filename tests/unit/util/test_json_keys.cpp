#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include <edgeplan/util/json_keys.hpp>

using edgeplan::util::compare_keys;
using edgeplan::util::KeyProbe;

namespace {

int sign(int value) { return (value > 0) - (value < 0); }

}  // namespace

TEST_CASE("json keys: compare_keys orders as std::string does", "[util]") {
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

TEST_CASE("json keys: a probe finds every member of a std::map", "[util]") {
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
