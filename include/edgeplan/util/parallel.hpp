#pragma once
// Work spread over threads with results independent of how many there are.
#include <cstddef>
#include <functional>

namespace edgeplan::util {

// The threads parallel_for(count, threads, ...) runs on: `threads` (0: every
// core, available_cores()), never more than there are indices, at least 1.
std::size_t parallel_threads(std::size_t count, std::size_t threads);

// Calls body(i, worker) once for each i in [0, count), on parallel_threads(count,
// threads) threads, the caller's being worker 0 and the others 1, 2, ..., each
// taking the next index as it frees up. A call must write only what index i
// owns, or what its worker owns, so the outcome does not depend on the thread
// count. The exception of the lowest index that throws, which a loop would meet
// first, is rethrown once every thread has stopped; no index starts after a throw.
void parallel_for(std::size_t count, std::size_t threads, const std::function<void(std::size_t index, std::size_t worker)>& body);

// Threads worth using for CPU-bound work: the cores available, at least 1.
std::size_t available_cores();

// libstdc++ fills the global locale's ctype<char> narrowing table lazily, on
// first use of each character, without synchronisation; std::regex (which
// valijson compiles for every "pattern" it checks) uses it from every thread.
// Called before threads start, it leaves them only reading it.
void fill_locale_caches();

}  // namespace edgeplan::util
