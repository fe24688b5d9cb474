#pragma once
// Facts stage: numbers about one (workload, candidate) pair, no judgement.
// Rules read them as JSON under "facts"; rules/README.md "Facts reference" lists every field.
#include <edgeplan/candidates.hpp>
#include <edgeplan/capacity.hpp>
#include <edgeplan/catalog.hpp>
#include <edgeplan/lazy_data.hpp>
#include <edgeplan/latency_model.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

// The countries data may sit in: those listed, and those of listed subdivisions.
std::vector<std::string> residency_countries(const Workload& workload);
std::vector<std::string> residency_jurisdictions(const Workload& workload);

// The workload's demand now and at the horizon, as rules see it under facts.capacity.demand.
Json demand_json(const Workload& workload);

// A workload's services as the facts of every option compare them, sorted and
// without repeats (the workload's own strings): worked out once per workload.
struct ServiceLists {
  ServiceLists(const Workload& workload, const Catalog& catalog);
  std::vector<const std::string*> local;          // spec.services.local
  std::vector<const std::string*> regional_only;  // spec.services.regional not also asked locally
  // The catalog's service index (null: none), and each service's number in
  // it, one per entry of `local` and of `regional_only` (ServiceIndex::kUnlisted without an index).
  const ServiceIndex* index = nullptr;
  std::vector<std::uint32_t> local_ids, regional_only_ids;
};

struct FactsContext {
  const Workload& workload;
  const Catalog& catalog;
  const MeasuredLatency* measured = nullptr;  // may be null
  SizingPolicy policy{};                      // for sizing Outposts candidates
  Json demand = demand_json(workload);        // the same for every candidate: computed once per workload
  std::vector<std::string> residency_countries = edgeplan::residency_countries(workload);
  // Each allowed country, or its listed subdivisions where the spec names some.
  std::vector<std::string> residency_jurisdictions = edgeplan::residency_jurisdictions(workload);
  ServiceLists services{workload, catalog};
  // Whether latency facts carry "terms" (where each millisecond comes from, as
  // text): off for decision detail, which prints none and pays most for them.
  bool describe_terms = true;
  // Whether site-to-site legs (kept per thread and shared by every evaluation
  // on it) are routed with their terms' texts even where these facts describe
  // none: a check of a relaxation then reuses the legs the full evaluation
  // before it made. Off where nothing describes terms (a batch's decisions).
  bool leg_texts = true;
  // Days from the imported account view's capture to the engine's `today`
  // (null: no view, or no capture time): the same for every option, so worked out once.
  std::optional<long> account_age_days = std::nullopt;
  int max_catalog_age_days = 30;
};

// The sizing plan of an Outposts candidate (its facts carry a summary of it).
SizingPlan plan_outpost(const Candidate& candidate, const FactsContext& context);
Json sizing_json(const SizingPlan& plan);

// The top-level groups under "facts", each derived on its own. `write` sets
// every member of the group in `out` that `part.reads` leads to (null: every
// member), reusing the nodes already there (a previous option's values of the
// same group, or nothing).
struct FactGroup {
  const char* name;
  void (*write)(const Candidate&, const FactsContext&, Json& out, const PartWrite& part);
};
const std::vector<FactGroup>& fact_groups();

// Every group: what `facts` prints and the full evaluation reads.
Json derive_facts(const Candidate& candidate, const FactsContext& context);
// The same, written into `facts` over what it holds (another option's facts,
// or nothing): equal to derive_facts, with the nodes there reused.
void write_facts(const Candidate& candidate, const FactsContext& context, Json& facts);

// Where each part (LazyFacts::part_names) sits in one data object, found by
// name once: a decision writes every option's parts over the same data, and
// finding a part by name in nlohmann's std::map objects cost a batch more than
// writing some of the parts. Valid while that data object keeps its "option"
// and "facts" members and its groups (the data may gain or lose others).
class PartNodes {
 public:
  Json& node(std::size_t index, Json& data);

 private:
  const Json* m_data = nullptr;  // the data the nodes are in
  std::vector<Json*> m_nodes;    // by part index; null: not found yet
};

// "option" and each fact group, derived when a rule first reads it (decision detail).
class LazyFacts : public LazyData {
 public:
  // `nodes` (may be null): where the parts sit in the data it is given.
  LazyFacts(const Candidate& candidate, const FactsContext& context, PartNodes* nodes = nullptr)
      : m_candidate(candidate), m_context(context), m_nodes(nodes) {}
  static const std::vector<std::string>& part_names();
  const std::vector<std::string>& parts() const override { return part_names(); }
  void build(std::size_t index, Json& data, const PartWrite& part) override;

 private:
  const Candidate& m_candidate;
  const FactsContext& m_context;
  PartNodes* m_nodes;
};

// Whether reading the data at `path` (dotted, "*" for any array element) may
// read the terms of an RTT estimate (text, written only where the context
// describes terms): the path leads to them, or they lie inside what it reads.
bool may_read_rtt_terms(std::string_view path);

// What rules see as "option" and "workload".
Json option_json(const Candidate& candidate);
Json workload_json(const Workload& workload);
// workload_json without its "spec" member, and what goes there: the spec
// document's "spec" (an empty object when it has none). Apart, so that a
// digest of the whole need not copy the spec (report_digests).
Json workload_members_json(const Workload& workload);
const Json& spec_section(const Workload& workload);

// Estimated RTT between a place and a candidate (exposed for tests and `--explain`):
// over the public Internet for an access network, over a provider backbone
// (estimate_site_rtt) for `AccessType::lan`, an on-premises system in a facility.
RttEstimate estimate_rtt(const Place& from, AccessType access, const Candidate& to, bool in_carrier_network);

}  // namespace edgeplan
