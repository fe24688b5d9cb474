#include <edgeplan/util/parallel.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <locale>
#include <mutex>
#include <thread>
#include <vector>

namespace edgeplan::util {

void parallel_for(std::size_t count, std::size_t threads, const std::function<void(std::size_t)>& body) {
  threads = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1));
  if (threads == 1) {
    for (std::size_t i = 0; i < count; ++i) body(i);
    return;
  }
  fill_locale_caches();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  const auto work = [&] {
    for (std::size_t i; !failed.load() && (i = next.fetch_add(1)) < count;) {
      try {
        body(i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
}

std::size_t available_cores() { return std::max<std::size_t>(std::thread::hardware_concurrency(), 1); }

void fill_locale_caches() {
  const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
  for (int c = 0; c < 256; ++c) ctype.narrow(static_cast<char>(c), '\0');
}

}  // namespace edgeplan::util
