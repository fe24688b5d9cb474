#pragma once
// Batch stage: run the one-workload pipeline over a portfolio of specs.
//
//   BatchSource (inputs, in order, sharded) → run_ordered (worker pool, results
//   back in input order through a bounded window) → BatchResult per spec →
//   Portfolio (aggregates). render/ prints records and summaries.
//
// The catalog and rules are shared read-only by every worker; nothing in here
// prints, reads the environment or decides exit codes.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/pipeline.hpp>

namespace edgeplan {

// ---------------------------------------------------------------- inputs

// --shard K/N: this run evaluates the inputs whose key hashes to K (1-based).
struct Shard {
  std::uint32_t index = 1;  // 1..count
  std::uint32_t count = 1;
  bool contains(std::string_view key) const;
};
// "3/8" -> {3, 8}; nullopt unless 1 <= K <= N.
std::optional<Shard> parse_shard(std::string_view text);
// 64-bit FNV-1a: the stable hash the shard of a key is taken from (hash % N == K - 1).
std::uint64_t fnv1a_64(std::string_view bytes);

// One spec to evaluate. Its key ("specs/a.json", or "portfolio.jsonl:12" for a
// JSONL line) names it in results and decides its shard.
struct BatchInput {
  std::size_t index = 0;  // position in this run's output, from 0
  std::string file;       // as the user named it; "-" is shown as "<stdin>"
  int line = 0;           // JSONL: 1-based line of the spec; 0 for a whole-file spec
  std::string text;       // JSONL: the line; files are read by the worker that evaluates them
  std::string key() const;
};

// Inputs in order: each argument is a directory (every *.json below it,
// recursively, sorted by path), a glob ("specs/*/prod-*.json"), a .jsonl or
// .ndjson file (one spec per line; blank lines skipped), "-" (JSONL on `stdin`),
// or one spec file. Only directory and glob listings are held in memory (paths);
// JSONL is read line by line as workers ask for more.
class BatchSource {
 public:
  // Throws InputError for an argument that names nothing (missing path, glob without match).
  BatchSource(const FileSystem& fs, const std::vector<std::string>& arguments, std::istream* stdin_stream, Shard shard = {});
  ~BatchSource();
  BatchSource(const BatchSource&) = delete;
  BatchSource& operator=(const BatchSource&) = delete;

  // The next input of this shard, or nullopt at the end. Not thread-safe: run_ordered serialises it.
  std::optional<BatchInput> next();
  // How many inputs next() will return, counted up front (JSONL files are scanned
  // once); nullopt when reading stdin, which cannot be read twice.
  std::optional<std::size_t> count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// ---------------------------------------------------------------- results

enum class BatchStatus { ok, no_feasible, error };
const char* to_string(BatchStatus status);  // "ok", "no-feasible", "error"

struct BatchOption {
  std::string id;
  std::string kind;    // "local-zone" …
  std::string region;  // the Region itself, a zone's parent Region, an Outpost's anchor Region ("" if none)
  std::string metro;   // a site's metro, or the facility's place for Outposts
  double score = 0;
  GeoPoint point;      // where it is, for the portfolio map (not in the records)
  // With prices (--prices): what it costs a month over the planning period.
  struct Cost {
    std::optional<double> monthly;  // nullopt: unknown (some price missing)
    double known_monthly = 0;       // the known lines' share a month: a lower bound when unknown
    std::string currency;
    int months = 0;
  };
  std::optional<Cost> cost = std::nullopt;
};

// What one result was computed from (the JSONL record's "inputs"), so that
// `edgeplan diff` can say which input a changed placement follows from.
struct BatchInputs {
  std::string spec_digest;  // hex SHA-256 of the workload as the rules read it (ReportInput); "" when the spec could not be read
  std::vector<std::pair<std::string, std::string>> sections;  // ReportInput::sections
  std::string catalog_digest, rules_digest;  // hex, as in a report's provenance (records print the first 12 digits)
  std::string edgeplan_version;
  std::string prices_digest = {};  // hex, with --prices only ("" without)
};

// The compact outcome of one spec: what the batch outputs and aggregates keep.
struct BatchResult {
  std::size_t index = 0;
  std::string file;
  int line = 0;
  std::string workload;  // metadata.name; empty when the spec could not be read
  BatchStatus status = BatchStatus::ok;
  std::optional<BatchOption> top;
  std::optional<BatchOption> runner_up;
  int eligible = 0;
  int candidates = 0;
  std::vector<SummaryCount> excluded_by;  // exclusion reasons, most frequent first
  std::vector<Diagnostic> errors;         // status error: why the spec was not evaluated
  std::vector<Diagnostic> warnings;       // non-fatal notes on the spec (unknown fields …)
  // `batch --robustness`: how sure the top option is (the winner's latency outlook only).
  std::optional<Robustness> robustness;
  BatchInputs inputs;
  std::string key() const;
};

// A JSONL line is parsed on its own, so its diagnostics in `jsonl_file` say line 1:
// moves them to `line` (1-based) of the file.
void locate_in_jsonl_line(std::vector<Diagnostic>& diagnostics, const std::string& jsonl_file, int line);

// Loads, validates and evaluates one input; input errors become an error result.
// Other exceptions (bugs) propagate.
// `robustness`: assess how sure each recommendation is (slower: see recommend()).
BatchResult evaluate_input(const BatchInput& input, const FileSystem& fs, const Engine& engine, bool robustness = false);
BatchResult summarize_report(const Report& report, const BatchInput& input, const Catalog& catalog);

// ---------------------------------------------------------------- execution

struct BatchOptions {
  std::size_t jobs = 1;    // worker threads
  std::size_t window = 0;  // results in flight or waiting to be emitted; 0 = 64 per job
};

// Calls `work` on each input on `jobs` threads (the calling thread and jobs - 1
// more) and `emit` with every result in input order, as soon as it and all
// before it are done: on whichever of those threads completed it, never on two
// at once.
// At most `window` inputs are taken from the source ahead of the last one
// emitted, so memory is bounded by the window, not by the portfolio. An exception
// from `work` or `emit` stops the run and is rethrown here after the workers end.
void run_ordered(BatchSource& source, const BatchOptions& options, const std::function<BatchResult(const BatchInput&)>& work,
                 const std::function<void(BatchResult&&)>& emit);

// ---------------------------------------------------------------- aggregation

struct PortfolioCount {
  std::string label;
  int count = 0;
};

// A site the portfolio places workloads at, for its map.
struct PortfolioSite {
  std::string id;
  std::string kind;
  GeoPoint point;  // as the first workload placed there saw it
  int count = 0;
};

struct ReasonCount {
  std::string label;   // "residency", "missing S3 locally"
  int workloads = 0;   // workloads in which it excluded at least one candidate
  int candidates = 0;  // candidates it excluded, over the portfolio
};

// Portfolio totals, built one result at a time. Memory grows with the number of
// distinct sites and reasons, and, when `keep_workloads`, with the infeasible and
// failed workloads (the summaries list them; streamed formats need only counts).
class Portfolio {
 public:
  explicit Portfolio(bool keep_workloads = true) : m_keep_workloads(keep_workloads) {}
  void add(const BatchResult& result);

  int workloads() const { return m_workloads; }
  int recommended() const { return m_recommended; }
  int no_feasible() const { return m_no_feasible; }
  int errors() const { return m_errors; }
  // Most frequent first, ties by label: stable output whatever the input order.
  std::vector<PortfolioCount> by_kind() const { return sorted(m_by_kind); }
  std::vector<PortfolioCount> by_region() const { return sorted(m_by_region); }
  std::vector<PortfolioCount> by_metro() const { return sorted(m_by_metro); }
  std::vector<PortfolioCount> by_site() const;  // sites() as counts
  // The sites placed at with their kind and place, most workloads first, then by id.
  std::vector<PortfolioSite> sites() const;
  // With prices: per kind of the recommended placements, their monthly costs added up.
  struct KindCost {
    std::string kind;
    int priced = 0, unknown = 0;  // workloads whose top option's cost is known / unknown
    double monthly = 0;           // sum of the known monthly costs
    double unknown_at_least = 0;  // sum of the unknown ones' lower bounds
  };
  std::vector<KindCost> cost_by_kind() const;  // by kind name; empty without prices
  std::string currency() const { return m_currency; }
  // `batch --robustness`: recommendations by confidence label; empty without it.
  std::vector<PortfolioCount> by_confidence() const { return sorted(m_by_confidence); }
  // Fragile recommendations, in input order (empty unless keep_workloads).
  const std::vector<BatchResult>& fragile() const { return m_fragile; }
  // Most workloads first, then most candidates, then by label.
  std::vector<ReasonCount> exclusion_reasons() const;
  // Infeasible and failed workloads, in input order (empty unless keep_workloads).
  const std::vector<BatchResult>& infeasible() const { return m_infeasible; }
  const std::vector<BatchResult>& failed() const { return m_failed; }

 private:
  static std::vector<PortfolioCount> sorted(const std::map<std::string, int>& counts);
  bool m_keep_workloads = true;
  int m_workloads = 0;
  int m_recommended = 0;
  int m_no_feasible = 0;
  int m_errors = 0;
  std::map<std::string, int> m_by_kind, m_by_region, m_by_metro, m_by_confidence;
  std::map<std::string, ReasonCount> m_reasons;
  std::map<std::string, PortfolioSite> m_sites;
  std::map<std::string, KindCost> m_cost_by_kind;
  std::string m_currency;
  std::vector<BatchResult> m_infeasible;
  std::vector<BatchResult> m_failed;
  std::vector<BatchResult> m_fragile;
};

}  // namespace edgeplan
