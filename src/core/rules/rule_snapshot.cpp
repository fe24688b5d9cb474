// The default rules' snapshot: the rule set compiled from rules/default/*.json
// at build time (make_catalog_snapshot), read back at start instead of parsing
// and compiling that JSON again.
#include <edgeplan/rules.hpp>

#include <edgeplan/util/snapshots.hpp>

#include "util/snapshot_archive.hpp"

namespace edgeplan {

namespace {

// Changes whenever the layout below does; a snapshot of another layout is refused.
constexpr std::string_view kMagic = "edgeplan rules snapshot 1\n";

}  // namespace

namespace jsonlogic {
template <typename A> void fields(A& a, DataReads& x) { a(x.paths, x.anything); }
}  // namespace jsonlogic

// In namespace edgeplan, not an unnamed one: the archive finds them by
// argument-dependent lookup. One list of members per type serves writing and
// reading; a member added to one of these types and not listed here would be
// silently default in the default rules, so the size checks below stop the
// build until it is listed (and the size updated). MessageTemplate and
// Expression list theirs beside their private members.
template <typename A> void fields(A& a, RelaxOp& x) { a(x.op, x.path, x.value); }
template <typename A> void fields(A& a, Rule& x) {
  a(x.id, x.description, x.effect, x.severity, x.factor, x.condition_kind, x.for_each, x.for_each_var, x.kinds, x.condition, x.measured,
    x.required, x.score, x.points, x.unit, x.message, x.remedy, x.relax, x.summary, x.waivable, x.location, x.file,
    x.pointer, x.history, x.reads, x.reads_to_decide);
}
template <typename A> void fields(A& a, RuleSet& x) { a(x.rules, x.weights, x.files, x.digest); }

// (Sizes of this build's platform, x86-64 with libstdc++.)
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(jsonlogic::Expression) == 40, "list the new member of Expression in its fields() (compile.cpp)");
static_assert(sizeof(MessageTemplate) == 56, "list the new member of MessageTemplate in its fields()");
static_assert(sizeof(jsonlogic::DataReads) == 32, "list the new member of DataReads in its fields()");
static_assert(sizeof(RelaxOp) == 136, "list the new member of RelaxOp in its fields()");
static_assert(sizeof(Rule) == 872, "list the new member of Rule in its fields()");
static_assert(sizeof(RuleSet) == 128, "list the new member of RuleSet in its fields()");
#endif

std::string write_rules_snapshot(const RuleSet& rules) { return snapshot::write(kMagic, rules); }

RuleSet read_rules_snapshot(std::string_view bytes) { return snapshot::read<RuleSet>(kMagic, bytes, "the default rules' snapshot"); }

RuleSet load_default_rules() {
  const std::string_view bytes = built_snapshots().rules;
  return bytes.empty() ? build_default_rules() : read_rules_snapshot(bytes);
}

}  // namespace edgeplan
