// `edgeplan catalog show` and `edgeplan catalog diff` end to end, on the
// hand-written account overlay of tests/data/catalog-view/ (the shape
// `catalog import` writes): what users read, exit codes, bad catalogs.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

using edgeplan::test::check_input_error;
using edgeplan::test::contains;
using edgeplan::test::lines_of;
using edgeplan::test::read_text;
using edgeplan::test::run_edgeplan;
using edgeplan::test::scratch_dir;
using json = nlohmann::json;

namespace {

const std::string kOverlay = "tests/data/catalog-view/account-overlay.json";

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// The words of the output's line that starts (after its indent) with `id` and a space.
std::vector<std::string> row_of(const std::string& out, const std::string& id) {
  for (const auto& line : lines_of(out))
    if (line.rfind("  " + id + " ", 0) == 0) return words(line);
  return {};
}

// The lines from the first that is `first` to the end.
std::string lines_from(const std::string& out, const std::string& first) {
  const auto at = out.find("\n" + first + "\n");
  return at == std::string::npos ? "" : out.substr(at + 1);
}

}  // namespace

TEST_CASE("catalog show: one line per site, under the catalog and the account view", "[catalog-cli]") {
  const auto r = run_edgeplan("catalog show --catalog " + kOverlay);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() > 10);
  CHECK(lines[0].rfind("catalog aws-default+account-111122223333 2026.11.26+2026-12-01T09:30:00Z (2026-12-01), sha256:", 0) == 0);
  CHECK(contains(lines[0], ", from embedded+tests/data/catalog-view/account-overlay.json"));
  CHECK(lines[1] == "account 111122223333 · captured 2026-12-01T09:30:00Z (manifest) · Regions us-east-1, us-west-2");
  CHECK(lines[2] == "gaps (1):");
  CHECK(lines[3] == "  - Outposts rack configurations: no aws outposts list-catalog-items output; capacity planning keeps its stated assumptions");
  CHECK(contains(r.out, "\nSites (108)\n"));
  CHECK(row_of(r.out, "us-west-2-den-1a") == std::vector<std::string>{"us-west-2-den-1a", "local-zone", "us-west-2", "Denver", "opted-in", "known", "seen"});
  CHECK(row_of(r.out, "us-west-2-lax-1a") ==
        std::vector<std::string>{"us-west-2-lax-1a", "local-zone", "us-west-2", "Los", "Angeles", "not-opted-in", "unknown", "seen"});
  CHECK(row_of(r.out, "us-west-2-phx-2a") ==
        std::vector<std::string>{"us-west-2-phx-2a", "local-zone", "us-west-2", "Phoenix", "required", "partial", "not", "seen"});
  CHECK(row_of(r.out, "us-west-2") == std::vector<std::string>{"us-west-2", "region", "-", "Portland", "not-required", "elastic", "seen"});
  CHECK(row_of(r.out, "us-east-1") == std::vector<std::string>{"us-east-1", "region", "-", "Ashburn", "not-required", "elastic"});
  CHECK(contains(r.out, "\nExisting Outposts (1)\n"));
  CHECK(row_of(r.out, "op-0a1b2c3d4e5f67890") == std::vector<std::string>{"op-0a1b2c3d4e5f67890", "ashburn-rack-1", "RACK", "ACTIVE", "us-east-1", "us-east-1a"});
  CHECK(row_of(r.out, "us-west-2-den-1a/us-west-2") ==
        std::vector<std::string>{"us-west-2-den-1a/us-west-2", "23.4", "one-week", "usw2-den1-az1", "->", "usw2-az1"});
  CHECK_FALSE(contains(r.out, "Rack configurations"));  // none imported: no empty table
}

TEST_CASE("catalog show: the default catalog has no account view", "[catalog-cli]") {
  const auto r = run_edgeplan("catalog show --kind wavelength-zone");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("catalog aws-default 2026.11.26 (2026-11-26), sha256:", 0) == 0);
  CHECK_FALSE(contains(r.out, "\naccount "));
  CHECK(contains(r.out, "\nSites (26)\n"));
  CHECK(row_of(r.out, "us-east-1-wl1-bos-wlz-1") ==
        std::vector<std::string>{"us-east-1-wl1-bos-wlz-1", "wavelength-zone", "us-east-1", "Boston", "required", "known"});
  CHECK(run_edgeplan("catalog show --catalog default --kind wavelength-zone").out == r.out);
}

TEST_CASE("catalog show --site: every fact with its source", "[catalog-cli]") {
  const auto r = run_edgeplan("catalog show --catalog " + kOverlay + " --site op-0a1b2c3d4e5f67890 --site us-west-2-den-1a");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Catalog order: the site first, whatever the order of --site.
  const std::string den = lines_from(r.out, "us-west-2-den-1a (local-zone)");
  CHECK(den.rfind("us-west-2-den-1a (local-zone)\n"
                  "  name                 [1] US West (Denver)\n"
                  "  location             [1] metro: Denver; country: US; subdivision: US-CO; lat: 39.74; lon: -104.99\n"
                  "  parent_region        [1] us-west-2\n"
                  "  opt_in               [2] opted-in\n"
                  "  seen                 [2] yes\n"
                  "  zone_group           [2] us-west-2-den-1\n"
                  "  zone_id              [2] usw2-den1-az1\n"
                  "  network_border_group [2] us-west-2-den-1\n"
                  "  state                [2] available\n"
                  "  instance_families    [3] knowledge: known; families: c5, m5, r5\n"
                  "  instance_types       [3] c5.2xlarge, m5.2xlarge, r5.2xlarge\n"
                  "  services             [1] local: Direct Connect, EBS, EC2, GameLift, VPC\n"
                  "                           probable: ALB, ECS, EKS, EMR, FSx, NAT Gateway\n",
                  0) == 0);
  CHECK(lines_from(r.out, "op-0a1b2c3d4e5f67890 (outpost)") ==
        "op-0a1b2c3d4e5f67890 (outpost)\n"
        "  name                 [4] ashburn-rack-1\n"
        "  arn                  [4] arn:aws:outposts:us-east-1:111122223333:outpost/op-0a1b2c3d4e5f67890\n"
        "  owner_account        [4] 111122223333\n"
        "  home_region          [4] us-east-1\n"
        "  availability_zone    [4] us-east-1a\n"
        "  hardware             [4] RACK\n"
        "  lifecycle_status     [4] ACTIVE\n"
        "  site                 [5] id: os-0123456789abcdef0; name: Ashburn DC; country: US; state_or_region: VA; city: Ashburn\n"
        "  rack                 [5] power_kva: 15; uplink_gbps: 10; uplink_count: 4; max_weight_lbs: unknown\n"
        "  instance_types       [6] m5.12xlarge, r5.12xlarge\n"
        "\n"
        "Sources\n"
        "  [1] AWS documentation (default catalog)\n"
        "  [2] account 111122223333: aws ec2 describe-availability-zones (us-west-2), captured 2026-12-01T09:30:00Z\n"
        "  [3] account 111122223333: aws ec2 describe-instance-type-offerings (us-west-2), captured 2026-12-01T09:30:00Z\n"
        "  [4] account 111122223333: aws outposts list-outposts (us-east-1), captured 2026-12-01T09:30:00Z\n"
        "  [5] account 111122223333: aws outposts list-sites (us-east-1), captured 2026-12-01T09:30:00Z\n"
        "  [6] account 111122223333: aws outposts get-outpost-instance-types (us-east-1), captured 2026-12-01T09:30:00Z\n");
}

TEST_CASE("catalog show --format json: each fact's value, basis and source", "[catalog-cli]") {
  const auto r = run_edgeplan("catalog show --catalog " + kOverlay + " --format json --site us-west-2-phx-2a --site us-west-2-den-1a");
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  CHECK(j["schema_version"] == "1.0");
  CHECK(j["catalog"]["name"] == "aws-default+account-111122223333");
  CHECK(j["catalog"]["origin"] == "embedded+" + kOverlay);
  CHECK(j["account"]["id"] == "111122223333");
  CHECK(j["account"]["regions"] == json{"us-east-1", "us-west-2"});
  REQUIRE(j["entries"].size() == 2);
  const json& den = j["entries"][0];
  CHECK(den["id"] == "us-west-2-den-1a");
  CHECK(den["kind"] == "local-zone");
  CHECK(den["facts"]["instance_families"] ==
        json{{"value", {{"knowledge", "known"}, {"families", {"c5", "m5", "r5"}}}},
             {"basis", "account"},
             {"source", "account 111122223333: aws ec2 describe-instance-type-offerings (us-west-2), captured 2026-12-01T09:30:00Z"}});
  CHECK(den["facts"]["services"]["basis"] == "catalog");
  const json& phx = j["entries"][1];
  CHECK(phx["facts"]["seen"]["value"] == false);
  CHECK(phx["facts"]["seen"]["source"] ==
        "account 111122223333: aws ec2 describe-availability-zones --all-availability-zones (us-west-2), captured 2026-12-01T09:30:00Z");
  CHECK(phx["facts"]["instance_types"]["value"].is_null());
  const auto outposts = json::parse(run_edgeplan("catalog show --catalog " + kOverlay + " -f json --kind outpost").out);
  REQUIRE(outposts["entries"].size() == 1);
  CHECK(outposts["entries"][0]["facts"]["rack"]["value"]["power_kva"] == 15);
}

TEST_CASE("catalog diff: the facts an account overlay changed, in text", "[catalog-cli]") {
  const auto r = run_edgeplan("catalog diff default " + kOverlay);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);  // without --exit-code a difference is no failure
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] == "catalog diff");
  CHECK(lines[1].rfind("  before  aws-default 2026.11.26 (2026-11-26), sha256:", 0) == 0);
  CHECK(lines[2].rfind("  after   aws-default+account-111122223333 2026.11.26+2026-12-01T09:30:00Z (2026-12-01), sha256:", 0) == 0);
  CHECK(lines_from(r.out, "5 changed, 3 added, 0 removed") ==
        "5 changed, 3 added, 0 removed\n"
        "\n"
        "changed  catalog (catalog)\n"
        "  name                 [1] aws-default → aws-default+account-111122223333\n"
        "  version              [1] 2026.11.26 → 2026.11.26+2026-12-01T09:30:00Z\n"
        "  date                 [1] 2026-11-26 → 2026-12-01\n"
        "  account              [1] unknown → 111122223333\n"
        "  captured_at          [1] unknown → 2026-12-01T09:30:00Z\n"
        "  captured_at_basis    [1] unknown → manifest\n"
        "  regions              [1] unknown → us-east-1, us-west-2\n"
        "  gaps                 [1] unknown → Outposts rack configurations: no aws outposts list-catalog-items output; capacity planning keeps its "
        "stated assumptions\n"
        "changed  us-west-2 (region)\n"
        "  seen                 [2] unknown → yes\n"
        "added    us-west-2-boi-1a (local-zone)\n"
        "changed  us-west-2-den-1a (local-zone)\n"
        "  opt_in               [3] required → opted-in\n"
        "  seen                 [3] unknown → yes\n"
        "  zone_id              [3] unknown → usw2-den1-az1\n"
        "  network_border_group [3] unknown → us-west-2-den-1\n"
        "  instance_families    [4] knowledge: unknown; families: none → knowledge: known; families: c5, m5, r5\n"
        "  instance_types       [4] unknown → c5.2xlarge, m5.2xlarge, r5.2xlarge\n"
        "changed  us-west-2-lax-1a (local-zone)\n"
        "  opt_in               [3] required → not-opted-in\n"
        "  seen                 [3] unknown → yes\n"
        "  zone_id              [3] unknown → usw2-lax1-az1\n"
        "  network_border_group [3] unknown → us-west-2-lax-1\n"
        "changed  us-west-2-phx-2a (local-zone)\n"
        "  seen                 [5] unknown → no\n"
        "added    op-0a1b2c3d4e5f67890 (outpost)\n"
        "added    us-west-2-den-1a/us-west-2 (measured-rtt)\n"
        "\n"
        "Sources\n"
        "  [1] catalog file tests/data/catalog-view/account-overlay.json (extends the default catalog)\n"
        "  [2] account 111122223333: aws ec2 describe-regions, captured 2026-12-01T09:30:00Z\n"
        "  [3] account 111122223333: aws ec2 describe-availability-zones (us-west-2), captured 2026-12-01T09:30:00Z\n"
        "  [4] account 111122223333: aws ec2 describe-instance-type-offerings (us-west-2), captured 2026-12-01T09:30:00Z\n"
        "  [5] account 111122223333: aws ec2 describe-availability-zones --all-availability-zones (us-west-2), captured 2026-12-01T09:30:00Z\n");
}

TEST_CASE("catalog diff --format json: before and after of every changed fact", "[catalog-cli]") {
  const auto r = run_edgeplan("catalog diff " + kOverlay + " default --format json");
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  CHECK(j["schema_version"] == "1.0");
  CHECK(j["before"]["origin"] == "embedded+" + kOverlay);
  CHECK(j["after"]["origin"] == "embedded");
  CHECK(j["changed"] == true);
  CHECK(j["summary"] == json{{"changed", 5}, {"added", 0}, {"removed", 3}});
  std::vector<std::string> ids;
  for (const auto& c : j["changes"]) ids.push_back(c["change"].get<std::string>() + " " + c["id"].get<std::string>());
  CHECK(ids == std::vector<std::string>{"changed catalog", "changed us-west-2", "removed us-west-2-boi-1a", "changed us-west-2-den-1a",
                                        "changed us-west-2-lax-1a", "changed us-west-2-phx-2a", "removed op-0a1b2c3d4e5f67890",
                                        "removed us-west-2-den-1a/us-west-2"});
  const json& den = j["changes"][3];
  CHECK(den["facts"]["opt_in"] ==
        json{{"before", "opted-in"}, {"after", "required"}, {"source_after", "AWS documentation (default catalog)"}});
  CHECK(den["facts"]["seen"] == json{{"before", true}, {"after", nullptr}, {"source_after", nullptr}});
  const json& removed = j["changes"][6];
  CHECK(removed["facts"]["hardware"] == json{{"before", "RACK"}, {"after", nullptr}, {"source_after", nullptr}});
}

TEST_CASE("catalog diff --format markdown: one table row per changed fact, sources listed under it", "[catalog-cli]") {
  const auto r = run_edgeplan("catalog diff default " + kOverlay + " --format markdown");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("## Catalog changes\n\n`aws-default` 2026.11.26 (2026-11-26, sha256:", 0) == 0);
  CHECK(contains(r.out, ": **5 changed, 3 added, 0 removed**\n\n| change | entry | fact | before | after | source |\n|---|---|---|---|---|---|\n"));
  CHECK(contains(r.out, "\n| changed | `us-west-2-den-1a` (local-zone) | `opt_in` | required | opted-in | [3] |\n"));
  CHECK(contains(r.out, "\n| added | `op-0a1b2c3d4e5f67890` (outpost) | | | | |\n"));
  CHECK(contains(r.out, "\nSources:\n\n1. catalog file tests/data/catalog-view/account-overlay.json (extends the default catalog)\n"));
}

TEST_CASE("catalog diff --exit-code: 1 when the catalogs differ, 0 when not", "[catalog-cli]") {
  const auto same = run_edgeplan("catalog diff default default --exit-code");
  CHECK(same.exit_code == 0);
  CHECK(lines_of(same.out).back() == "no changes");
  CHECK(run_edgeplan("catalog diff " + kOverlay + " " + kOverlay + " --exit-code").exit_code == 0);
  CHECK(run_edgeplan("catalog diff default " + kOverlay + " --exit-code").exit_code == 1);
  CHECK(run_edgeplan("catalog diff default " + kOverlay + " --exit-code -f markdown").exit_code == 1);
  const auto md = run_edgeplan("catalog diff default default -f markdown");
  CHECK(md.out.rfind("## Catalog changes\n", 0) == 0);
  CHECK(contains(md.out, ": **no changes**\n"));
}

TEST_CASE("catalog show and diff: -o writes the file, stdout stays empty", "[catalog-cli]") {
  const auto dir = scratch_dir("catalog-diff-output");
  const std::string path = (dir / "changes.md").string();
  const auto r = run_edgeplan("catalog diff default " + kOverlay + " -f markdown -o '" + path + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(read_text(path).rfind("## Catalog changes\n", 0) == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("catalog show and diff: a bad catalog is an input error at its line and column", "[catalog-cli]") {
  const std::string located =
      "edgeplan: error: tests/data/catalog-view/bad-opt-in-status.json:7:57 (/site_facts/us-west-2-den-1a/opt_in_status): expected one of "
      "\"opt-in-not-required\", \"opted-in\", \"not-opted-in\", got \"opted_in\"\n";
  check_input_error("catalog diff default tests/data/catalog-view/bad-opt-in-status.json", located);
  check_input_error("catalog diff tests/data/catalog-view/bad-opt-in-status.json default --exit-code", located);
  check_input_error("catalog show --catalog tests/data/catalog-view/bad-opt-in-status.json", located);
  check_input_error("catalog diff default tests/data/bad/no-such-catalog.json",
                    "edgeplan: error: tests/data/bad/no-such-catalog.json: cannot read catalog file (missing or not a regular file)\n");
  const std::string malformed =
      "edgeplan: error: tests/data/bad/malformed-json.json:7:53: invalid JSON while parsing object key - unexpected '}'; expected string literal\n";
  check_input_error("catalog diff tests/data/bad/malformed-json.json default", malformed);
  // Both broken: both reported, in order, in one run.
  check_input_error("catalog diff tests/data/bad/malformed-json.json tests/data/catalog-view/bad-opt-in-status.json", malformed + located);
}

TEST_CASE("catalog show: an unknown --site or --kind is a usage error", "[catalog-cli]") {
  const auto site = run_edgeplan("catalog show --site us-west-2-den-1b");
  CHECK(site.exit_code == 2);
  CHECK(site.out.empty());
  CHECK(site.err ==
        "edgeplan: error: --site: no site or other entry \"us-west-2-den-1b\" in catalog aws-default 2026.11.26\n"
        "  hint: did you mean \"us-west-2-den-1a\"?\n");
  const auto kind = run_edgeplan("catalog show --kind zone");
  CHECK(kind.exit_code == 2);
  CHECK(contains(kind.err, "--kind: zone not in {region,local-zone,wavelength-zone,outpost,catalog-item,measured-rtt}"));
  CHECK(run_edgeplan("catalog diff default").exit_code == 2);
}

TEST_CASE("catalog show and diff: catalog text cannot drive the terminal or break a Markdown row", "[catalog-cli]") {
  const std::string file = "tests/data/catalog-view/hostile-text.json";
  for (const std::string& args : {"catalog show --catalog " + file + " --site us-west-2-den-1a", "catalog diff default " + file}) {
    const auto r = run_edgeplan(args);
    INFO(args);
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(contains(r.out, "\x1b"));
    CHECK_FALSE(contains(r.out, "\xe2\x80\xae"));  // U+202E, right-to-left override
    CHECK_FALSE(contains(r.out, "\x07"));
    CHECK(contains(r.out, "usw2\\x1b[31m | `x` <b>\\nden"));
  }
  const auto md = run_edgeplan("catalog diff default " + file + " -f markdown");
  CHECK(contains(md.out, "\n| changed | `us-west-2-den-1a` (local-zone) | `zone_id` | unknown | usw2\\\\x1b[31m \\| \\`x\\` \\<b>\\\\nden | [2] |\n"));
}
