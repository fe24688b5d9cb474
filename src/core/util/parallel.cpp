#include <edgeplan/util/parallel.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <locale>
#include <mutex>
#include <thread>
#include <vector>

namespace edgeplan::util {

std::size_t parallel_threads(std::size_t count, std::size_t threads) {
  return std::clamp<std::size_t>(threads > 0 ? threads : available_cores(), 1, std::max<std::size_t>(count, 1));
}

void parallel_for(std::size_t count, std::size_t threads, const std::function<void(std::size_t, std::size_t)>& body) {
  threads = parallel_threads(count, threads);
  if (threads == 1) {
    for (std::size_t i = 0; i < count; ++i) body(i, 0);
    return;
  }
  fill_locale_caches();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  std::size_t failure_index = count;
  const auto work = [&](std::size_t worker) {
    for (std::size_t i; !failed.load() && (i = next.fetch_add(1)) < count;) {
      try {
        body(i, worker);
      } catch (...) {
        // The failure of the lowest index, as a loop would meet it first: every
        // index below a failing one was taken before it, so it runs to its end.
        const std::lock_guard lock(failure_mutex);
        if (i < failure_index) failure = std::current_exception(), failure_index = i;
        failed = true;
      }
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
}

std::size_t available_cores() { return std::max<std::size_t>(std::thread::hardware_concurrency(), 1); }

void fill_locale_caches() {
  const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
  for (int c = 0; c < 256; ++c) ctype.narrow(static_cast<char>(c), '\0');
}

}  // namespace edgeplan::util
