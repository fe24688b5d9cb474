#pragma once
// The spec a relaxation check loads, patched (relax.cpp).
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace edgeplan {

using Json = nlohmann::json;

// The spec a check loads, patched: a copy of the workload's spec that each
// check patches in place, lends to the loader, takes back and puts back as it
// was. A copy of the whole spec per check, and freeing it, cost about as much
// as the check's exclude rules. What a patch changed is put back by copying,
// from the spec, the container each operation wrote into: a JSON Patch "add"
// or "replace" writes only into its path's parent. A check that throws takes
// the copy with it; the next one copies the spec again.
class WorkingSpec {
 public:
  explicit WorkingSpec(const Json& spec) : m_spec(spec) {}

  // The spec with `patch` applied, lent until give_back (Json::exception when
  // the patch does not apply).
  Json take(const Json& patch) {
    if (!m_intact) m_copy = m_spec;
    m_intact = false;
    m_copy.patch_inplace(patch);
    return std::move(m_copy);
  }

  // Takes back what take() lent, as `patch` left it, and undoes the patch:
  // the operations' parents, last operation first, as the spec has them (a
  // parent the spec lacks was made by an earlier operation, whose own parent
  // puts it right; last first, an operation's parent is in place again before
  // an earlier operation's, which may lie inside it, is written).
  void give_back(Json patched, const Json& patch) {
    m_copy = std::move(patched);
    try {
      for (auto op = patch.rbegin(); op != patch.rend(); ++op) {
        const Json::json_pointer parent = Json::json_pointer(op->at("path").get<std::string>()).parent_pointer();
        if (m_spec.contains(parent)) m_copy[parent] = m_spec.at(parent);
      }
      m_intact = true;
    } catch (const Json::exception&) {
      m_intact = false;  // copied again by the next take()
    }
  }

 private:
  const Json& m_spec;
  Json m_copy;
  bool m_intact = false;  // m_copy equals m_spec
};

}  // namespace edgeplan
