# edgeplan_embedded_summary(FILES ROOT OUT): C++ source (a definition of
# edgeplan::default_data_summary(), edgeplan/default_data.hpp) holding what `edgeplan --version` prints about
# the embedded catalog and rules, read from the files here, at build time, so
# that printing it parses nothing at run time. It follows what the loaders do
# (load_default_catalog, load_default_rules): a unit test compares the two
# ("embedded: the build-time summary matches the catalog and rules as loaded").

# A C++ string literal for `text` (metadata values: no control characters expected).
function(_edgeplan_cxx_literal text out)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

# The catalog's /metadata/<field>, or `fallback` when absent.
function(_edgeplan_metadata json field fallback out)
  string(JSON value ERROR_VARIABLE missing GET "${json}" metadata ${field})
  if(missing)
    set(value "${fallback}")
  endif()
  _edgeplan_cxx_literal("${value}" literal)
  set(${out} "${literal}" PARENT_SCOPE)
endfunction()

# Rule ids a rule file defines: a rule without "effect" and "condition" patches
# an earlier one (rule_loader.cpp, is_patch) and adds none.
function(_edgeplan_rule_ids json out)
  set(ids "")
  string(JSON count ERROR_VARIABLE missing LENGTH "${json}" rules)
  if(NOT missing AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON effect ERROR_VARIABLE no_effect GET "${json}" rules ${i} effect)
      string(JSON condition ERROR_VARIABLE no_condition GET "${json}" rules ${i} condition)
      if(NOT no_effect OR NOT no_condition)
        string(JSON id GET "${json}" rules ${i} id)
        list(APPEND ids "${id}")
      endif()
    endforeach()
  endif()
  set(${out} "${ids}" PARENT_SCOPE)
endfunction()

function(edgeplan_embedded_summary files root out)
  set(catalog_fields "\"\", \"\", \"\", \"\"")
  set(rule_ids "")
  set(rule_files 0)
  set(rules_digest "")  # RuleSet::digest: sha-256 chained over each file's name and sha-256
  foreach(path IN LISTS files)
    file(RELATIVE_PATH name ${root} ${path})
    file(SHA256 ${path} digest)
    if(name STREQUAL "rules/catalog/catalog.json")
      file(READ ${path} json)
      _edgeplan_metadata("${json}" name "unnamed" catalog_name)
      _edgeplan_metadata("${json}" version "" catalog_version)
      _edgeplan_metadata("${json}" date "" catalog_date)
      set(catalog_fields "${catalog_name}, ${catalog_version}, ${catalog_date}, \"${digest}\"")
    elseif(name MATCHES "^rules/default/")
      file(READ ${path} json)
      _edgeplan_rule_ids("${json}" ids)
      list(APPEND rule_ids ${ids})
      math(EXPR rule_files "${rule_files} + 1")
      string(SHA256 rules_digest "${rules_digest}${name}${digest}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES rule_ids)  # a later file's rule of the same id replaces the earlier one
  list(LENGTH rule_ids rule_count)
  set(${out}
"const DefaultDataSummary& default_data_summary() {
  static constexpr DefaultDataSummary value{${catalog_fields}, ${rule_count}, ${rule_files}, \"${rules_digest}\"};
  return value;
}
" PARENT_SCOPE)
endfunction()
