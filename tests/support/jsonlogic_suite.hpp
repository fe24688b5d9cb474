#pragma once
// The project's copies of the JsonLogic conformance suites, for the evaluator tests.
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include <edgeplan/jsonlogic.hpp>

namespace edgeplan::test {

inline const std::string jsonlogic_suite_dir = EDGEPLAN_SOURCE_DIR "/tests/data/jsonlogic";

inline jsonlogic::Json load_suite_json(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  return jsonlogic::Json::parse(in);
}

}  // namespace edgeplan::test
