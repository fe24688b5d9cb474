#include "command_reference.hpp"

#include <algorithm>

namespace edgeplan::cli {

namespace {

// CLI11 words a value as "TYPE:CHECK:CHECK…": "TEXT:{text,json}", "INT:INT in [0 - 4]",
// "FLOAT:NONNEGATIVE", "TEXT:DIR". A set in braces is an IsMember check.
void read_type_name(const std::string& type_name, OptionReference& option) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t colon = type_name.find(':', start);
    parts.push_back(type_name.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  option.type = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      std::string list = part.substr(1, part.size() - 2);
      std::size_t from = 0;
      for (;;) {
        const std::size_t comma = list.find(',', from);
        option.choices.push_back(list.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
        if (comma == std::string::npos) break;
        from = comma + 1;
      }
    } else if (!part.empty()) {
      option.checks.push_back(part);
    }
  }
}

OptionReference option_reference(const CLI::Option& opt, const CLI::App& app) {
  OptionReference option;
  for (const auto& s : opt.get_snames()) option.names.push_back("-" + s);
  for (const auto& l : opt.get_lnames()) option.names.push_back("--" + l);
  if (!opt.nonpositional()) option.positional = opt.get_name(true);
  if (opt.get_items_expected_max() != 0) {
    read_type_name(opt.get_type_name(), option);
    if (option.type.empty()) option.type = "VALUE";
  }
  option.default_value = opt.get_default_str();
  option.description = opt.get_description();
  option.required = opt.get_required();
  option.repeatable = opt.get_expected_max() > 1 || opt.get_items_expected_max() > 1;
  option.is_help = &opt == app.get_help_ptr() || &opt == app.get_help_all_ptr();
  return option;
}

CommandReference describe(const CLI::App& app, std::vector<std::string> path, const std::string& program) {
  CommandReference command;
  command.path = std::move(path);
  command.program = program;
  command.description = app.get_description();
  command.requires_subcommand = app.get_require_subcommand_min() > 0;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden from --help
    OptionReference option = option_reference(*opt, app);
    (option.names.empty() ? command.positionals : command.options).push_back(std::move(option));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty() && !s->get_name().empty(); })) {
    std::vector<std::string> sub_path = command.path;
    sub_path.push_back(sub->get_name());
    command.subcommands.push_back(describe(*sub, std::move(sub_path), program));
  }
  return command;
}

void collect(const CommandReference& command, std::vector<const CommandReference*>& out) {
  out.push_back(&command);
  for (const auto& sub : command.subcommands) collect(sub, out);
}

}  // namespace

ValueKind OptionReference::value_kind() const {
  if (!takes_value()) return ValueKind::none;
  if (!choices.empty()) return ValueKind::choice;
  if (std::find(checks.begin(), checks.end(), "DIR") != checks.end()) return ValueKind::directory;
  if (std::find(checks.begin(), checks.end(), "FILE") != checks.end()) return ValueKind::file;
  // Numbers are typed; a free TEXT value is most often a path (specs, packs, -o).
  return type == "TEXT" ? ValueKind::file : ValueKind::other;
}

std::string CommandReference::path_text() const {
  std::string text;
  for (const auto& word : path) text += (text.empty() ? "" : " ") + word;
  return text;
}

std::string CommandReference::full_name() const { return path.empty() ? program : program + " " + path_text(); }

CommandReference command_reference(const CLI::App& app) { return describe(app, {}, app.get_name()); }

const CLI::App& root_app(const CLI::App& command) {
  const CLI::App* app = &command;
  while (app->get_parent() != nullptr) app = app->get_parent();
  return *app;
}

std::vector<const CommandReference*> all_commands(const CommandReference& root) {
  std::vector<const CommandReference*> out;
  collect(root, out);
  return out;
}

}  // namespace edgeplan::cli
