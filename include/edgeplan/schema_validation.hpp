#pragma once
// JSON Schema validation (draft 7, via valijson) with edgeplan's error grammar,
// plus warnings for fields the schema does not know.
#include <memory>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/json_document.hpp>

namespace edgeplan {

class SchemaValidator {
 public:
  explicit SchemaValidator(const Json& schema);
  ~SchemaValidator();
  SchemaValidator(SchemaValidator&&) noexcept;

  // Errors for every constraint the document breaks (deepest location only),
  // warnings for unknown fields with a "did you mean" hint (unless `unknown_fields` is false).
  Diagnostics validate(const JsonDocument& document, bool unknown_fields = true) const;

  // Whether `document` is valid, given that it is a document valid against this
  // schema with `patch` (JSON Patch operations) applied: the same verdict as
  // validate(), found by validating only the parent of each changed value
  // against its own subschema where that is enough (see local_subschema in
  // schema_validation.cpp), and the whole document otherwise.
  bool valid_after_patch(const JsonDocument& document, const Json& patch) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace edgeplan
