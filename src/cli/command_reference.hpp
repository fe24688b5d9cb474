#pragma once
// The command line as data, read back from the CLI11 app that parses it and
// prints --help: the man page (`edgeplan man`) and the shell completions
// (`edgeplan completion`) are generated from it, so neither can drift from
// the options the binary accepts.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace edgeplan::cli {

// What a shell should offer for an option's value or a positional argument.
enum class ValueKind { none, file, directory, choice, other };

struct OptionReference {
  std::vector<std::string> names;    // "-f", "--format" (short ones first); empty for a positional
  std::string positional;            // a positional's name ("spec"); empty for an option
  std::string type;                  // "TEXT", "INT", "FLOAT" as --help shows it; empty for a flag
  std::vector<std::string> choices;  // from an IsMember check: the only values accepted
  std::vector<std::string> checks;   // other checks, worded as --help words them ("INT in [0 - 4]", "DIR")
  std::string default_value;         // as --help shows it after "="; empty: none shown
  std::string description;
  bool required = false;
  bool repeatable = false;  // several values, or the option may be given again
  bool is_help = false;     // -h/--help

  bool takes_value() const { return !type.empty(); }
  ValueKind value_kind() const;
};

struct CommandReference {
  std::vector<std::string> path;  // words after the program name: {} for the program, {"rules", "test"}
  std::string program;            // "edgeplan"
  std::string description;
  std::vector<OptionReference> options;       // in --help order
  std::vector<OptionReference> positionals;   // in order
  std::vector<CommandReference> subcommands;  // the ones --help lists, in its order
  bool requires_subcommand = false;

  std::string full_name() const;  // "edgeplan rules test"
  std::string path_text() const;  // "rules test"; "" for the program
};

// `app` and, recursively, every subcommand --help lists; hidden subcommands and
// options (CLI11's group "") are left out, as --help leaves them out.
CommandReference command_reference(const CLI::App& app);

// The program's app from any of its subcommands.
const CLI::App& root_app(const CLI::App& command);

// Every command of the tree, depth first, the program first.
std::vector<const CommandReference*> all_commands(const CommandReference& root);

}  // namespace edgeplan::cli
