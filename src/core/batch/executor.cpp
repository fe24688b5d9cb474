// The ordered worker pool. Workers take inputs from the source one at a time
// and put results in a ring of `window` slots; the calling thread emits slot
// after slot in input order. A worker may run at most `window` inputs ahead of
// the last emitted result, which bounds memory whatever the portfolio size and
// makes the output independent of scheduling: byte-identical for any --jobs.
#include <edgeplan/batch.hpp>

#include <condition_variable>
#include <exception>
#include <locale>
#include <mutex>
#include <thread>

namespace edgeplan {

namespace {

class OrderedRun {
 public:
  OrderedRun(BatchSource& source, std::size_t window, const std::function<BatchResult(const BatchInput&)>& work)
      : m_source(source), m_window(window), m_slots(window), m_work(work) {}

  void work_loop() {
    for (;;) {
      std::optional<BatchInput> input;
      std::size_t sequence = 0;
      {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_stop || m_exhausted || m_taken - m_emitted < m_window; });
        if (m_stop || m_exhausted) return;
        if (!guarded(lock, [&] { input = m_source.next(); })) return;
        if (!input) {
          m_exhausted = true;
          m_ready.notify_all();
          m_space.notify_all();
          return;
        }
        sequence = m_taken++;
      }
      BatchResult result;
      {
        std::unique_lock lock(m_mutex, std::defer_lock);
        if (!guarded(lock, [&] { result = m_work(*input); })) return;
      }
      std::lock_guard lock(m_mutex);
      m_slots[sequence % m_window] = std::move(result);
      if (sequence == m_emitted) m_ready.notify_one();
    }
  }

  void emit_loop(const std::function<void(BatchResult&&)>& emit) {
    for (;;) {
      BatchResult result;
      {
        std::unique_lock lock(m_mutex);
        auto& slot = m_slots[m_emitted % m_window];
        m_ready.wait(lock, [&] { return m_failure || slot || (m_exhausted && m_emitted == m_taken); });
        if (m_failure || !slot) return;
        result = std::move(*slot);
        slot.reset();
        ++m_emitted;
      }
      m_space.notify_one();
      std::unique_lock lock(m_mutex, std::defer_lock);
      if (!guarded(lock, [&] { emit(std::move(result)); })) return;
    }
  }

  // Stops the workers; the first failure, if any, is rethrown once they are joined.
  void finish(std::vector<std::thread>& workers) {
    {
      std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_space.notify_all();
    for (auto& t : workers) t.join();
    if (m_failure) std::rethrow_exception(m_failure);
  }

 private:
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
      m_ready.notify_all();
      m_space.notify_all();
      if (!was_locked) lock.unlock();
      return false;
    }
  }

  BatchSource& m_source;
  const std::size_t m_window;
  std::vector<std::optional<BatchResult>> m_slots;  // result of input i waits in slot i % window
  const std::function<BatchResult(const BatchInput&)>& m_work;

  std::mutex m_mutex;
  std::condition_variable m_space;  // a worker may take another input
  std::condition_variable m_ready;  // the next result in order is in its slot, or the run ended
  std::size_t m_taken = 0;
  std::size_t m_emitted = 0;
  bool m_exhausted = false;
  bool m_stop = false;
  std::exception_ptr m_failure;
};

// libstdc++ fills the global locale's ctype<char> narrowing table lazily, on
// first use of each character, without synchronisation; std::regex (which
// valijson compiles for every "pattern" it checks) uses it from every worker.
// Filling it once before the workers start leaves them only reading it.
void fill_locale_caches() {
  const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
  for (int c = 0; c < 256; ++c) ctype.narrow(static_cast<char>(c), '\0');
}

}  // namespace

void run_ordered(BatchSource& source, const BatchOptions& options, const std::function<BatchResult(const BatchInput&)>& work,
                 const std::function<void(BatchResult&&)>& emit) {
  const std::size_t jobs = std::max<std::size_t>(options.jobs, 1);
  const std::size_t window = options.window > 0 ? options.window : 64 * jobs;
  OrderedRun run(source, window, work);
  fill_locale_caches();
  std::vector<std::thread> workers;
  workers.reserve(jobs);
  for (std::size_t i = 0; i < jobs; ++i) workers.emplace_back([&run] { run.work_loop(); });
  run.emit_loop(emit);
  run.finish(workers);
}

}  // namespace edgeplan
