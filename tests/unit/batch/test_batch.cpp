// The batch library: inputs and sharding, the ordered executor and its window,
// one item's result, portfolio aggregation and the record formats.
#include <atomic>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>

#include <edgeplan/batch.hpp>
#include <edgeplan/render.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

const char* kDenverSpec = R"({"users": [{"name": "Denver viewers", "location": {"metro": "Denver"}}],
  "latency": {"users": {"max_rtt_ms": 35}}, "services": {"local": ["EC2"]}})";
const char* kNowhereSpec = R"({"users": [{"name": "Karachi users", "location": {"metro": "Karachi"}}],
  "residency": {"countries": ["PK"]}, "services": {"local": ["EC2"]}})";

std::string one_line(const std::string& spec, const std::string& name) {
  std::string text = test::workload_text(spec, name);
  std::erase(text, '\n');
  return text;
}

std::vector<BatchInput> drain(BatchSource& source) {
  std::vector<BatchInput> out;
  while (auto input = source.next()) out.push_back(*input);
  return out;
}

std::vector<std::string> keys(const std::vector<BatchInput>& inputs) {
  std::vector<std::string> out;
  for (const auto& i : inputs) out.push_back(i.key());
  return out;
}

Engine default_engine() { return Engine{test::default_catalog(), test::default_rules()}; }

BatchResult result(std::size_t index, BatchStatus status, std::optional<BatchOption> top = std::nullopt) {
  BatchResult r;
  r.index = index;
  r.file = "spec-" + std::to_string(index) + ".json";
  r.workload = "w" + std::to_string(index);
  r.status = status;
  r.top = std::move(top);
  return r;
}

}  // namespace

// ---------------------------------------------------------------- sharding

TEST_CASE("batch: FNV-1a 64 matches the published test vectors") {
  CHECK(fnv1a_64("") == 0xcbf29ce484222325ull);
  CHECK(fnv1a_64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(fnv1a_64("foobar") == 0x85944171f73967e8ull);
}

TEST_CASE("batch: shards partition the keys exactly") {
  for (std::uint32_t n : {1u, 2u, 3u, 8u}) {
    INFO("N = " << n);
    std::vector<int> per_shard(n, 0);
    for (int i = 0; i < 1000; ++i) {
      const std::string key = "specs/team-" + std::to_string(i) + ".json";
      int owners = 0;
      for (std::uint32_t k = 1; k <= n; ++k)
        if (Shard{k, n}.contains(key)) ++owners, ++per_shard[k - 1];
      CHECK(owners == 1);
    }
    for (int count : per_shard) CHECK(count > 1000 / static_cast<int>(n) / 2);  // no empty or starved shard
  }
}

TEST_CASE("batch: --shard K/N is 1-based and checked") {
  CHECK(parse_shard("3/8")->index == 3);
  CHECK(parse_shard("3/8")->count == 8);
  CHECK(parse_shard("1/1").has_value());
  for (const char* bad : {"0/8", "9/8", "3", "3/0", "a/b", "3/8x", "/8", "-1/8", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad).has_value());
  }
}

// ---------------------------------------------------------------- inputs

TEST_CASE("batch: a directory is read recursively, sorted by path, *.json only") {
  MemoryFileSystem fs;
  fs.add("specs/b.json", "{}");
  fs.add("specs/a/z.json", "{}");
  fs.add("specs/a.json", "{}");
  fs.add("specs/notes.md", "");
  BatchSource source(fs, {"specs"}, nullptr);
  CHECK(source.count() == std::optional<std::size_t>(3));
  const auto inputs = drain(source);
  CHECK(keys(inputs) == std::vector<std::string>{"specs/a.json", "specs/a/z.json", "specs/b.json"});
  CHECK(inputs[2].index == 2);
  CHECK(inputs[0].line == 0);
}

TEST_CASE("batch: JSONL lines are inputs located by FILE:LINE, blank lines are skipped") {
  MemoryFileSystem fs;
  fs.add("queue.jsonl", "{\"a\":1}\n\n   \n{\"b\":2}\r\n");
  BatchSource source(fs, {"queue.jsonl"}, nullptr);
  CHECK(source.count() == std::optional<std::size_t>(2));
  const auto inputs = drain(source);
  CHECK(keys(inputs) == std::vector<std::string>{"queue.jsonl:1", "queue.jsonl:4"});
  CHECK(inputs[1].text == "{\"b\":2}");  // CR of a CRLF file stripped
}

TEST_CASE("batch: arguments keep their order, globs expand sorted, - reads JSONL from stdin") {
  MemoryFileSystem fs;
  fs.add("specs/prod-b.json", "{}");
  fs.add("specs/prod-a.json", "{}");
  fs.add("specs/test-a.json", "{}");
  fs.add("one.json", "{}");
  std::istringstream in("{}\n{}\n");
  BatchSource source(fs, {"one.json", "specs/prod-*.json", "-"}, &in);
  CHECK_FALSE(source.count().has_value());  // stdin cannot be counted up front
  CHECK(keys(drain(source)) == std::vector<std::string>{"one.json", "specs/prod-a.json", "specs/prod-b.json", "<stdin>:1", "<stdin>:2"});
}

TEST_CASE("batch: an argument that names nothing is an input error") {
  MemoryFileSystem fs;
  fs.add("specs/notes.md", "");
  auto error_of = [&](const std::vector<std::string>& args) {
    return test::input_error_text([&] { BatchSource source(fs, args, nullptr); });
  };
  CHECK(error_of({"missing.json"}) == "edgeplan: error: missing.json: no such file or directory\n");
  CHECK(error_of({"specs/*.json"}) == "edgeplan: error: specs/*.json: no file matches this pattern\n");
  CHECK(error_of({"specs"}) == "edgeplan: error: specs: no *.json spec files in this directory or below it\n");
  CHECK(error_of({"-"}) == "edgeplan: error: -: standard input is not available\n");
}

TEST_CASE("batch: sharded sources split the inputs, each part in input order") {
  MemoryFileSystem fs;
  std::string jsonl;
  for (int i = 0; i < 40; ++i) fs.add("specs/s" + std::to_string(100 + i) + ".json", "{}"), jsonl += "{}\n";
  fs.add("queue.jsonl", jsonl);
  BatchSource whole(fs, {"specs", "queue.jsonl"}, nullptr);
  const auto all = keys(drain(whole));
  REQUIRE(all.size() == 80);
  std::multiset<std::string> united;
  for (std::uint32_t k = 1; k <= 3; ++k) {
    BatchSource part(fs, {"specs", "queue.jsonl"}, nullptr, Shard{k, 3});
    const auto count = part.count();
    const auto inputs = drain(part);
    CHECK(count == std::optional<std::size_t>(inputs.size()));
    for (std::size_t i = 0; i < inputs.size(); ++i) CHECK(inputs[i].index == i);
    // In the order of the whole run.
    auto position = all.begin();
    for (const auto& key : keys(inputs)) {
      position = std::find(position, all.end(), key);
      CHECK(position != all.end());
      united.insert(key);
    }
  }
  CHECK(united == std::multiset<std::string>(all.begin(), all.end()));
}

// ---------------------------------------------------------------- the executor

TEST_CASE("batch: results come back in input order whatever order workers finish in") {
  MemoryFileSystem fs;
  std::string jsonl;
  for (int i = 0; i < 60; ++i) jsonl += "{}\n";
  fs.add("q.jsonl", jsonl);
  for (std::size_t jobs : {1, 2, 4}) {
    INFO("jobs " << jobs);
    BatchSource source(fs, {"q.jsonl"}, nullptr);
    std::vector<std::size_t> order;
    run_ordered(
        source, {jobs, 8},
        [](const BatchInput& input) {
          // Early inputs take longest, so later ones finish first.
          std::this_thread::sleep_for(std::chrono::microseconds(input.index % 7 == 0 ? 2000 : 50));
          return result(input.index, BatchStatus::ok);
        },
        [&](BatchResult&& r) { order.push_back(r.index); });
    REQUIRE(order.size() == 60);
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
  }
}

TEST_CASE("batch: no more than the window is taken ahead of the last result emitted") {
  MemoryFileSystem fs;
  std::string jsonl;
  for (int i = 0; i < 200; ++i) jsonl += "{}\n";
  fs.add("q.jsonl", jsonl);
  BatchSource source(fs, {"q.jsonl"}, nullptr);
  std::atomic<std::size_t> started = 0;
  std::size_t emitted = 0, widest = 0;
  const std::size_t window = 5;
  run_ordered(
      source, {3, window},
      [&](const BatchInput& input) {
        ++started;
        std::this_thread::sleep_for(std::chrono::microseconds(input.index % 10 == 0 ? 1000 : 20));
        return result(input.index, BatchStatus::ok);
      },
      [&](BatchResult&&) {
        ++emitted;  // this one has left the window
        widest = std::max(widest, started.load() - emitted);
      });
  CHECK(emitted == 200);
  CHECK(widest <= window);
}

TEST_CASE("batch: a failing item stops the run and its exception reaches the caller") {
  MemoryFileSystem fs;
  fs.add("q.jsonl", "{}\n{}\n{}\n{}\n");
  BatchSource source(fs, {"q.jsonl"}, nullptr);
  std::size_t emitted = 0;
  auto work = [](const BatchInput& input) {
    if (input.index == 2) throw std::logic_error("bug on item 2");
    return result(input.index, BatchStatus::ok);
  };
  CHECK_THROWS_WITH(run_ordered(source, {2, 0}, work, [&](BatchResult&&) { ++emitted; }), "bug on item 2");
  CHECK(emitted <= 2);
}

// ---------------------------------------------------------------- one item

TEST_CASE("batch: an item is evaluated with the recommend pipeline and summarised") {
  MemoryFileSystem fs;
  fs.add("specs/denver.json", test::workload_text(kDenverSpec, "denver"));
  fs.add("specs/nowhere.json", test::workload_text(kNowhereSpec, "nowhere"));
  const Engine engine = default_engine();

  const BatchResult ok = evaluate_input(BatchInput{0, "specs/denver.json", 0, {}}, fs, engine);
  CHECK(ok.status == BatchStatus::ok);
  CHECK(ok.workload == "denver");
  REQUIRE(ok.top.has_value());
  CHECK(ok.top->id == "us-west-2-den-1a");
  CHECK(ok.top->kind == "local-zone");
  CHECK(ok.top->region == "us-west-2");
  CHECK(ok.top->metro == "Denver");
  CHECK(ok.candidates == 107);
  CHECK(ok.eligible >= 1);

  const BatchResult none = evaluate_input(BatchInput{1, "specs/nowhere.json", 0, {}}, fs, engine);
  CHECK(none.status == BatchStatus::no_feasible);
  CHECK_FALSE(none.top.has_value());
  REQUIRE_FALSE(none.excluded_by.empty());
  CHECK(none.excluded_by[0].label == "residency");
  CHECK(batch_reason(none) == "no feasible placement: 107 residency excluded");
}

TEST_CASE("batch: a malformed JSONL line becomes an error record located at its line") {
  MemoryFileSystem fs;
  const std::string bad = one_line(R"({"users": [{"name": "u", "location": {"metro": "Denver"}, "share": "all"}]})", "bad-share");
  const BatchResult r = evaluate_input(BatchInput{0, "queue.jsonl", 7, bad}, fs, default_engine());
  CHECK(r.status == BatchStatus::error);
  CHECK(r.workload == "bad-share");  // named even though it could not be evaluated
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 7);
  CHECK(r.errors[0].column == static_cast<int>(bad.find("\"all\"")) + 1);
  CHECK(r.errors[0].pointer == "/spec/users/0/share");
  CHECK(format_diagnostic(r.errors[0]) ==
        "edgeplan: error: queue.jsonl:7:" + std::to_string(r.errors[0].column) + " (/spec/users/0/share): expected number, got string \"all\"");

  const BatchResult not_json = evaluate_input(BatchInput{1, "queue.jsonl", 9, "{\"apiVersion\": "}, fs, default_engine());
  CHECK(not_json.status == BatchStatus::error);
  CHECK(not_json.workload.empty());
  REQUIRE_FALSE(not_json.errors.empty());
  CHECK(not_json.errors[0].line == 9);
}

// ---------------------------------------------------------------- aggregation and formats

TEST_CASE("batch: the portfolio counts placements by kind, Region, metro and site, most frequent first") {
  Portfolio p;
  p.add(result(0, BatchStatus::ok, BatchOption{"us-west-2-den-1a", "local-zone", "us-west-2", "Denver", 84, {}}));
  p.add(result(1, BatchStatus::ok, BatchOption{"us-east-1", "region", "us-east-1", "Ashburn", 100, {}}));
  p.add(result(2, BatchStatus::ok, BatchOption{"us-west-2-lax-1a", "local-zone", "us-west-2", "Los Angeles", 92, {}}));
  BatchResult none = result(3, BatchStatus::no_feasible);
  none.excluded_by = {{"residency", 105}, {"latency", 2}};
  p.add(none);
  BatchResult broken = result(4, BatchStatus::error);
  broken.errors = {Diagnostic{Severity::error, "spec-4.json", 3, 5, "/kind", "expected one of \"Workload\", got string \"Other\"", {}}};
  p.add(broken);

  CHECK(p.workloads() == 5);
  CHECK(p.recommended() == 3);
  CHECK(p.no_feasible() == 1);
  CHECK(p.errors() == 1);
  REQUIRE(p.by_kind().size() == 2);
  CHECK(p.by_kind()[0].label == "local-zone");
  CHECK(p.by_kind()[0].count == 2);
  CHECK(p.by_region()[0].label == "us-west-2");
  CHECK(p.by_metro()[0].label == "Ashburn");  // ties by name
  // The portfolio map's sites: the same counts, with kind and place; ties by id.
  Portfolio more = p;
  more.add(result(5, BatchStatus::ok, BatchOption{"us-east-1", "region", "us-east-1", "Ashburn", 100, {39.04, -77.49}}));
  const auto sites = more.sites();
  REQUIRE(sites.size() == 3);
  CHECK(sites[0].id == "us-east-1");
  CHECK(sites[0].count == 2);
  CHECK(sites[0].kind == "region");
  CHECK(sites[0].point.lat == 0);  // as the first workload placed there saw it
  CHECK(sites[1].id == "us-west-2-den-1a");
  CHECK(sites[2].id == "us-west-2-lax-1a");
  CHECK(more.by_site()[0].label == "us-east-1");
  REQUIRE(p.exclusion_reasons().size() == 2);
  CHECK(p.exclusion_reasons()[0].label == "residency");
  CHECK(p.exclusion_reasons()[0].candidates == 105);
  CHECK(p.infeasible().size() == 1);
  CHECK(p.failed()[0].key() == "spec-4.json");

  // Streamed formats keep counts only: memory does not grow with the portfolio.
  Portfolio counts(false);
  counts.add(none);
  counts.add(broken);
  CHECK(counts.no_feasible() == 1);
  CHECK(counts.errors() == 1);
  CHECK(counts.infeasible().empty());
  CHECK(counts.failed().empty());

  const std::string md = render(PortfolioSummary{p, PortfolioInfo{{"specs/"}, std::nullopt, 10}}, Format::markdown);
  CHECK(md.rfind("# Portfolio placement summary\n\nInputs: `specs/`\n\n5 workloads: 3 with a recommendation, 1 with no feasible placement, 1 error.\n", 0) == 0);
  CHECK(md.find("| local-zone | 2 | 66.7 % |") != std::string::npos);
  CHECK(md.find("| residency | 1 | 105 |") != std::string::npos);
  CHECK(md.find("| w3 | spec-3.json | 105 residency, 2 latency |") != std::string::npos);
  CHECK(md.find("| spec-4.json | w4 | spec-4.json:3:5 (/kind): expected one of \"Workload\", got string \"Other\" |") != std::string::npos);
  const std::string text = render(PortfolioSummary{p, PortfolioInfo{{"specs/"}, Shard{2, 4}, 10}}, Format::text);
  CHECK(text.rfind("Portfolio placement summary: specs/, shard 2/4\n", 0) == 0);
  CHECK(text.find("Recommended placements by kind\n  kind         workloads   share\n  local-zone           2  66.7 %\n") != std::string::npos);
}

TEST_CASE("batch: JSONL records keep the documented key order") {
  BatchResult ok = result(0, BatchStatus::ok, BatchOption{"us-east-1", "region", "us-east-1", "Ashburn", 104, {}});
  ok.eligible = 12;
  ok.candidates = 107;
  ok.excluded_by = {{"latency", 95}};
  ok.inputs = BatchInputs{"0123", {{"metadata", "7dbf0b5c28f9"}, {"latency", "86b9ed69a963"}}, "8b01", "1dc9", "0.1.0"};
  CHECK(batch_jsonl_line(ok) ==
        R"({"file":"spec-0.json","workload":"w0","status":"ok","top":{"id":"us-east-1","kind":"region","region":"us-east-1","metro":"Ashburn","score":104.0},)"
        R"("runner_up":null,"eligible":12,"candidates":107,"excluded_by":[{"reason":"latency","count":95}],)"
        R"("inputs":{"spec":"sha256:0123","sections":{"metadata":"7dbf0b5c28f9","latency":"86b9ed69a963"},"catalog":"sha256:8b01","rules":"sha256:1dc9","edgeplan":"0.1.0"}})"
        "\n");
  BatchResult broken = result(1, BatchStatus::error);
  broken.file = "q.jsonl";
  broken.line = 4;
  broken.workload.clear();
  broken.errors = {Diagnostic{Severity::error, "q.jsonl", 4, 2, "", "expected JSON", "hint"}};
  broken.inputs = BatchInputs{"", {}, "8b01", "1dc9", "0.1.0"};
  CHECK(batch_jsonl_line(broken) ==
        R"({"file":"q.jsonl","line":4,"workload":null,"status":"error","errors":[{"file":"q.jsonl","line":4,"column":2,"pointer":"","message":"expected JSON","hint":"hint"}],)"
        R"("inputs":{"spec":null,"sections":{},"catalog":"sha256:8b01","rules":"sha256:1dc9","edgeplan":"0.1.0"}})"
        "\n");
}

TEST_CASE("batch: CSV fields are quoted as RFC 4180 says") {
  BatchResult r = result(0, BatchStatus::no_feasible);
  r.file = "odd, \"quoted\".json";
  r.excluded_by = {{"residency", 3}, {"latency", 1}};
  CHECK(batch_csv_row(r) == "\"odd, \"\"quoted\"\".json\",,w0,no-feasible,,,,,,,,0,0,\"no feasible placement: 3 residency, 1 latency excluded\"\n");
  CHECK(batch_csv_header().rfind("file,line,workload,status,top,", 0) == 0);
}
