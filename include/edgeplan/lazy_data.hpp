#pragma once
// The data rules read, built part by part on demand: facts implement it, the
// rules (CompiledRules) ask for a part the first time a rule reads it.
#include <cstddef>
#include <string>
#include <vector>

#include <edgeplan/json_document.hpp>

namespace edgeplan {

// Parts of the evaluation data ("option", "facts.latency", …) built the first
// time a rule reads them, so an option excluded by its first rule never pays
// for facts no rule looked at.
class LazyData {
 public:
  virtual ~LazyData() = default;
  // Dotted paths of the parts; the same list for the object's lifetime.
  virtual const std::vector<std::string>& parts() const = 0;
  // Sets part `index` in `data`, which already holds the objects above it and
  // may hold an earlier value of the part: every member must be overwritten.
  virtual void build(std::size_t index, Json& data) = 0;
};

}  // namespace edgeplan
