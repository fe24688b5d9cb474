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

  // validate(document, false) for a document valid against this schema with
  // `patch` (JSON Patch operations) applied: none when validating only the
  // parent of each changed value against its own subschema shows it valid
  // (where that is enough: see local_subschema in schema_validation.cpp), else
  // those of the whole document.
  Diagnostics validate_patched(const JsonDocument& document, const Json& patch) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace edgeplan
