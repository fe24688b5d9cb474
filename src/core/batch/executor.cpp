// The ordered worker pool. Workers take inputs from the source one at a time
// and put results in a ring of `window` slots. Whichever worker completes the
// next result in input order also emits it, and every consecutive result
// already waiting after it, one emitter at a time; there is no separate
// emitting thread to wake for each result (a context switch per workload that
// cost more than emitting). A worker may run at most `window` inputs ahead of
// the last emitted result, which bounds memory whatever the portfolio size and
// makes the output independent of scheduling: byte-identical for any --jobs.
#include <edgeplan/batch.hpp>

#include <edgeplan/util/parallel.hpp>

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace edgeplan {

namespace {

class OrderedRun {
 public:
  using Work = std::function<BatchResult(const BatchInput&)>;
  using Emit = std::function<void(BatchResult&&)>;

  OrderedRun(BatchSource& source, std::size_t window, const Work& work, const Emit& emit)
      : m_source(source), m_window(window), m_slots(window), m_work(work), m_emit(emit) {}

  void work_loop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
      m_space.wait(lock, [&] { return m_stop || m_exhausted || m_taken - m_emitted < m_window; });
      if (m_stop || m_exhausted) return;
      std::optional<BatchInput> input;
      if (!guarded(lock, [&] { input = m_source.next(); })) return;
      if (!input) {
        m_exhausted = true;
        m_space.notify_all();
        return;
      }
      const std::size_t sequence = m_taken++;
      BatchResult result;
      lock.unlock();
      const bool worked = guarded(lock, [&] { result = m_work(*input); });
      lock.lock();
      if (!worked) return;
      m_slots[sequence % m_window] = std::move(result);
      if (!m_emitting) emit_ready(lock);
    }
  }

  // Waits for the workers; the first failure, if any, is rethrown once they are joined.
  void finish(std::vector<std::thread>& workers) {
    for (auto& t : workers) t.join();
    if (m_failure) std::rethrow_exception(m_failure);
  }

 private:
  // Emits the results waiting in order from m_emitted on, each outside the
  // lock; m_emitting keeps the others from emitting meanwhile. Called and left
  // with `lock` held.
  void emit_ready(std::unique_lock<std::mutex>& lock) {
    m_emitting = true;
    for (;;) {
      auto& slot = m_slots[m_emitted % m_window];
      if (m_stop || !slot) break;
      BatchResult result = std::move(*slot);
      slot.reset();
      ++m_emitted;
      m_space.notify_one();
      lock.unlock();
      const bool emitted = guarded(lock, [&] { m_emit(std::move(result)); });
      lock.lock();
      if (!emitted) break;
    }
    m_emitting = false;
  }

  // Runs `body`; an exception is recorded (first one wins) and stops the run.
  // `lock` is held or not on entry; it is left as it was.
  template <typename Body>
  bool guarded(std::unique_lock<std::mutex>& lock, Body&& body) {
    try {
      body();
      return true;
    } catch (...) {
      const bool was_locked = lock.owns_lock();
      if (!was_locked) lock.lock();
      if (!m_failure) m_failure = std::current_exception();
      m_stop = true;
      m_space.notify_all();
      if (!was_locked) lock.unlock();
      return false;
    }
  }

  BatchSource& m_source;
  const std::size_t m_window;
  std::vector<std::optional<BatchResult>> m_slots;  // result of input i waits in slot i % window
  const Work& m_work;
  const Emit& m_emit;

  std::mutex m_mutex;
  std::condition_variable m_space;  // a worker may take another input
  std::size_t m_taken = 0;
  std::size_t m_emitted = 0;
  bool m_emitting = false;
  bool m_exhausted = false;
  bool m_stop = false;
  std::exception_ptr m_failure;
};

}  // namespace

void run_ordered(BatchSource& source, const BatchOptions& options, const std::function<BatchResult(const BatchInput&)>& work,
                 const std::function<void(BatchResult&&)>& emit) {
  const std::size_t jobs = std::max<std::size_t>(options.jobs, 1);
  const std::size_t window = options.window > 0 ? options.window : 64 * jobs;
  OrderedRun run(source, window, work, emit);
  util::fill_locale_caches();
  // The calling thread is one of the workers.
  std::vector<std::thread> workers;
  workers.reserve(jobs - 1);
  for (std::size_t i = 1; i < jobs; ++i) workers.emplace_back([&run] { run.work_loop(); });
  run.work_loop();
  run.finish(workers);
}

}  // namespace edgeplan
