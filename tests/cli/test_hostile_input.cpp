// Hostile input end to end (issue 15, part A): numbers no double holds, deep
// nesting, NUL bytes, bytes that are not UTF-8, counts that overflow an int,
// fixture paths out of a rule pack and lists that multiply the work. Each is an
// input error (exit 3) at FILE:LINE:COL, never an internal error or a crash, no
// partial -o file is left, and batch records it and goes on. The small files are
// in tests/data/hostile/; the large ones are written here at run time.
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

using nlohmann::json;
using edgeplan::test::check_input_error;
using edgeplan::test::read_text;
using edgeplan::test::lines_of;
using edgeplan::test::run_edgeplan;
using edgeplan::test::source_path;
namespace fs = std::filesystem;

const std::string kHostile = "tests/data/hostile/";
const std::string kOutOfRange = "number 1e400 is out of range; expected a number between -1.7e308 and 1.7e308";

// A file under /tmp for this process, with `text` in it.
std::string scratch_file(const std::string& name, const std::string& text) {
  const fs::path path = fs::temp_directory_path() / ("edgeplan-hostile-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// The spec examples/region-is-enough with `from` replaced by `to` once.
std::string region_spec_with(const std::string& from, const std::string& to) {
  std::string text = read_text(source_path("examples/region-is-enough/workload.json"));
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The command fails with exit 3 and `expected` on stderr, and leaves no -o file.
void check_no_output_file(const std::string& args, const std::string& expected) {
  const std::string out = (fs::temp_directory_path() / ("edgeplan-hostile-out-" + std::to_string(::getpid()) + ".json")).string();
  fs::remove(out);
  check_input_error(args + " -o '" + out + "'", expected);
  CHECK_FALSE(fs::exists(out));
}

}  // namespace

TEST_CASE("hostile: a number outside double range is an input error at the number, JSON and YAML", "[hostile]") {
  check_input_error("recommend " + kHostile + "number-out-of-range.json",
                    "edgeplan: error: " + kHostile + "number-out-of-range.json:17:31 (/spec/latency/users/max_rtt_ms): " + kOutOfRange + "\n");
  check_input_error("recommend " + kHostile + "number-out-of-range.yaml",
                    "edgeplan: error: " + kHostile + "number-out-of-range.yaml:19:25 (/spec/latency/users/max_rtt_ms): " + kOutOfRange + "\n");
  check_no_output_file("recommend --format json " + kHostile + "number-out-of-range.json", kOutOfRange);
  check_input_error("recommend - < " + kHostile + "number-out-of-range.json", "edgeplan: error: <stdin>:17:31 (/spec/latency/users/max_rtt_ms): " + kOutOfRange);
  check_input_error("rules eval --logic '{\"var\":\"a\"}' --data '{\"a\": [1, 1e400]}'", "edgeplan: error: --data:1:11 (/a/1): " + kOutOfRange);
  check_input_error("capacity examples/shared-outpost/workload.json --outpost " + kHostile + "number-out-of-range.json", kOutOfRange);
}

TEST_CASE("hostile: batch records a number outside double range as an error record and goes on", "[hostile]") {
  const std::string input = kHostile + "batch-number-out-of-range.jsonl";
  for (const std::string& args : {"batch " + input, "batch - < " + input}) {
    const auto r = run_edgeplan(args);
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 3);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(json::parse(lines[0])["status"] == "ok");
    CHECK(json::parse(lines[2])["status"] == "ok");
    const json bad = json::parse(lines[1]);
    CHECK(bad["status"] == "error");
    CHECK(bad["line"] == 2);
    CHECK(bad["errors"][0]["line"] == 2);
    CHECK(bad["errors"][0]["column"] == 291);
    CHECK(bad["errors"][0]["pointer"] == "/spec/latency/users/max_rtt_ms");
    CHECK(bad["errors"][0]["message"] == "number -1e999 is out of range; expected a number between -1.7e308 and 1.7e308");
  }
}

TEST_CASE("hostile: check reports a spec with a number outside double range as an error and checks the others", "[hostile]") {
  const auto r = run_edgeplan("check " + kHostile + "number-out-of-range.json examples/ci/specs/checkout-api-lax.json --format json");
  CHECK(r.exit_code == 3);
  const json run = json::parse(r.out);
  CHECK(run["summary"]["specs"] == 2);
  CHECK(run["summary"]["errors"] == 1);
  CHECK(run["summary"]["passed"] == 1);
  CHECK(r.err.find(kHostile + "number-out-of-range.json:17:31 (/spec/latency/users/max_rtt_ms): " + kOutOfRange) != std::string::npos);
}

TEST_CASE("hostile: nesting deeper than 256 levels is refused before anything recurses", "[hostile]") {
  const std::string deep = std::string(50000, '[') + std::string(50000, ']');
  const std::string json_file = scratch_file("deep.json", deep);
  const std::string yaml_file = scratch_file("deep.yaml", "a: " + deep + "\n");
  std::string block = "a:\n";
  for (int i = 1; i < 3000; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "b:\n";
  const std::string block_file = scratch_file("deep-block.yaml", block);
  check_input_error("recommend " + json_file, json_file + ":1:257: nesting deeper than 256 levels; expected at most 256 arrays and objects inside each other\n");
  check_input_error("recommend " + yaml_file, yaml_file + ":1:100004: nesting deeper than 256 levels; expected at most 256 sequences and mappings inside each other\n");
  check_input_error("recommend " + block_file, "nesting deeper than 256 levels; expected at most 256 sequences and mappings");
  check_input_error("rules eval --logic '{\"var\":\"a\"}' --data @" + json_file, json_file + ":1:257: nesting deeper than 256 levels");
  check_no_output_file("recommend " + json_file, "nesting deeper than 256 levels");
  // 256 levels are fine for the parser (the spec is then refused by the schema, not by a crash).
  const std::string fine = scratch_file("256.json", std::string(256, '[') + std::string(256, ']'));
  check_input_error("recommend " + fine, fine + ":1:1: expected object, got array");
  for (const auto& f : {json_file, yaml_file, block_file, fine}) fs::remove(f);
}

TEST_CASE("hostile: a NUL byte is an input error at its line and column, not the end of the file", "[hostile]") {
  check_input_error("recommend " + kHostile + "nul-byte.json",
                    kHostile + "nul-byte.json:21:75: NUL byte; expected text (a parser would stop here and ignore the rest)\n");
  check_no_output_file("recommend " + kHostile + "nul-byte.json", "NUL byte; expected text");
}

TEST_CASE("hostile: bytes that are not UTF-8 are located and never echoed", "[hostile]") {
  const auto r = run_edgeplan("validate " + kHostile + "latin1.json");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(kHostile + "latin1.json:7:16: byte 0xE9 is not UTF-8; expected UTF-8 text (convert it, e.g. iconv -f latin1 -t utf-8)\n") !=
        std::string::npos);
  CHECK(r.err.find('\xE9') == std::string::npos);
  // A syntax error's excerpt ("last read") could end inside a character: it is not quoted.
  const std::string euro = scratch_file("euro.json", "{\"a\": tru\xE2\x82\xAC}");
  check_input_error("recommend " + euro, euro + ":1:10: invalid JSON while parsing value - invalid literal\n");
  fs::remove(euro);
}

TEST_CASE("hostile: a long string in a message is cut between characters", "[hostile]") {
  const auto r = run_edgeplan("validate " + kHostile + "long-utf8-string.json");
  CHECK(r.exit_code == 3);
  std::string cut;  // 50 x U+00E9, two bytes each
  for (int i = 0; i < 50; ++i) cut += "\xC3\xA9";
  CHECK(r.err.find("(/spec/latency/users/percentile): expected one of \"p50\", \"p90\", \"p95\", \"p99\", got string \"" + cut.substr(0, 2 * 30) + "\"") !=
        std::string::npos);
  const std::string long_name = scratch_file("long.json", region_spec_with("\"percentile\": \"p95\"", "\"percentile\": \"" + cut + "\""));
  check_input_error("recommend " + long_name, "got string \"" + cut.substr(0, 2 * 37) + "...\"\n");
  fs::remove(long_name);
}

TEST_CASE("hostile: a count no int holds is refused where it is read, never cast", "[hostile]") {
  check_input_error("recommend " + kHostile + "gpus-out-of-range.json",
                    kHostile + "gpus-out-of-range.json:20:37 (/spec/compute/gpus): expected a number <= 100000, got 10000000000.0\n");
  check_no_output_file("capacity examples/shared-outpost/workload.json --outpost " + kHostile + "outpost-count-overflow.json",
                       kHostile + "outpost-count-overflow.json:16:35 (/metrics/instance_types/0/UsedInstanceType_Count): "
                                  "expected a whole number from 0 to 1000000, got number 2147483647\n");
}

TEST_CASE("hostile: rules test refuses a fixture outside the pack and quotes none of it", "[hostile]") {
  const auto r = run_edgeplan("rules test " + kHostile + "pack-escape");
  CHECK(r.exit_code == 3);
  CHECK(r.err == "edgeplan: error: " + kHostile + "pack-escape/tests/escape.yaml:5:15 (/tests/0/workload): fixture \"../../../../../README.md\" lies outside "
                 "the rule pack " + kHostile + "pack-escape; expected a file inside the pack's directory\n");
  CHECK(r.out.empty());
}

TEST_CASE("hostile: 100000 user groups are refused at the stated limit, quickly", "[hostile]") {
  json spec = json::parse(read_text(source_path("examples/region-is-enough/workload.json")));
  const json group = {{"name", "g"}, {"location", {{"metro", "Richmond"}}}};
  spec["spec"]["users"] = json::array();
  for (int i = 0; i < 100000; ++i) spec["spec"]["users"].push_back(group);
  const std::string file = scratch_file("users.json", spec.dump());
  check_input_error("recommend " + file, file + ":1:");
  check_input_error("recommend " + file, "(/spec/users): expected at most 1000 items, got 100000\n");
  fs::remove(file);
}

TEST_CASE("hostile: a document over 64 MiB is refused before it is parsed", "[hostile]") {
  const std::string file = scratch_file("huge.json", region_spec_with("\"owner\": \"digital\"", "\"owner\": \"" + std::string(65u << 20, 'x') + "\""));
  check_input_error("recommend " + file, file + ":1:1: file is ");
  check_input_error("recommend " + file, " bytes; expected at most 64 MiB\n");
  fs::remove(file);
}

// Found by fuzz_workload: yaml-cpp 0.7's LoadAll collects empty documents forever
// after a quoted scalar followed by a comma (yaml-cpp issue 1040); main took all memory.
TEST_CASE("hostile: YAML the parser cannot move past is a syntax error, not a loop", "[hostile]") {
  check_input_error("recommend " + kHostile + "yaml-parser-loop.yaml",
                    kHostile + "yaml-parser-loop.yaml:1:13: YAML syntax: unexpected text the parser cannot read\n");
  const auto r = run_edgeplan("batch " + kHostile + "yaml-parser-loop.yaml");
  CHECK(r.exit_code == 3);
  CHECK(json::parse(r.out)["status"] == "error");
}

// Found by fuzz_outpost_export: yaml-cpp quotes the first byte of an unknown escape,
// half of a UTF-8 character; the message is made valid UTF-8 where it is read.
TEST_CASE("hostile: a YAML error that quotes half a character is still valid UTF-8", "[hostile]") {
  check_input_error("recommend " + kHostile + "yaml-escape-multibyte.yaml",
                    kHostile + "yaml-escape-multibyte.yaml:1:27: YAML syntax: unknown escape character: \xEF\xBF\xBD\n");
}

// std::regex, which valijson matches `pattern` with and YAML scalars were typed
// with, recursed once per character: a 50,000-character name overflowed the
// stack (exit 139), in recommend and in batch alike. RE2 matches in linear time.
TEST_CASE("hostile: a string of a million characters where the schema has a pattern is matched, not a crash", "[hostile]") {
  const std::string long_name(1'000'000, 'a');
  const std::string good = scratch_file("long-name.json", region_spec_with("\"name\": \"region-is-enough\"", "\"name\": \"" + long_name + "\""));
  const auto ok = run_edgeplan("validate " + good);
  CHECK(ok.exit_code == 0);
  const std::string bad = scratch_file("long-bad-name.json", region_spec_with("\"name\": \"region-is-enough\"", "\"name\": \"" + long_name + "!\""));
  check_input_error("recommend " + bad, "(/metadata/name): expected a string matching ^[A-Za-z0-9][A-Za-z0-9._-]*$, got string \"aaaa");

  // In a batch, the bad line is an error record and the lines around it are decided.
  const std::string spec = json::parse(read_text(source_path("examples/region-is-enough/workload.json"))).dump();
  json bad_spec = json::parse(spec);
  bad_spec["metadata"]["name"] = long_name + "!";
  const std::string batch_file = scratch_file("long-name.jsonl", spec + "\n" + bad_spec.dump() + "\n" + spec + "\n");
  const auto r = run_edgeplan("batch " + batch_file + " --jobs 2");
  CHECK(r.exit_code == 3);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(json::parse(lines[0])["status"] == "ok");
  CHECK(json::parse(lines[1])["status"] == "error");
  CHECK(json::parse(lines[1])["errors"][0]["pointer"] == "/metadata/name");
  CHECK(json::parse(lines[2])["status"] == "ok");

  // A YAML plain scalar of 200,000 digits is typed (a number no double holds), not a crash.
  const std::string yaml = read_text(source_path("examples/region-is-enough/workload.yaml"));
  const auto at = yaml.find("spec:\n");
  REQUIRE(at != std::string::npos);
  const std::string digits = scratch_file("long-scalar.yaml", yaml.substr(0, at) + "spec:\n  note: " + std::string(200'000, '1') + "\n" + yaml.substr(at + 6));
  check_input_error("recommend " + digits, "(/spec/note): number 1111");
  for (const auto& f : {good, bad, batch_file, digits}) fs::remove(f);
}

// `catalog import` of a price list whose publication date has 300,000 digits in
// its fraction of a second: std::regex recursed once per digit and the import
// crashed (SIGSEGV). RE2 matches the date's shape, which allows nine digits
// there; the product is refused where it is.
TEST_CASE("hostile: a price list date of 300,000 digits is refused at its product, not a crash", "[hostile]") {
  std::string text = read_text(source_path("tests/data/aws/pricing/ec2-us-west-2.json"));
  const std::string from = R"(\"publicationDate\":\"2026-11-20T21:37:58Z\")";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), R"(\"publicationDate\":\"2026-11-20T21:37:58.)" + std::string(300'000, '1') + R"(Z\")");
  const std::string file = scratch_file("long-date-pricing.json", text);
  check_no_output_file("catalog import " + file,
                       "(/PriceList/0): in the product at /publicationDate: expected the date AWS published the price, such as "
                       "\"2026-11-20T21:37:58Z\", got string \"2026-11-20T21:37:58.1111");
  fs::remove(file);
}

// A megabyte-long metro, service or field name: the error quotes its first 77
// characters and "...", the line shows 200 characters of the pointer, and the
// did-you-mean search skips candidates the length rules out (a metro's took 14 s).
TEST_CASE("hostile: a megabyte-long name is quoted in part, and looked up quickly", "[hostile]") {
  const std::string spec = read_text(source_path("examples/region-is-enough/workload.json"));
  json metro = json::parse(spec), service = json::parse(spec), field = json::parse(spec);
  metro["spec"]["users"][0]["location"] = {{"metro", std::string(1'000'000, 'D')}};
  service["spec"]["services"]["local"] = {std::string(1'000'000, 'E')};
  field["spec"][std::string(1'000'000, 'x')] = 1;
  const std::string cut_d = std::string(77, 'D') + "...", cut_e = std::string(77, 'E') + "...";
  const std::string metro_file = scratch_file("long-metro.json", metro.dump()), service_file = scratch_file("long-service.json", service.dump()),
                    field_file = scratch_file("long-field.json", field.dump());
  check_input_error("recommend " + metro_file, "(/spec/users/0/location/metro): unknown metro \"" + cut_d + "\"\n");
  check_input_error("recommend " + service_file, "(/spec/services/local/0): unknown service \"" + cut_e + "\"\n");
  const auto r = run_edgeplan("validate " + field_file);
  CHECK(r.exit_code == 0);
  CHECK(r.err.size() < 1000);
  CHECK(r.err.find("(/spec/" + std::string(191, 'x') + "...): unknown field \"" + std::string(77, 'x') + "...\" is ignored") != std::string::npos);
  for (const auto& f : {metro_file, service_file, field_file}) fs::remove(f);
}
