#pragma once
// Work spread over threads with results independent of how many there are.
#include <cstddef>
#include <functional>

namespace edgeplan::util {

// Calls body(i) once for each i in [0, count), on up to `threads` threads (the
// caller's among them), taking indices in order as each thread frees up. Each
// call must write only what index i owns, so the outcome does not depend on the
// thread count. The first exception any call throws is rethrown once every
// thread has stopped; no index is started after it.
void parallel_for(std::size_t count, std::size_t threads, const std::function<void(std::size_t)>& body);

// Threads worth using for CPU-bound work: the cores available, at least 1.
std::size_t available_cores();

// libstdc++ fills the global locale's ctype<char> narrowing table lazily, on
// first use of each character, without synchronisation; std::regex (which
// valijson compiles for every "pattern" it checks) uses it from every thread.
// Called before threads start, it leaves them only reading it.
void fill_locale_caches();

}  // namespace edgeplan::util
