// Batch inputs: resolve the command-line arguments into an ordered, sharded
// stream of specs. Directory and glob listings are paths only; JSONL is read
// one line at a time, so a large portfolio is never held in memory.
#include <edgeplan/batch.hpp>

#include <charconv>
#include <istream>

#include <fmt/format.h>

namespace edgeplan {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_jsonl(const std::string& path) { return ends_with(path, ".jsonl") || ends_with(path, ".ndjson"); }

bool has_glob_characters(const std::string& text) { return text.find_first_of("*?[") != std::string::npos; }

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r\f\v") == std::string::npos; }

std::string jsonl_key(const std::string& file, int line) { return fmt::format("{}:{}", file, line); }

Diagnostic argument_error(const std::string& argument, std::string message, std::string hint = {}) {
  return Diagnostic{Severity::error, argument, 0, 0, "", std::move(message), std::move(hint)};
}

// A run of inputs of one kind, from one argument (or one glob match).
struct Segment {
  enum class Kind { files, jsonl } kind = Kind::files;
  std::string name;                // JSONL: the file as named, or kStdinName
  std::vector<std::string> paths;  // files: the specs of this shard, in order
};

// Reads JSONL lines of one shard: skips blank lines and other shards' lines.
class JsonlReader {
 public:
  JsonlReader(std::istream& in, std::string name, Shard shard) : m_in(in), m_name(std::move(name)), m_shard(shard) {}
  // The next spec line (CR stripped) and its 1-based line number.
  std::optional<std::pair<std::string, int>> next() {
    std::string line;
    while (std::getline(m_in, line)) {
      ++m_line;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!is_blank(line) && m_shard.contains(jsonl_key(m_name, m_line))) return std::pair{std::move(line), m_line};
    }
    return std::nullopt;
  }

 private:
  std::istream& m_in;
  std::string m_name;
  Shard m_shard;
  int m_line = 0;
};

}  // namespace

// ---------------------------------------------------------------- sharding

std::uint64_t fnv1a_64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

bool Shard::contains(std::string_view key) const { return count <= 1 || fnv1a_64(key) % count == index - 1; }

std::optional<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Shard shard;
  auto parse = [](std::string_view part, std::uint32_t& out) {
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc{} && end == part.data() + part.size() && !part.empty();
  };
  if (!parse(text.substr(0, slash), shard.index) || !parse(text.substr(slash + 1), shard.count)) return std::nullopt;
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) return std::nullopt;
  return shard;
}

std::string BatchInput::key() const { return line > 0 ? jsonl_key(file, line) : file; }

// ---------------------------------------------------------------- the source

struct BatchSource::Impl {
  Impl(const FileSystem& file_system, std::istream* in, Shard s) : fs(file_system), stdin_stream(in), shard(s) {}
  const FileSystem& fs;
  std::istream* stdin_stream;
  Shard shard;
  std::vector<Segment> segments;

  std::size_t segment = 0;   // current segment
  std::size_t position = 0;  // files: next path
  std::unique_ptr<std::istream> owned_stream;
  std::unique_ptr<JsonlReader> reader;  // JSONL: open on the current segment
  std::size_t next_index = 0;

  void add_argument(const std::string& argument, bool from_glob);
  void add_files(std::vector<std::string> paths);
  std::optional<BatchInput> next_in_segment();
  JsonlReader& open_reader(const Segment& s);
  std::size_t count_jsonl(const Segment& s) const;
};

void BatchSource::Impl::add_files(std::vector<std::string> paths) {
  std::erase_if(paths, [&](const std::string& p) { return !shard.contains(p); });
  if (segments.empty() || segments.back().kind != Segment::Kind::files) segments.push_back({Segment::Kind::files, {}, {}});
  auto& into = segments.back().paths;
  into.insert(into.end(), std::make_move_iterator(paths.begin()), std::make_move_iterator(paths.end()));
}

void BatchSource::Impl::add_argument(const std::string& argument, bool from_glob) {
  if (argument == "-") {
    if (!stdin_stream) throw InputError(argument_error("-", "standard input is not available"));
    segments.push_back({Segment::Kind::jsonl, kStdinName, {}});
  } else if (!from_glob && has_glob_characters(argument) && !fs.exists(argument)) {
    const auto matches = fs.glob(argument);
    if (matches.empty()) throw InputError(argument_error(argument, "no file matches this pattern"));
    for (const auto& match : matches) add_argument(match, true);
  } else if (fs.is_directory(argument)) {
    auto specs = fs.list_recursive(argument, ".json");
    if (specs.empty()) throw InputError(argument_error(argument, "no *.json spec files in this directory or below it"));
    add_files(std::move(specs));
  } else if (!fs.exists(argument)) {
    throw InputError(argument_error(argument, "no such file or directory"));
  } else if (is_jsonl(argument)) {
    segments.push_back({Segment::Kind::jsonl, argument, {}});
  } else {
    add_files({argument});
  }
}

JsonlReader& BatchSource::Impl::open_reader(const Segment& s) {
  std::istream* in = stdin_stream;
  if (s.name != kStdinName) {
    owned_stream = fs.open(s.name);
    if (!owned_stream) throw InputError(argument_error(s.name, "cannot read file"));
    in = owned_stream.get();
  }
  reader = std::make_unique<JsonlReader>(*in, s.name, shard);
  return *reader;
}

std::optional<BatchInput> BatchSource::Impl::next_in_segment() {
  const Segment& s = segments[segment];
  if (s.kind == Segment::Kind::files) {
    if (position == s.paths.size()) return std::nullopt;
    return BatchInput{next_index++, s.paths[position++], 0, {}};
  }
  JsonlReader& r = reader ? *reader : open_reader(s);
  auto line = r.next();
  if (!line) return std::nullopt;
  return BatchInput{next_index++, s.name, line->second, std::move(line->first)};
}

std::size_t BatchSource::Impl::count_jsonl(const Segment& s) const {
  auto in = fs.open(s.name);
  if (!in) return 0;
  JsonlReader r(*in, s.name, shard);
  std::size_t n = 0;
  while (r.next()) ++n;
  return n;
}

BatchSource::BatchSource(const FileSystem& fs, const std::vector<std::string>& arguments, std::istream* stdin_stream, Shard shard)
    : m_impl(std::make_unique<Impl>(fs, stdin_stream, shard)) {
  if (std::count(arguments.begin(), arguments.end(), "-") > 1) throw InputError(argument_error("-", "standard input can be read only once"));
  for (const auto& argument : arguments) m_impl->add_argument(argument, false);
}

BatchSource::~BatchSource() = default;

std::optional<BatchInput> BatchSource::next() {
  Impl& d = *m_impl;
  while (d.segment < d.segments.size()) {
    if (auto input = d.next_in_segment()) return input;
    ++d.segment, d.position = 0;
    d.reader.reset(), d.owned_stream.reset();
  }
  return std::nullopt;
}

std::optional<std::size_t> BatchSource::count() const {
  std::size_t n = 0;
  for (const auto& s : m_impl->segments) {
    if (s.kind == Segment::Kind::files) n += s.paths.size();
    else if (s.name == kStdinName) return std::nullopt;
    else n += m_impl->count_jsonl(s);
  }
  return n;
}

}  // namespace edgeplan
