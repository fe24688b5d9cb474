// DataView, the per-option cache of resolved `var` paths, and the process-wide
// path ids (assigned at compile time) that index its slots.
#include <edgeplan/jsonlogic.hpp>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic {

namespace {

using detail::PathSegment;
using detail::step_into;
using detail::Value;
using detail::VarPath;
using detail::ViewSlot;
using Kind = Value::Kind;

// Every distinct literal path compiled in this process gets an id, and so does
// each of its prefixes, so that all expressions share one DataView cache. Ids
// are handed out at compile time; evaluation takes the lock only the first time
// a thread binds a name (name_id).
class PathIds {
 public:
  std::uint32_t intern(const std::string& dotted) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto [entry, added] = m_ids.try_emplace(dotted, static_cast<std::uint32_t>(m_ids.size()));
    if (added) m_count.store(static_cast<std::uint32_t>(m_ids.size()), std::memory_order_release);
    return entry->second;
  }
  std::optional<std::uint32_t> find(const std::string& dotted) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto entry = m_ids.find(dotted);
    return entry == m_ids.end() ? std::nullopt : std::optional<std::uint32_t>(entry->second);
  }
  // Enough slots for every path compiled so far.
  std::uint32_t count() const { return m_count.load(std::memory_order_acquire); }

 private:
  std::mutex m_mutex;
  std::unordered_map<std::string, std::uint32_t> m_ids;
  std::atomic<std::uint32_t> m_count{0};
};

PathIds& path_ids() {
  static PathIds ids;
  return ids;
}

}  // namespace

// A prefix is interned before the longer path, so ids grow along a path and
// ids.back() is its largest.
void detail::intern_path(VarPath& path) {
  if (path.whole_data) return;
  std::string prefix;
  for (const PathSegment& segment : path.segments) {
    if (!path.ids.empty()) prefix += '.';
    prefix += segment.key;
    path.ids.push_back(path_ids().intern(prefix));
  }
}

namespace {

// An overlay binds the same name ("item") for every element of every for_each
// rule: its id is remembered per thread instead of looked up under the lock.
std::uint32_t name_id(std::string_view name) {
  thread_local std::optional<std::string> last;
  thread_local std::uint32_t last_id = 0;
  if (!last || *last != name) {
    last = std::string(name);
    last_id = path_ids().intern(*last);
  }
  return last_id;
}

}  // namespace

struct detail::SlotStore {
  std::vector<ViewSlot> slots;
  std::uint32_t generation = 0;  // of the view that holds the store, or held it last
};

namespace {

// Stores not in use by a view of this thread. Views nest (an overlay's base, an
// expression evaluated over a view while another is alive), so a view takes a
// store of its own; a thread holds as many as its deepest nesting.
std::vector<std::unique_ptr<detail::SlotStore>>& free_stores() {
  thread_local std::vector<std::unique_ptr<detail::SlotStore>> stores;
  return stores;
}

detail::SlotStore* take_store() {
  auto& pool = free_stores();
  if (pool.empty()) return new detail::SlotStore;
  detail::SlotStore* store = pool.back().release();
  pool.pop_back();
  return store;
}

}  // namespace

// A new generation makes every slot of the store unresolved without touching
// it; sized for every path compiled so far (paths compiled later grow it).
DataView::DataView(const Json& data) : m_data(&data), m_store(take_store()) {
  if (++m_store->generation == 0) {  // wrapped: stamps of 2^32 views ago would match again
    for (ViewSlot& slot : m_store->slots) slot.generation = slot.bound = 0;
    m_store->generation = 1;
  }
  if (m_store->slots.size() < path_ids().count()) m_store->slots.resize(path_ids().count());
}

DataView::~DataView() {
  if (m_store != nullptr) free_stores().emplace_back(m_store);
}

DataView::DataView(const DataView& base, std::string_view name, const Json& value)
    : m_base(&base), m_name(name), m_name_id(name_id(name)), m_value(&value) {}

namespace {

ViewSlot slot_of(const Json* node) {
  return node == nullptr ? ViewSlot{nullptr, 0, static_cast<std::uint8_t>(Kind::undefined), false}
                         : Value::borrowed(*node).to_slot();
}

}  // namespace

const Json* DataView::root_member(const VarPath& path) const { return step_into(*m_data, path.segments.front()); }

bool DataView::resolved(std::uint32_t id) const { return id < m_store->slots.size() && m_store->slots[id].generation == m_store->generation; }

bool DataView::bound(std::uint32_t id) const { return id < m_store->slots.size() && m_store->slots[id].bound == m_store->generation; }

const ViewSlot& DataView::store(std::uint32_t id, const Json* node) const {
  ViewSlot& slot = m_store->slots[id];
  slot = slot_of(node);
  slot.generation = m_store->generation;
  return slot;
}

const ViewSlot& DataView::slot(const VarPath& path) const {
  if (m_base != nullptr) return path.ids.front() == m_name_id ? bound_slot(path) : m_base->slot(path);
  const std::uint32_t id = path.ids.back();
  if (resolved(id)) return m_store->slots[id];
  if (bound(id)) return store(id, m_store->slots[id].node);  // found by its writer: only the value is read
  return resolve_uncached(path);
}

const ViewSlot& DataView::bound_slot(const VarPath& path) const {
  const std::uint32_t id = path.ids.back();
  for (std::size_t i = 0; i < m_bound_count; ++i) {
    if (m_bound[i].first == id) return m_bound[i].second;
  }
  for (const auto& [bound_id, slot] : m_more_bound) {
    if (bound_id == id) return slot;
  }
  const Json* node = m_value;
  for (std::size_t index = 1; index < path.segments.size() && node != nullptr; ++index) {
    node = step_into(*node, path.segments[index]);
  }
  if (m_bound_count < kInlineBound) {
    m_bound[m_bound_count] = {id, slot_of(node)};
    return m_bound[m_bound_count++].second;
  }
  m_more_bound.emplace_back(id, slot_of(node));
  return m_more_bound.back().second;
}

// Walks back to the longest prefix already resolved, then forward, caching each step.
const ViewSlot& DataView::resolve_uncached(const VarPath& path) const {
  if (path.ids.back() >= m_store->slots.size()) m_store->slots.resize(path_ids().count());  // compiled after the view
  std::size_t known = path.ids.size();
  while (known > 0 && !resolved(path.ids[known - 1]) && !bound(path.ids[known - 1])) --known;
  const Json* node = known == 0 ? root_member(path) : m_store->slots[path.ids[known - 1]].node;
  if (known == 0) store(path.ids.front(), node), known = 1;
  for (std::size_t index = known; index < path.ids.size(); ++index) {
    node = node == nullptr ? nullptr : step_into(*node, path.segments[index]);
    store(path.ids[index], node);
  }
  return m_store->slots[path.ids.back()];
}

// Only the node: its value is read, as resolving would, when a rule first reads
// the path (most of the nodes bound are not read for an option its first rule excludes).
void DataView::bind(std::span<const std::pair<std::uint32_t, const Json*>> nodes) const {
  if (m_base != nullptr) throw std::logic_error("DataView::bind: an overlay binds no path");
  std::vector<ViewSlot>& slots = m_store->slots;
  for (const auto& [id, node] : nodes) {
    if (id >= slots.size()) slots.resize(std::max<std::size_t>(id + 1, path_ids().count()));
    slots[id].node = node;
    slots[id].bound = m_store->generation;
  }
}

std::optional<std::uint32_t> path_id(const std::string& dotted) { return path_ids().find(dotted); }

const Json* DataView::find(const VarPath& path) const {
  const std::span<const PathSegment> segments(path.segments);
  if (m_base == nullptr) {
    const Json* node = m_data;
    for (const PathSegment& segment : segments) node = node == nullptr ? nullptr : step_into(*node, segment);
    return node;
  }
  if (segments.front().key != m_name) return m_base->find(path);
  const Json* node = m_value;
  for (const PathSegment& segment : segments.subspan(1)) node = node == nullptr ? nullptr : step_into(*node, segment);
  return node;
}

Json DataView::materialize() const {
  if (m_base == nullptr) return *m_data;
  Json whole = m_base->materialize();
  if (!whole.is_object()) whole = Json::object();  // JavaScript's {...base, name: value} of a non-object
  whole[std::string(m_name)] = *m_value;
  return whole;
}

}  // namespace edgeplan::jsonlogic
