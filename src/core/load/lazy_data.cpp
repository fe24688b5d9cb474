#include <edgeplan/lazy_data.hpp>

#include <algorithm>

namespace edgeplan {

namespace {

bool by_name(const std::pair<std::string, ReadPaths>& member, std::string_view name) { return member.first < name; }

}  // namespace

const ReadPaths& ReadPaths::everything() {
  static const ReadPaths whole = [] {
    ReadPaths out;
    out.m_whole = true;
    return out;
  }();
  return whole;
}

const ReadPaths& ReadPaths::nothing() {
  static const ReadPaths none;
  return none;
}

ReadPaths& ReadPaths::child(std::string_view name) {
  auto it = std::lower_bound(m_members.begin(), m_members.end(), name, by_name);
  if (it == m_members.end() || it->first != name) {
    it = m_members.emplace(it, std::string(name), ReadPaths{});
    index_names();  // the indices after `it` moved
  }
  return it->second;
}

// After each insertion: indices (by_bit) and addresses (m_star) moved.
void ReadPaths::index_names() {
  m_by_bit.fill(0);
  m_star = -1;
  m_by_index = false;
  for (std::size_t i = 0; i < m_members.size(); ++i) {
    std::uint8_t& entry = m_by_bit[name_bit(m_members[i].first)];
    entry = entry != 0 || i + 1 >= kSeveral ? kSeveral : static_cast<std::uint8_t>(i + 1);
    // A numeric segment indexes the array (a `var` such as "users.0.rtt_ms"):
    // which element it is, only the data knows.
    if (m_members[i].first == "*") m_star = static_cast<int>(i);
    else m_by_index = true;
  }
}

void ReadPaths::assign_ids_below(const std::string& path, const std::function<std::uint32_t(const std::string&)>& id_of) {
  for (auto& [name, below] : m_members) {
    if (name == "*") continue;
    const std::string dotted = path.empty() ? name : path + "." + name;
    below.m_id = id_of(dotted);
    below.assign_ids_below(dotted, id_of);
  }
}

// The node of `path`, made where missing; a whole node on the way stays whole
// (its members are read already).
ReadPaths& ReadPaths::walk(std::string_view path) {
  ReadPaths* node = this;
  std::size_t start = 0;
  while (!node->m_whole && !path.empty()) {
    const std::size_t dot = path.find('.', start);
    node = &node->child(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return *node;
}

void ReadPaths::add(std::string_view path) {
  ReadPaths& node = walk(path);
  node.m_whole = true;
  node.m_members.clear();
  node.index_names();
}

void ReadPaths::add_iterated(std::string_view path) {
  ReadPaths& node = walk(path);
  if (!node.m_whole) node.child("*");
}

const ReadPaths* ReadPaths::member(std::string_view name) const {
  if (m_whole) return this;
  const auto it = std::lower_bound(m_members.begin(), m_members.end(), name, by_name);
  return it != m_members.end() && it->first == name ? &it->second : nullptr;
}

const ReadPaths* ReadPaths::at(std::string_view path) const {
  const ReadPaths* node = this;
  std::size_t start = 0;
  while (node && !node->m_whole && !path.empty()) {
    const std::size_t dot = path.find('.', start);
    node = node->member(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return node;
}


}  // namespace edgeplan
