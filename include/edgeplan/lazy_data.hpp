#pragma once
// The data rules read, built part by part on demand: facts implement it, the
// rules (CompiledRules) ask for a part the first time a rule reads it, and say
// which of its members they may read at all.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <edgeplan/json_document.hpp>

namespace edgeplan {

// Which members of the data a set of rules may read: a tree of member names,
// where reading a path reads everything below it ("facts.latency.users" read
// whole needs every member of every user group), and an array the rules
// iterate (for_each) needs of its elements only what they read of "item"
// ("facts.latency.users.*.rtt_compared_ms"). A builder may leave out a member
// no path leads to: no rule with these reads can see it.
class ReadPaths {
 public:
  using Members = std::vector<std::pair<std::string, ReadPaths>>;  // sorted by name

  // One of 64 bits for a member name, from its length and three of its
  // bytes: a writer naming a member by a literal gets it folded at compile
  // time, so that by_bit tells most names no rule reads without comparing text.
  [[gnu::always_inline]] static constexpr unsigned name_bit(std::string_view name) {
    if (name.empty()) return 0;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(name[i])); };
    return (static_cast<unsigned>(name.size()) * 37u + byte(0) * 11u + byte(name.size() / 2) * 5u + byte(name.size() - 1)) & 63u;
  }

  // Reading `path` (dotted; "" is the whole data) reads everything below it.
  void add(std::string_view path);
  // The array at `path` is iterated: it and its elements are read, and what is
  // read of each element is added as "path.*.member".
  void add_iterated(std::string_view path);

  // Everything below this node is read.
  bool whole() const { return m_whole; }
  // What is read below member `name`: null when nothing is.
  const ReadPaths* member(std::string_view name) const;
  // What is read below the dotted `path`: null when nothing is.
  const ReadPaths* at(std::string_view path) const;
  // What is read below each element of an array: "*", or everything when a
  // path reads some element by its index.
  const ReadPaths* element() const {
    return m_whole ? this : m_by_index ? &everything() : m_star < 0 ? nullptr : &m_members[static_cast<std::size_t>(m_star)].second;
  }

  // The id under which the readers cache this node once found (their own
  // numbering of paths; jsonlogic::DataView), or kNoId. A builder reports the
  // nodes it writes that have one (PartWrite::written), so that the readers
  // need not look them up.
  static constexpr std::uint32_t kNoId = 0xffffffffu;
  std::uint32_t id() const { return m_id; }
  // Gives each node below this one the id `id_of(dotted path)` returns (kNoId:
  // none); nodes below an array element ("*") get none.
  template <typename IdOf>
  void assign_ids(IdOf&& id_of) {
    assign_ids_below(std::string(), [&](const std::string& path) -> std::uint32_t { return id_of(path); });
  }
  // The members read, by name, when not whole().
  const Members& members() const { return m_members; }
  // The member read whose name has bit `bit` (name_bit): its index + 1 in
  // members(), 0 when none has it (the name is not read), kSeveral when more
  // than one has it.
  static constexpr std::uint8_t kSeveral = 255;
  std::uint8_t by_bit(unsigned bit) const { return m_by_bit[bit]; }

  // A node that reads everything below it, and one that reads nothing.
  static const ReadPaths& everything();
  static const ReadPaths& nothing();

 private:
  ReadPaths& child(std::string_view name);
  ReadPaths& walk(std::string_view path);

  void index_names();
  void assign_ids_below(const std::string& path, const std::function<std::uint32_t(const std::string&)>& id_of);

  bool m_whole = false;
  Members m_members;
  std::array<std::uint8_t, 64> m_by_bit{};
  int m_star = -1;                    // the index of the member "*", if any
  bool m_by_index = false;            // a member other than "*": an element read by its index
  std::uint32_t m_id = kNoId;
};

// Nodes a builder wrote where a path with an id leads (ReadPaths::id). Kept
// from part to part: adding is a store, once the room is there.
class WrittenNodes {
 public:
  using Node = std::pair<std::uint32_t, const Json*>;
  [[gnu::always_inline]] void add(std::uint32_t id, const Json* node) {
    if (m_size == m_nodes.size()) grow();
    m_nodes[m_size++] = {id, node};
  }
  std::span<const Node> nodes() const { return {m_nodes.data(), m_size}; }
  void clear() { m_size = 0; }

 private:
  [[gnu::noinline]] void grow() { m_nodes.resize(m_nodes.size() * 2 + 16); }
  std::vector<Node> m_nodes;
  std::size_t m_size = 0;
};

// What a builder writes of a part: the members `reads` leads to (null: all of
// them); each node it writes whose ReadPaths has an id goes to `written`, if given.
struct PartWrite {
  const ReadPaths* reads = nullptr;
  WrittenNodes* written = nullptr;
};

// Parts of the evaluation data ("option", "facts.latency", …) built the first
// time a rule reads them, so an option excluded by its first rule never pays
// for facts no rule looked at.
class LazyData {
 public:
  virtual ~LazyData() = default;
  // Dotted paths of the parts; the same list for the object's lifetime.
  virtual const std::vector<std::string>& parts() const = 0;
  // Sets part `index` in `data`, which already holds the objects above it and
  // may hold an earlier value of the part. Every member of the part that
  // `part.reads` leads to (what is read of the part; null: all of it) must be
  // overwritten; others may be left as they are, never to be read.
  virtual void build(std::size_t index, Json& data, const PartWrite& part) = 0;
};

}  // namespace edgeplan
