#pragma once
// JsonLogic (jsonlogic.com) compiled to an expression tree once, evaluated many times.
//
// Rules come from pull requests and user directories, so evaluation is bounded:
// compile() refuses unknown operators and over-deep nesting, evaluate() stops
// after Limits::max_steps operator applications or once its operators have
// built, copied or scanned Limits::max_work_bytes (so no single step can take
// unbounded memory or time). Nothing in here touches files,
// the network, the clock or the environment.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace edgeplan::snapshot {
class Writer;
class Reader;
}  // namespace edgeplan::snapshot

namespace edgeplan::jsonlogic {

using Json = nlohmann::json;

struct Limits {
  std::size_t max_depth = 64;        // nesting depth of operators in one expression
  std::size_t max_steps = 1'000'000; // operator applications per evaluate() call
  // Bytes the operators of one evaluate() call may build, copy or scan: each
  // string byte, each array element or object member (estimated as its node),
  // and the per-element work of `in`, the iterators and the coercions. It bounds
  // the memory an evaluation holds and the time any one step takes.
  std::size_t max_work_bytes = 16 * 1024 * 1024;
};

// A rule that cannot be compiled. `pointer` is the JSON pointer, inside the
// logic, of the offending node (e.g. "/and/1"); `what()` is a complete sentence
// such as `unknown operator "foo" at /and/1`.
class CompileError : public std::runtime_error {
 public:
  CompileError(const std::string& message, std::string pointer)
      : std::runtime_error(message), m_pointer(std::move(pointer)) {}
  const std::string& pointer() const { return m_pointer; }

 private:
  std::string m_pointer;
};

// Evaluation failed: the step limit or the work budget exceeded.
class EvalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Node;  // opaque compiled node
namespace detail {
struct VarPath;

// What a DataView keeps per path: the node (null when absent) and, so that a
// later read of a scalar touches only the view, the value as the evaluator sees it.
struct ViewSlot {
  const Json* node = nullptr;
  double number = 0;
  std::uint8_t kind = 0;          // the evaluator's value kind
  bool flag = false;              // booleans: the value; strings and arrays: non-empty
  std::uint32_t generation = 0;   // resolved by the base view of this generation (SlotStore); 0: never
  std::uint32_t bound = 0;        // `node` given by DataView::bind in this generation, the value not read yet
};
struct SlotStore;  // a base view's slots, reused from view to view on a thread
}  // namespace detail

// Data prepared for evaluating many expressions over it — every rule over one
// option. Each literal `var` path (and each of its prefixes) resolves at most
// once per view, whichever expression asks first: key lookups in nlohmann's
// std::map objects are most of the cost of evaluating a rule.
//
// Borrows the data: it must outlive the view, and every value read through the
// view must stay in place and unchanged while the view is used (adding or
// erasing other keys of an object is fine: nlohmann objects are std::maps).
// A view caches as it goes, so one view must not be used by two threads at
// once; create one per thread (they are cheap: one allocation).
class DataView {
 public:
  explicit DataView(const Json& data);
  // `base` with the top-level key `name` bound to `value` (replacing any
  // member of that name), without copying: how for_each rules see "item".
  // Paths outside `name` are resolved, and cached, by `base`. Borrows `name`
  // as it borrows `value` (an overlay is made per array element: a copy of the
  // name cost more than the rest of making it).
  DataView(const DataView& base, std::string_view name, const Json& value);
  DataView(const DataView&) = delete;
  DataView& operator=(const DataView&) = delete;
  ~DataView();

  // The node at a compiled path, or null when absent (JavaScript's undefined).
  const Json* resolve(const detail::VarPath& path) const { return slot(path).node; }
  // Takes each node as what the path with its id (path_id) resolves to in
  // this view's data: whoever wrote the node knows where it is, and saves the
  // lookup. A base view only; the nodes must stay as for any read.
  void bind(std::span<const std::pair<std::uint32_t, const Json*>> nodes) const;
  const detail::ViewSlot& slot(const detail::VarPath& path) const;
  // The node at a path given at run time (not cached).
  const Json* find(const detail::VarPath& path) const;
  // The whole data as one object (an overlay copies its base's data to build it).
  const Json* root() const { return m_base == nullptr ? m_data : nullptr; }
  Json materialize() const;

 private:
  const detail::ViewSlot& resolve_uncached(const detail::VarPath& path) const;
  bool resolved(std::uint32_t id) const;
  bool bound(std::uint32_t id) const;
  const detail::ViewSlot& store(std::uint32_t id, const Json* node) const;
  const detail::ViewSlot& bound_slot(const detail::VarPath& path) const;
  const Json* root_member(const detail::VarPath& path) const;

  const Json* m_data = nullptr;       // the whole data; null for an overlay
  const DataView* m_base = nullptr;   // overlays only
  std::string_view m_name;            // overlays only: the bound key
  std::uint32_t m_name_id = 0;        // its path id
  const Json* m_value = nullptr;      // what it is bound to
  // Base views: a slot per path id, valid when stamped with the store's
  // generation, which is this view's while the view holds the store. The store is
  // taken from, and given back to, a per-thread pool: a view per option would
  // otherwise allocate and reset a slot for every path compiled so far.
  detail::SlotStore* m_store = nullptr;
  // Overlays: the few paths under m_name read so far, by path id. Overlays are
  // made per array element, so they must not pay for a slot per known path, nor
  // allocate for the first few (a batch makes ~180 overlays per workload); the
  // rest, if any, go to m_more_bound.
  using BoundPath = std::pair<std::uint32_t, detail::ViewSlot>;
  static constexpr std::size_t kInlineBound = 6;
  mutable std::array<BoundPath, kInlineBound> m_bound{};
  mutable std::size_t m_bound_count = 0;
  mutable std::vector<BoundPath> m_more_bound;
};

// What an expression may read from its data: the literal `var` (and `missing`)
// paths, dotted, and whether it may read anything at all (a path computed at run
// time, or the whole data). Paths under `map`/`filter`/… iterators are listed
// too, though they read the current element: a superset is safe for callers that
// prepare data on demand.
// The id DataView caches the dotted literal path under, if an expression
// compiled so far reads it (or a longer path through it); nullopt otherwise.
std::optional<std::uint32_t> path_id(const std::string& dotted);

struct DataReads {
  std::vector<std::string> paths;
  bool anything = false;
  void merge(const DataReads& other);
};

class Expression {
 public:
  Expression();  // evaluates to null
  static Expression compile(const Json& logic, const Limits& limits = {});
  Json evaluate(const Json& data) const;
  Json evaluate(const DataView& data) const;
  // truthy(evaluate(data)), without building the result.
  bool test(const Json& data) const;
  bool test(const DataView& data) const;
  // For an expression that is one literal `var` with no default: the node it
  // reads in `data` (null when absent), neither evaluated nor copied. Nullopt
  // for any other expression. (Message templates render placeholders so.)
  std::optional<const Json*> read_var(const DataView& data) const;
  DataReads reads() const;
  // Resolves in `view` every literal path this expression reads, so that
  // evaluating it later over the view reads only the view's slots: data
  // prepared ahead of evaluation, as a benchmark prepares it before timing.
  void prepare(const DataView& view) const;

  // Snapshots (util/snapshot_archive.hpp): the compiled tree, each node by its
  // form (constant, array or operator), read back the way compile() builds it.
  friend void fields(snapshot::Writer& writer, Expression& expression);
  friend void fields(snapshot::Reader& reader, Expression& expression);

 private:
  std::shared_ptr<const Node> m_root;
  Limits m_limits;
};

// JsonLogic truthiness: false for false, null, 0, "", []; true otherwise ({} is truthy).
bool truthy(const Json& value);

// Names of all supported operators, sorted (for `rules list`, docs and "did you mean").
const std::vector<std::string>& operator_names();

}  // namespace edgeplan::jsonlogic
