// edgeplan batch INPUT... [--format jsonl|csv|markdown|text] [-o FILE] [--jobs N] [--shard K/N] [--no-progress]
//
// The library does the work (edgeplan/batch.hpp); this file owns what only a
// command line has: stdout and stderr, the progress line, signals, exit codes.
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include <malloc.h>
#include <pthread.h>
#include <unistd.h>

#include <fmt/format.h>

#include <edgeplan/batch.hpp>
#include <edgeplan/exit_codes.hpp>
#include <edgeplan/placement_diff.hpp>
#include <edgeplan/util/atomic_file.hpp>
#include <edgeplan/util/parallel.hpp>
#include <edgeplan/util/text.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct BatchCommandOptions {
  std::vector<std::string> inputs;
  EngineOptions engine;
  OutputOptions output;
  std::size_t jobs = util::available_cores();
  std::string shard;
  bool no_progress = false;
  bool robustness = false;
  std::size_t top = 10;
  std::string baseline;  // --baseline: a previous run's JSONL; the summaries add what moved since
};

// --format names a streamed record (jsonl, csv: one per workload as it is done)
// or a portfolio summary (markdown, text: once, at the end).
struct BatchFormat {
  const Renderer<BatchResult>* record = nullptr;
  const Renderer<PortfolioSummary>* summary = nullptr;
};

BatchFormat batch_format(Format format) {
  return BatchFormat{find_renderer<BatchResult>(format), find_renderer<PortfolioSummary>(format)};
}

std::vector<std::string> batch_format_names() {
  std::vector<std::string> names = format_names<BatchResult>();
  for (auto& name : format_names<PortfolioSummary>()) names.push_back(name);
  return names;
}

// Where results go: stdout, or a temporary file renamed over -o FILE at the
// end. Records are buffered and written whole, at least every 200 ms so a
// reader of stdout sees them stream; an interrupt waits for a write in progress.
class ResultOutput {
 public:
  explicit ResultOutput(const std::string& path) {
    if (to_stdout(path)) return;
    try {
      m_file.emplace(path);
    } catch (const std::runtime_error& e) {
      throw output_error(path, e.what());
    }
  }

  void write(std::string_view text) {
    std::lock_guard lock(m_mutex);
    m_buffer += text;
    if (m_buffer.size() >= 64 * 1024 || Clock::now() - m_last_flush >= std::chrono::milliseconds(200)) flush_locked();
  }

  void finish() {
    std::lock_guard lock(m_mutex);
    flush_locked();
    if (m_file) to_file([&] { m_file->commit(); });
    m_finished = true;
  }

  // On an interrupt: no half-written file. Returns whether a file was abandoned.
  bool abandon() noexcept {
    std::lock_guard lock(m_mutex);
    if (!m_file || m_finished) return false;
    m_file->discard();
    return true;
  }

 private:
  // A full disk or a closed stdout ends the run with exit 3, as in every command.
  void flush_locked() {
    if (m_file) to_file([&] { m_file->write(m_buffer); });
    else write_stdout(m_buffer);
    m_buffer.clear();
    m_last_flush = Clock::now();
  }

  template <class Action>
  void to_file(Action action) {
    try {
      action();
    } catch (const std::runtime_error& e) {
      throw output_error(m_file->path(), e.what());
    }
  }

  std::mutex m_mutex;
  std::optional<util::AtomicFile> m_file;
  std::string m_buffer;
  Clock::time_point m_last_flush = Clock::now();
  bool m_finished = false;
};

// The signals that end a process by default and that a user or a supervisor
// sends to stop a run: Ctrl-C, kill, a closed terminal (SIGHUP), Ctrl-\ (SIGQUIT).
// Each leaves no temporary output file behind. (SIGPIPE is not among them: the
// output is what broke, and its default action ends the run quietly.)
constexpr int kInterrupts[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// The interrupts are blocked in every thread and taken by a waiter thread,
// so no worker is interrupted halfway through a write; the waiter runs
// `on_signal` and ends the process with 128 + the signal number.
class InterruptGuard {
 public:
  explicit InterruptGuard(std::function<void(int)> on_signal) : m_on_signal(std::move(on_signal)) {
    sigemptyset(&m_signals);
    for (int s : kInterrupts) sigaddset(&m_signals, s);
    sigaddset(&m_signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &m_signals, &m_previous);
    m_waiter = std::thread([this] { wait(); });
  }
  ~InterruptGuard() {
    m_done = true;
    pthread_kill(m_waiter.native_handle(), SIGUSR1);  // wakes the waiter so it can end
    m_waiter.join();
    pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  void wait() {
    for (;;) {
      int signal = 0;
      if (sigwait(&m_signals, &signal) != 0 || m_done) return;
      if (signal == SIGUSR1) continue;
      m_on_signal(signal);
      ::_exit(128 + signal);
    }
  }

  sigset_t m_signals{};
  sigset_t m_previous{};
  std::function<void(int)> m_on_signal;
  std::atomic<bool> m_done = false;
  std::thread m_waiter;
};

// "[ 1234/10000] 12.3 %  2345 workloads/s  ETA 0:04", redrawn in place on a terminal.
class ProgressLine {
 public:
  ProgressLine(bool enabled, std::optional<std::size_t> total) : m_enabled(enabled), m_total(total) {}

  void update(std::size_t done) {
    if (!m_enabled) return;
    const auto now = Clock::now();
    if (now - m_last_draw < std::chrono::milliseconds(100) && (!m_total || done != *m_total)) return;
    m_last_draw = now;
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    const double rate = seconds > 0 ? done / seconds : 0;
    std::string line = m_total ? fmt::format("[{}/{}] {:.1f} %", done, *m_total, *m_total ? 100.0 * done / *m_total : 100.0)
                               : fmt::format("[{}]", done);
    line += fmt::format("  {:.0f} workloads/s", rate);
    if (m_total && rate > 0) {
      const auto eta = static_cast<long>((*m_total - done) / rate + 0.5);
      line += fmt::format("  ETA {}:{:02}", eta / 60, eta % 60);
    }
    std::cerr << "\r\x1b[K" << line << std::flush;
    m_drawn = true;
  }

  void clear() {
    if (m_drawn) std::cerr << "\r\x1b[K" << std::flush;
    m_drawn = false;
  }

 private:
  bool m_enabled;
  std::optional<std::size_t> m_total;
  Clock::time_point m_start = Clock::now();
  Clock::time_point m_last_draw{};
  bool m_drawn = false;
};

// What is done with each result, in input order (by one worker at a time).
class Collector {
 public:
  Collector(BatchFormat format, ResultOutput& output, ProgressLine& progress)
      : m_format(format), m_output(output), m_progress(progress), m_portfolio(format.summary != nullptr) {
    if (format.record && format.record->header) m_output.write(format.record->header());
  }

  void add(BatchResult&& result) {
    report_on_stderr(result);
    if (m_recorded) m_recorded->results.push_back(recorded_of(result));
    if (m_format.record) m_output.write(m_format.record->print(result, {}));
    m_portfolio.add(result);
    m_done.store(m_portfolio.workloads());
    m_progress.update(m_portfolio.workloads());
  }

  const Portfolio& portfolio() const { return m_portfolio; }
  void keep_records(RecordedRun& run) { m_recorded = &run; }  // --baseline: the diff needs every record
  const BatchFormat& format() const { return m_format; }
  std::size_t done() const { return m_done.load(); }  // read by the interrupt waiter

 private:
  void report_on_stderr(const BatchResult& result) {
    if (result.errors.empty() && result.warnings.empty()) return;
    m_progress.clear();
    for (const auto& d : result.errors) std::cerr << format_diagnostic(d) << "\n";
    for (const auto& d : result.warnings) std::cerr << format_diagnostic(d) << "\n";
  }

  BatchFormat m_format;
  ResultOutput& m_output;
  ProgressLine& m_progress;
  Portfolio m_portfolio;
  RecordedRun* m_recorded = nullptr;
  std::atomic<std::size_t> m_done = 0;
};

Shard parse_shard_option(const std::string& text) {
  if (text.empty()) return {};
  auto shard = parse_shard(text);
  if (!shard) throw UsageError(fmt::format("--shard: expected K/N with 1 <= K <= N (e.g. 3/8), got \"{}\"", text));
  return *shard;
}

bool show_progress(const BatchCommandOptions& o, const GlobalOptions& global) {
  return !o.no_progress && !global.quiet && ::isatty(STDERR_FILENO) == 1;
}

std::string summary_line(const Portfolio& p, double seconds) {
  return fmt::format("edgeplan: batch: {} workload{}, {} with a recommendation, {} with no feasible placement, {} error{} in {:.2f} s ({:.0f} workloads/s)",
                     p.workloads(), p.workloads() == 1 ? "" : "s", p.recommended(), p.no_feasible(), p.errors(), p.errors() == 1 ? "" : "s",
                     seconds, seconds > 0 ? p.workloads() / seconds : 0.0);
}

int exit_code_of(const Portfolio& p) {
  if (p.errors() > 0) return to_int(ExitCode::input_error);
  if (p.no_feasible() > 0) return to_int(ExitCode::no_feasible);
  return to_int(ExitCode::ok);
}

// Each workload allocates and frees tens of thousands of small JSON nodes and
// strings. glibc keeps freed small chunks in "fastbins" and consolidates them
// on every larger request, which cost ~15 % of a batch run in profiles; its
// tcache and small bins serve the same sizes without that sweep.
void tune_allocator_for_batch() { ::mallopt(M_MXFAST, 0); }

// --baseline FILE: batch JSONL records of an earlier run, read before this one starts.
// Only the summaries print what moved; a stream of records has nowhere to put it.
std::optional<RecordedRun> read_baseline(const BatchCommandOptions& o) {
  if (o.baseline.empty()) return std::nullopt;
  if (!batch_format(output_format(o.output)).summary)
    throw UsageError(fmt::format("--baseline: only the {} summaries print what moved since the baseline\n  hint: for JSONL output, compare the two runs with "
                                 "`edgeplan diff {} NEW.jsonl`",
                                 util::join_words(format_names<PortfolioSummary>()), o.baseline));
  RealFileSystem fs;
  RecordedRun run = read_recorded_file(fs, o.baseline);
  if (run.kind != RecordKind::batch)
    throw UsageError(fmt::format("--baseline: {} is a recommend report; expected the JSONL records of an earlier `edgeplan batch`", o.baseline));
  return run;
}

// Runs the pool with the interrupts taken over: an interrupt discards the
// temporary output file, says how far the run got and ends the process.
void evaluate_all(BatchSource& source, const BatchCommandOptions& o, const std::function<BatchResult(const BatchInput&)>& work,
                  Collector& collector, ResultOutput& output, ProgressLine& progress, const RecordedRun* baseline) {
  InterruptGuard guard([&](int) {
    const bool abandoned = output.abandon();
    progress.clear();
    std::cerr << fmt::format("edgeplan: interrupted after {} workloads{}\n", collector.done(),
                             abandoned ? fmt::format("; {} was not written", o.output.output) : "");
  });
  RecordedRun current{RecordKind::batch, "this run", {}};
  if (baseline) collector.keep_records(current);
  run_ordered(source, BatchOptions{o.jobs, 0}, work, [&](BatchResult&& result) { collector.add(std::move(result)); });
  const std::optional<PlacementDiff> moved = baseline ? std::optional<PlacementDiff>(diff_placements(*baseline, current)) : std::nullopt;
  if (const auto* summary = collector.format().summary)
    output.write(summary->print(PortfolioSummary{collector.portfolio(), PortfolioInfo{o.inputs, parse_shard_option(o.shard), o.top}, moved ? &*moved : nullptr}, {}));
  output.finish();
}

int run_batch(const BatchCommandOptions& o, const GlobalOptions& global) {
  const auto start = Clock::now();
  tune_allocator_for_batch();
  RealFileSystem fs;
  const Shard shard = parse_shard_option(o.shard);
  const std::optional<RecordedRun> baseline = read_baseline(o);
  EngineSetup setup(engine_sources(o.engine), fs);  // shared read-only by every worker
  Engine& engine = setup.engine();
  engine.decision_needs = decision_needs(setup.rules());
  engine.site_candidates = std::make_shared<const std::vector<Candidate>>(site_candidates(setup.catalog()));
  BatchSource source(fs, o.inputs, &std::cin, shard);
  const bool progress_on = show_progress(o, global);
  ProgressLine progress(progress_on, progress_on ? source.count() : std::nullopt);
  ResultOutput output(o.output.output);
  Collector collector(batch_format(output_format(o.output)), output, progress);
  evaluate_all(source, o, [&](const BatchInput& input) { return evaluate_input(input, fs, engine, o.robustness); }, collector, output, progress, baseline ? &*baseline : nullptr);
  progress.clear();
  if (!global.quiet) std::cerr << summary_line(collector.portfolio(), std::chrono::duration<double>(Clock::now() - start).count()) << "\n";
  return exit_code_of(collector.portfolio());
}

}  // namespace

Runner setup_batch(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<BatchCommandOptions>();
  command.add_option("inputs", options->inputs, "Specs: directories (every *.json below, recursively), globs, .jsonl files (one spec per line), - (JSONL on stdin)")
      ->required();
  add_output_options(command, options->output, batch_format_names());
  // No captured default: it is this machine's core count, and the man page is generated on the build machine.
  command.add_option("-j,--jobs", options->jobs, "Worker threads (default: the number of cores)")->check(CLI::Range(1, 1024));
  command.add_option("--shard", options->shard, "Evaluate only shard K of N (1-based), by a stable hash of each spec's file (FILE:LINE for JSONL)");
  command.add_flag("--no-progress", options->no_progress, "No progress line on stderr (it is only shown on a terminal anyway)");
  command.add_flag("--robustness", options->robustness,
                   "Assess how sure each recommendation is (confidence label, margin, weight sensitivity, latency range); off by default: it evaluates the eligible options fully");
  command.add_option("--baseline", options->baseline, "An earlier run's JSONL output: the markdown and text summaries add the workloads whose placement moved since, by cause (as edgeplan diff)");
  command.add_option("--top", options->top, "Rows per table in the markdown and text summaries")->check(CLI::NonNegativeNumber)->capture_default_str();
  add_engine_options(command, options->engine);
  return [options, &global] { return run_batch(*options, global); };
}

}  // namespace edgeplan::cli
