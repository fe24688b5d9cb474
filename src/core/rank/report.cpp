#include <edgeplan/report.hpp>

namespace edgeplan {

const char* to_string(Verdict verdict) {
  return verdict == Verdict::eligible ? "eligible" : "eligible-with-conditions";
}

const Evaluation* Report::find(const std::string& option_id) const {
  for (const auto& e : evaluations)
    if (e.candidate->id == option_id) return &e;
  return nullptr;
}

}  // namespace edgeplan
