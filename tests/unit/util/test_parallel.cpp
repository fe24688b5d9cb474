// util::parallel_for: every index once, on any number of threads, and a
// failure reaches the caller once every thread has stopped.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include <edgeplan/util/parallel.hpp>

using edgeplan::util::parallel_for;

TEST_CASE("parallel: each index is done once, whatever the thread count", "[util][jobs]") {
  for (const std::size_t threads : {0, 1, 2, 3, 8, 1000}) {
    for (const std::size_t count : {0, 1, 2, 7, 500}) {
      INFO(threads << " threads, " << count << " indices");
      std::vector<int> done(count, 0);
      const std::size_t workers = edgeplan::util::parallel_threads(count, threads);
      const std::size_t asked = threads > 0 ? threads : edgeplan::util::available_cores();  // 0: every core
      CHECK(workers == std::clamp<std::size_t>(asked, 1, std::max<std::size_t>(count, 1)));
      std::vector<std::size_t> by_worker(workers, 0);  // each worker owns its counter
      parallel_for(count, threads, [&](std::size_t i, std::size_t worker) {
        ++done[i];  // each index owns its slot
        ++by_worker.at(worker);
      });
      CHECK(std::count(done.begin(), done.end(), 1) == static_cast<std::ptrdiff_t>(count));
      CHECK(std::accumulate(by_worker.begin(), by_worker.end(), std::size_t{0}) == count);
    }
  }
}

TEST_CASE("parallel: the failure of the lowest index is rethrown once the threads stop, and no index starts after it", "[util][jobs]") {
  for (const std::size_t threads : {1, 2, 4}) {
    INFO(threads << " threads");
    std::atomic<std::size_t> started{0};
    const auto run = [&] {
      parallel_for(10'000, threads, [&](std::size_t i, std::size_t) {
        ++started;
        // Index 7 fails late, index 9 at once: a loop meets 7 first, and so must every thread count.
        if (i == 7) {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          throw std::runtime_error("index 7 failed");
        }
        if (i == 9) throw std::runtime_error("index 9 failed");
      });
    };
    CHECK_THROWS_WITH(run(), "index 7 failed");
    // Indices already taken by other threads finish; no thread takes one after it sees a failure.
    CHECK(started.load() < 10'000);
  }
}
