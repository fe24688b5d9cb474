// util::parallel_for: every index once, on any number of threads, and a
// failure reaches the caller once every thread has stopped.
#include <algorithm>
#include <atomic>
#include <numeric>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include <edgeplan/util/parallel.hpp>

using edgeplan::util::parallel_for;

TEST_CASE("parallel: each index is done once, whatever the thread count", "[util][jobs]") {
  for (const std::size_t threads : {0, 1, 2, 3, 8, 1000}) {
    for (const std::size_t count : {0, 1, 2, 7, 500}) {
      INFO(threads << " threads, " << count << " indices");
      std::vector<int> done(count, 0);
      parallel_for(count, threads, [&](std::size_t i) { ++done[i]; });  // each index owns its slot
      CHECK(std::count(done.begin(), done.end(), 1) == static_cast<std::ptrdiff_t>(count));
    }
  }
}

TEST_CASE("parallel: the first failure is rethrown once the threads stop, and no index starts after it", "[util][jobs]") {
  for (const std::size_t threads : {1, 2, 4}) {
    INFO(threads << " threads");
    std::atomic<std::size_t> started{0};
    const auto run = [&] {
      parallel_for(10'000, threads, [&](std::size_t i) {
        ++started;
        if (i == 3) throw std::runtime_error("index 3 failed");
      });
    };
    CHECK_THROWS_WITH(run(), "index 3 failed");
    // Indices already taken by other threads finish; no thread takes one after it sees the failure.
    CHECK(started.load() < 10'000);
  }
}
