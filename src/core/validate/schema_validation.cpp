#include <edgeplan/schema_validation.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <re2/re2.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// valijson context ["<root>", "[spec]", "[users]", "[0]"] -> "/spec/users/0"
std::string context_to_pointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const auto& part : context) {
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']')
      pointer += "/" + pointer_token(part.substr(1, part.size() - 2));
  }
  return pointer;
}

const Json* resolve_ref(const Json& root, const Json& node) {
  if (!node.contains("$ref")) return &node;
  std::string ref = node["$ref"].get<std::string>();
  if (ref.rfind("#", 0) != 0) return &node;
  return &root.at(Json::json_pointer(ref.substr(1)));
}

// The schema node describing the instance value at `pointer`, or null.
const Json* schema_at(const Json& root, const std::string& pointer) {
  const Json* node = resolve_ref(root, root);
  std::size_t pos = 1;
  while (node && pos <= pointer.size() && !pointer.empty()) {
    std::size_t next = pointer.find('/', pos);
    std::string token = pointer.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    if (node->contains("properties") && (*node)["properties"].contains(token)) node = &(*node)["properties"][token];
    else if (node->contains("items")) node = &(*node)["items"];
    else if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object())
      node = &(*node)["additionalProperties"];
    else return nullptr;
    node = resolve_ref(root, *node);
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  return node;
}

std::string json_type_name(const Json& value) {
  if (value.is_number_integer() || value.is_number_unsigned()) return "integer";
  if (value.is_number()) return "number";
  if (value.is_string()) return "string";
  if (value.is_boolean()) return "boolean";
  if (value.is_array()) return "array";
  if (value.is_object()) return "object";
  return "null";
}

bool type_matches(const std::string& expected, const Json& value) {
  if (expected == "number") return value.is_number();
  if (expected == "integer") return value.is_number_integer() || value.is_number_unsigned() ||
                                    (value.is_number_float() && std::trunc(value.get<double>()) == value.get<double>());
  return expected == json_type_name(value);
}

std::string enum_list(const Json& values) {
  std::vector<std::string> items;
  for (const auto& v : values) items.push_back(v.dump());
  return util::join_list(items);
}

// Words for the first constraint of `schema` that `value` breaks.
std::string explain_violation(const Json& schema, const Json& value) {
  if (schema.contains("type") && !type_matches(schema["type"].get<std::string>(), value))
    return fmt::format("expected {}, got {}", schema["type"].get<std::string>(), describe_json(value));
  if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
    return fmt::format("expected one of {}, got {}", enum_list(schema["enum"]), describe_json(value));
  if (value.is_number()) {
    double v = value.get<double>();
    if (schema.contains("minimum") && v < schema["minimum"].get<double>())
      return fmt::format("expected a number >= {}, got {}", schema["minimum"].dump(), value.dump());
    if (schema.contains("exclusiveMinimum") && v <= schema["exclusiveMinimum"].get<double>())
      return fmt::format("expected a number > {}, got {}", schema["exclusiveMinimum"].dump(), value.dump());
    if (schema.contains("maximum") && v > schema["maximum"].get<double>())
      return fmt::format("expected a number <= {}, got {}", schema["maximum"].dump(), value.dump());
  }
  if (value.is_array() && schema.contains("maxItems") && value.size() > schema["maxItems"].get<std::size_t>())
    return fmt::format("expected at most {} items, got {}", schema["maxItems"].dump(), value.size());
  if (value.is_string()) {
    if (schema.contains("minLength") && value.get<std::string>().size() < schema["minLength"].get<std::size_t>())
      return "expected a non-empty string";
    if (schema.contains("pattern"))
      return fmt::format("expected a string matching {}, got {}", schema["pattern"].get<std::string>(), describe_json(value));
  }
  return {};
}

// Whether `value` has a member that `schema`, closed by "additionalProperties": false, does not list.
bool has_unlisted_member(const Json& schema, const Json& value) {
  const auto additional = schema.find("additionalProperties");
  if (!value.is_object() || additional == schema.end() || *additional != false) return false;
  const auto properties = schema.find("properties");
  return std::any_of(value.items().begin(), value.items().end(), [&](const auto& member) {
    return properties == schema.end() || !properties->contains(member.key());
  });
}

std::string missing_property(const std::string& description) {
  // valijson: "Missing required property 'name'."
  auto open = description.find('\'');
  auto close = description.rfind('\'');
  if (description.rfind("Missing required property", 0) != 0 || open == close) return {};
  return description.substr(open + 1, close - open - 1);
}

// Where the walk below is: the keys (or, where null, the array positions) from
// the root. The JSON Pointer is written only for an unknown field.
struct WalkStep {
  const std::string* key;
  std::size_t index;
};

std::string pointer_of(const std::vector<WalkStep>& steps) {
  std::string out;
  for (const WalkStep& step : steps) out += "/" + (step.key ? pointer_token(*step.key) : std::to_string(step.index));
  return out;
}

// Warns about every field the schema does not know (typos are silently ignored
// otherwise). Runs on every document loaded, so the schema's declared members
// are gathered once per schema node, in the order nlohmann keeps an object's
// members: a document's object is then matched against them in one pass, and
// a pointer is written only for a field warned about. (Looking up
// "properties", "items", "additionalProperties" and "$ref" in each schema node
// again for each document cost a batch more than the walk itself.)
class KnownFields {
 public:
  explicit KnownFields(const Json& root) : m_root(root) { m_top = plan_of(*resolve_ref(root, root)); }

  void collect(const Json& value, const JsonDocument& doc, Diagnostics& out) const {
    std::vector<WalkStep> steps;
    walk(*m_top, value, steps, doc, out);
  }

 private:
  struct Plan {
    bool has_properties = false;  // an object described member by member; other objects are not looked into
    bool open = false;            // other members allowed: a schema for them (labels), or none; "false" closes it
    std::vector<std::pair<std::string, const Plan*>> members;  // the declared members, sorted by name
    const Plan* items = nullptr;
  };

  // One plan per schema node reached, made before its children so that a
  // recursive definition refers to the plan being made.
  const Plan* plan_of(const Json& node) {
    const auto [it, added] = m_plans.try_emplace(&node);
    Plan& plan = it->second;
    if (!added || !node.is_object()) return &plan;
    if (const auto items = node.find("items"); items != node.end()) plan.items = plan_of(*resolve_ref(m_root, *items));
    const auto properties = node.find("properties");
    if (properties == node.end()) return &plan;
    plan.has_properties = true;
    const auto additional = node.find("additionalProperties");
    plan.open = additional != node.end() && *additional != false;
    if (properties->is_object())  // an object's members come sorted (nlohmann keeps them in a std::map)
      for (const auto& [name, sub] : properties->items()) plan.members.emplace_back(name, plan_of(*resolve_ref(m_root, sub)));
    return &plan;
  }

  void walk(const Plan& plan, const Json& value, std::vector<WalkStep>& steps, const JsonDocument& doc, Diagnostics& out) const {
    if (value.is_array()) {
      if (!plan.items) return;
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_structured()) continue;
        steps.push_back({nullptr, i});
        walk(*plan.items, value[i], steps, doc, out);
        steps.pop_back();
      }
      return;
    }
    if (!value.is_object() || !plan.has_properties) return;
    // Both sorted by name: one pass over the two.
    auto declared = plan.members.begin();
    for (const auto& [key, child] : value.get_ref<const Json::object_t&>()) {
      int order = 1;
      while (declared != plan.members.end() && (order = declared->first.compare(key)) < 0) ++declared;
      if (declared != plan.members.end() && order == 0) {
        if (!child.is_structured()) continue;
        steps.push_back({&key, 0});
        walk(*declared->second, child, steps, doc, out);
        steps.pop_back();
        continue;
      }
      if (plan.open) continue;
      std::vector<std::string> names;
      for (const auto& [name, unused] : plan.members) names.push_back(name);
      std::string hint = util::did_you_mean(key, names, fmt::format("known fields here: {}", util::join_list(names)));
      out.add(doc.diagnose(pointer_of(steps) + "/" + pointer_token(key), fmt::format("unknown field \"{}\" is ignored", key), hint, Severity::warning));
    }
  }

  const Json& m_root;
  std::map<const Json*, Plan> m_plans;
  const Plan* m_top = nullptr;
};

}  // namespace

// Why validating the parent of each changed value is enough. A JSON Schema
// keyword either constrains one value's own content (type, minimum, pattern on a
// string; required, additionalProperties, maxItems on a container's members) or
// hands each member to a subschema (properties, items); the exceptions read a
// whole value, members' contents included (enum and const on a container,
// uniqueItems, contains, allOf/anyOf/oneOf/not, if/then/else, dependencies).
// Change the value at /a/b/c of a valid document and only /a/b's members, and
// what lies below, differ: every node elsewhere is unchanged, and each ancestor
// of /a/b still has the same members. So when no ancestor of /a/b holds a
// keyword of the last kind, validating /a/b against its own subschema decides
// the whole document. When the change replaces /a/b/c, /a/b keeps its members
// too (the same names, the same length), so its own keywords of the first kind
// give what they gave; when no ancestor of /a/b/c, /a/b included, holds a
// keyword of the last kind, validating /a/b/c alone decides. Anything this walk
// does not follow (a $ref outside #/definitions, patternProperties, tuple
// items, an undeclared member) gives null, and the caller validates the whole
// document instead.
namespace {

bool reads_whole_value(const Json& schema) {
  static const std::set<std::string, std::less<>> kKeywords = {"allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependencies",
                                                               "dependentSchemas", "uniqueItems", "contains", "const", "enum",
                                                               "additionalItems", "prefixItems", "unevaluatedProperties", "unevaluatedItems"};
  // A schema node has a few keywords: each is looked for among these, rather
  // than each of these among the node's (a relaxation check walks this often).
  if (!schema.is_object()) return false;
  const auto& keywords = schema.get_ref<const Json::object_t&>();
  return std::any_of(keywords.begin(), keywords.end(), [](const auto& member) { return kKeywords.count(member.first) != 0; });
}

// `node` with its $ref followed when it points into #/definitions; null for
// any other reference or for a schema that is not an object.
const Json* definition_of(const Json& root, const Json* node) {
  if (node == nullptr || !node->is_object()) return nullptr;
  const auto ref = node->find("$ref");
  if (ref == node->end()) return node;
  if (!ref->is_string() || ref->get_ref<const std::string&>().rfind("#/definitions/", 0) != 0) return nullptr;
  const std::string& text = ref->get_ref<const std::string&>();
  const Json* resolved = nullptr;
  const std::string_view name = std::string_view(text).substr(14);
  const auto definitions = root.is_object() ? root.find("definitions") : root.end();
  if (definitions != root.end() && definitions->is_object() && name.find_first_of("/~") == std::string_view::npos) {
    // "#/definitions/name", as every reference of the workload schema: looked up
    // directly (a relaxation check resolves references for each changed value).
    const auto found = definitions->find(name);
    if (found == definitions->end()) return nullptr;
    resolved = &*found;
  } else {
    const Json::json_pointer target(text.substr(1));
    if (!root.contains(target)) return nullptr;
    resolved = &root.at(target);
  }
  return resolved->is_object() && !resolved->contains("$ref") ? resolved : nullptr;
}

// The member `token` of `instance` (an object or array), and its subschema in `schema`.
const Json* member_schema(const Json& schema, const Json& instance, const std::string& token) {
  if (instance.is_object()) {
    const auto properties = schema.find("properties");
    if (schema.contains("patternProperties")) return nullptr;
    if (properties != schema.end() && properties->is_object()) {
      const auto found = properties->find(token);
      if (found != properties->end()) return &*found;
    }
    const auto additional = schema.find("additionalProperties");
    return additional != schema.end() && additional->is_object() ? &*additional : nullptr;
  }
  const auto items = schema.find("items");
  return instance.is_array() && items != schema.end() && items->is_object() ? &*items : nullptr;
}

// The value at `pointer` in `document` and its subschema, when no schema on
// the way to it reads a whole value (see above); a null schema otherwise.
struct Located {
  const Json* schema = nullptr;
  const Json* value = nullptr;
};

Located local_subschema(const Json& root, const Json& document, const Json::json_pointer& pointer) {
  std::vector<std::string> tokens;
  for (Json::json_pointer p = pointer; !p.empty(); p.pop_back()) tokens.push_back(p.back());
  const Json* schema = definition_of(root, &root);
  const Json* instance = &document;
  for (auto token = tokens.rbegin(); token != tokens.rend() && schema != nullptr; ++token) {
    if (reads_whole_value(*schema) || !instance->is_structured()) return {};
    schema = definition_of(root, member_schema(*schema, *instance, *token));
    if (instance->is_object()) {
      const auto member = instance->find(*token);
      if (member == instance->end()) return {};
      instance = &*member;
    } else {
      const std::optional<std::size_t> index = pointer_index(*token);
      if (!index || *index >= instance->size()) return {};
      instance = &(*instance)[*index];
    }
  }
  return {schema, instance};
}

// Where validate_patched validates a patch's changes: the parent of each value
// added, removed or moved (its members change), and the value each "replace"
// puts in place, whose parent keeps its members (the same names, the same
// length). nullopt when the patch changes the root.
std::optional<std::set<std::string>> changed_places(const Json& patch) {
  const auto changes = patch_changes(patch);
  if (!changes) return std::nullopt;
  std::set<std::string> places;
  for (const PatchChange& change : *changes) {
    const std::string& pointer = change.pointer;
    // The root, or not a pointer (the caller reads each place as one, and a
    // malformed one throws there, as applying the patch did).
    if (pointer.empty() || pointer.front() != '/') return std::nullopt;
    places.insert(change.replaced ? pointer : pointer.substr(0, pointer.rfind('/')));
  }
  return places;
}

}  // namespace

namespace {

// The schema's `pattern` keywords, matched with RE2 rather than by valijson.
// valijson matches with std::regex, whose executor recurses once per character
// of the string: a 50,000-character name overflowed the stack (a crash on
// hostile input), and even a short one cost about 3,000 instructions a match.
// RE2 matches in linear time without recursion. Patterns are taken only from a
// schema this walk follows exactly: subschemas applied by properties, items,
// additionalProperties and $ref into #/definitions (no combinators), and every
// pattern one RE2 compiles; otherwise none is taken and valijson keeps them.
class SchemaPatterns {
 public:
  explicit SchemaPatterns(const Json& root) : m_root(root) {
    if (!followed(root, 0)) return;
    m_taken = true;
    plan_of(resolved(root));
    prune();
  }

  // Whether RE2 took the schema's patterns (and valijson is given none).
  bool taken() const { return m_taken; }

  // A copy of the schema node `schema` without the patterns taken, for valijson.
  Json without_patterns(Json schema) const {
    if (m_taken) strip(schema);
    return schema;
  }

  // Whether a plan covers the (resolved) schema node `node`: a node this walk reached.
  bool covers(const Json& node) const { return m_plans.count(&node) != 0; }

  // Whether every string under `value`, which the schema node `node` (covered;
  // null: the root) describes, matches its pattern.
  bool hold(const Json& value, const Json* node = nullptr) const {
    std::vector<WalkStep> steps;
    return walk(node ? &m_plans.at(node) : &root_plan(), value, steps, nullptr);
  }

  // The JSON Pointer of each string under the document root that does not match its pattern.
  std::vector<std::string> violations(const Json& document) const {
    std::vector<std::string> out;
    std::vector<WalkStep> steps;
    walk(&root_plan(), document, steps, &out);
    return out;
  }

 private:
  struct Plan {
    const re2::RE2* pattern = nullptr;
    std::vector<std::pair<std::string, const Plan*>> members;  // declared members, with patterns at or below once pruned
    const Plan* items = nullptr;
    const Plan* additional = nullptr;
    bool live = false;  // a pattern at or below
  };

  static bool is_schema_keyword_followed(const std::string& key) {
    static const std::set<std::string, std::less<>> kNotFollowed = {
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependencies", "dependentSchemas", "patternProperties",
        "propertyNames", "contains", "additionalItems", "unevaluatedProperties", "unevaluatedItems", "prefixItems", "$defs"};
    return kNotFollowed.count(key) == 0;
  }

  // Whether every subschema below `node` is applied in a way the walk follows,
  // and every pattern compiles (each distinct one compiled once).
  bool followed(const Json& node, int depth) {
    if (!node.is_object()) return node.is_boolean();
    if (depth > 64) return false;
    for (const auto& [key, value] : node.items()) {
      if (!is_schema_keyword_followed(key)) return false;
      if (key == "$ref") {
        if (!definition_of(m_root, &node)) return false;  // a definition of this schema, itself no reference
        for (const auto& [sibling, unused] : node.items())
          if (sibling != "$ref" && sibling != "description" && sibling != "title" && sibling != "$comment") return false;
      } else if (key == "pattern") {
        if (!value.is_string() || !regex(value.get_ref<const std::string&>())) return false;
      } else if (key == "items") {
        if (!value.is_object() && !value.is_boolean()) return false;
        if (!followed(value, depth + 1)) return false;
      } else if (key == "additionalProperties") {
        if (!followed(value, depth + 1)) return false;
      } else if (key == "properties" || key == "definitions") {
        if (!value.is_object()) return false;
        for (const auto& [name, sub] : value.items())
          if (!followed(sub, depth + 1)) return false;
      }
    }
    return true;
  }

  const re2::RE2* regex(const std::string& pattern) {
    auto& entry = m_regexes[pattern];
    if (!entry) {
      re2::RE2::Options options;
      options.set_log_errors(false);
      entry = std::make_unique<re2::RE2>(pattern, options);
    }
    return entry->ok() ? entry.get() : nullptr;
  }

  const Json& resolved(const Json& node) const { return *resolve_ref(m_root, node); }
  const Plan& root_plan() const { return m_plans.at(&resolved(m_root)); }

  // One plan per schema node reached, made before its children so that a
  // recursive definition refers to the plan being made.
  Plan* plan_of(const Json& node) {
    const auto [it, added] = m_plans.try_emplace(&node);
    Plan& plan = it->second;
    if (!added || !node.is_object()) return &plan;
    if (const auto pattern = node.find("pattern"); pattern != node.end()) plan.pattern = regex(pattern->get<std::string>());
    const auto properties = node.find("properties");
    if (properties != node.end())
      for (const auto& [name, sub] : properties->items()) plan.members.emplace_back(name, plan_of(resolved(sub)));
    if (const auto items = node.find("items"); items != node.end() && items->is_object()) plan.items = plan_of(resolved(*items));
    if (const auto additional = node.find("additionalProperties"); additional != node.end() && additional->is_object()) {
      plan.additional = plan_of(resolved(*additional));
    }
    return &plan;
  }

  // Marks the plans with a pattern at or below (to a fixed point: definitions
  // may recur), then drops the members that lead to none.
  void prune() {
    for (bool changed = true; changed;) {
      changed = false;
      for (auto& [node, plan] : m_plans) {
        const bool live = plan.pattern || (plan.items && plan.items->live) || (plan.additional && plan.additional->live) ||
                          std::any_of(plan.members.begin(), plan.members.end(), [](const auto& m) { return m.second->live; });
        if (live && !plan.live) plan.live = changed = true;
      }
    }
    for (auto& [node, plan] : m_plans) {
      if (plan.additional) continue;  // every member is looked at (an undeclared one goes to `additional`)
      std::erase_if(plan.members, [](const auto& m) { return !m.second->live; });
    }
  }

  void strip(Json& node) const {
    if (!node.is_object()) return;
    node.erase("pattern");
    for (const char* key : {"properties", "definitions"})
      if (const auto it = node.find(key); it != node.end() && it->is_object())
        for (auto& [name, sub] : it->items()) strip(sub);
    for (const char* key : {"items", "additionalProperties"})
      if (const auto it = node.find(key); it != node.end()) strip(*it);
  }

  // False at the first string that does not match, unless `out` collects the
  // pointers of all of them.
  bool walk(const Plan* plan, const Json& value, std::vector<WalkStep>& steps, std::vector<std::string>* out) const {
    if (!plan->live) return true;
    bool ok = true;
    const auto visit = [&](const Plan* child, const Json& member, WalkStep step) {
      if (!child->live || (!ok && !out)) return;
      steps.push_back(step);
      ok = walk(child, member, steps, out) && ok;
      steps.pop_back();
    };
    if (value.is_string()) {
      if (plan->pattern && !re2::RE2::PartialMatch(value.get_ref<const std::string&>(), *plan->pattern)) {
        if (out) out->push_back(pointer_of(steps));
        return false;
      }
    } else if (value.is_object()) {
      if (plan->additional) {
        for (auto member = value.begin(); member != value.end(); ++member) {
          const std::string& key = member.key();
          const auto declared = std::find_if(plan->members.begin(), plan->members.end(), [&](const auto& m) { return m.first == key; });
          visit(declared != plan->members.end() ? declared->second : plan->additional, *member, {&key, 0});
        }
      } else {
        for (const auto& [name, child] : plan->members)
          if (const auto member = value.find(name); member != value.end()) visit(child, *member, {&member.key(), 0});
      }
    } else if (value.is_array() && plan->items) {
      for (std::size_t i = 0; i < value.size(); ++i) visit(plan->items, value[i], {nullptr, i});
    }
    return ok;
  }

  const Json& m_root;
  bool m_taken = false;
  std::map<std::string, std::unique_ptr<re2::RE2>> m_regexes;
  std::map<const Json*, Plan> m_plans;
};

}  // namespace

struct SchemaValidator::Impl {
  Json source;
  std::unique_ptr<SchemaPatterns> patterns;  // over `source`
  std::unique_ptr<KnownFields> known_fields;  // over `source`
  Json checked;                              // `source` without the patterns RE2 took: what valijson compiles
  valijson::Schema schema;
  // Subschemas compiled for validate_patched, by the schema node they stand
  // for, each in a copy of its node that carries the root's definitions (for its $refs).
  struct Compiled {
    Json source;
    valijson::Schema schema;
  };
  std::mutex compiled_mutex;
  std::map<const Json*, std::unique_ptr<Compiled>> compiled;

  const valijson::Schema* compiled_subschema(const Json& node);
};

// Null when the node cannot stand alone (it has definitions of its own).
const valijson::Schema* SchemaValidator::Impl::compiled_subschema(const Json& node) {
  if (node.contains("definitions")) return nullptr;
  const std::lock_guard<std::mutex> lock(compiled_mutex);
  auto& entry = compiled[&node];
  if (!entry) {
    entry = std::make_unique<Compiled>();
    entry->source = patterns->without_patterns(node);
    if (checked.contains("definitions")) entry->source["definitions"] = checked["definitions"];
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(entry->source);
    parser.populateSchema(adapter, entry->schema);
  }
  return &entry->schema;
}

SchemaValidator::SchemaValidator(const Json& schema) : m_impl(std::make_unique<Impl>()) {
  m_impl->source = schema;
  m_impl->patterns = std::make_unique<SchemaPatterns>(m_impl->source);
  m_impl->known_fields = std::make_unique<KnownFields>(m_impl->source);
  m_impl->checked = m_impl->patterns->without_patterns(m_impl->source);
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(m_impl->checked);
  parser.populateSchema(adapter, m_impl->schema);
}

Diagnostics SchemaValidator::validate_patched(const JsonDocument& document, const Json& patch) const {
  const auto full = [&] { return validate(document, false); };
  const auto places = changed_places(patch);
  if (!places) return full();
  thread_local valijson::Validator validator;  // as in validate(): any regexes it keeps compiled once per thread
  const SchemaPatterns& patterns = *m_impl->patterns;
  for (const std::string& place : *places) {
    const Located at = local_subschema(m_impl->source, document.value(), Json::json_pointer(place));
    const valijson::Schema* schema = at.schema == nullptr ? nullptr : m_impl->compiled_subschema(*at.schema);
    if (schema == nullptr) return full();
    valijson::adapters::NlohmannJsonAdapter target(*at.value);
    if (!validator.validate(*schema, target, nullptr)) return full();
    if (patterns.taken() && (!patterns.covers(*at.schema) || !patterns.hold(*at.value, at.schema))) return full();
  }
  return {};
}

SchemaValidator::~SchemaValidator() = default;
SchemaValidator::SchemaValidator(SchemaValidator&&) noexcept = default;

Diagnostics SchemaValidator::validate(const JsonDocument& document, bool unknown_fields) const {
  // The validator caches the compiled regexes of any patterns it keeps (RE2
  // takes them all from the workload schema): one per thread.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document.value());
  const SchemaPatterns& patterns = *m_impl->patterns;
  // Most documents are valid: check first without collecting (valijson then
  // stops at the first failure), and only collect every error for the rest.
  const bool valid = validator.validate(m_impl->schema, target, nullptr) && (!patterns.taken() || patterns.hold(document.value()));
  if (!valid) validator.validate(m_impl->schema, target, &results);

  struct Found { std::string pointer; std::string description; };
  std::vector<Found> found;
  for (const auto& error : results) found.push_back({context_to_pointer(error.context), error.description});
  if (!valid && patterns.taken())
    for (std::string& pointer : patterns.violations(document.value())) found.push_back({std::move(pointer), "pattern"});

  // Sets, not pairwise comparisons: a hostile spec can have 10^5 errors.
  std::set<std::string> pointers;
  for (const auto& f : found) pointers.insert(f.pointer);
  const auto has_deeper = [&](const std::string& pointer) {
    const std::string prefix = pointer + "/";
    const auto it = pointers.lower_bound(prefix);
    return it != pointers.end() && it->compare(0, prefix.size(), prefix) == 0;
  };
  Diagnostics out;
  std::set<std::pair<std::string, std::string>> reported;  // valijson may report one problem twice (type and enum both fail)
  std::set<std::string> wordless;                          // pointers with a violation reported in valijson's words
  for (const auto& f : found) {
    if (auto name = missing_property(f.description); !name.empty()) {
      const std::string message = fmt::format("missing required field \"{}\"", name);
      if (reported.emplace(f.pointer, message).second) out.add(document.diagnose(f.pointer, message));
      continue;
    }
    if (has_deeper(f.pointer)) continue;
    const Json* node = schema_at(m_impl->source, f.pointer);
    const Json& value = document.value().at(Json::json_pointer(f.pointer));
    std::string message = node ? explain_violation(*node, value) : std::string{};
    // A member a closed object does not list is an unknown field: warned about
    // below, as everywhere else. Any other constraint without words of its own
    // is still an error, in valijson's words: never a silent pass.
    if (message.empty() && node && has_unlisted_member(*node, value)) continue;
    if (message.empty()) {
      // valijson may explain one failure several times (anyOf: each branch, then the summary): its first words suffice.
      if (!wordless.insert(f.pointer).second) continue;
      message = fmt::format("does not satisfy the schema: {}", f.description);
    }
    if (reported.emplace(f.pointer, message).second) out.add(document.diagnose(f.pointer, message));
  }
  if (unknown_fields) m_impl->known_fields->collect(document.value(), document, out);
  return out;
}

}  // namespace edgeplan
