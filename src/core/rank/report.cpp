#include <edgeplan/report.hpp>

namespace edgeplan {

const char* to_string(Verdict verdict) {
  return verdict == Verdict::eligible ? "eligible" : "eligible-with-conditions";
}

const char* to_string(LatencyBand band) {
  switch (band) {
    case LatencyBand::no_budget: return "no-budget";
    case LatencyBand::pessimistic: return "pessimistic";
    case LatencyBand::typical: return "typical";
    case LatencyBand::optimistic: return "optimistic";
    case LatencyBand::missed: return "missed";
  }
  return "";
}

const char* to_string(Confidence confidence) {
  switch (confidence) {
    case Confidence::robust: return "robust";
    case Confidence::sensitive: return "sensitive";
    case Confidence::fragile: return "fragile";
  }
  return "";
}

const LatencyCheck* LatencyOutlook::binding() const {
  const LatencyCheck* least = nullptr;
  for (const auto& c : checks)
    if (!least || c.probability < least->probability) least = &c;
  return least;
}

const Evaluation* Report::find(const std::string& option_id) const {
  for (const auto& e : evaluations)
    if (e.candidate->id == option_id) return &e;
  return nullptr;
}

}  // namespace edgeplan
