// `edgeplan catalog import`: the AWS CLI outputs of tests/data/aws/collection
// (shaped from the AWS CLI Command Reference; fictional account 111122223333,
// tests/data/aws/README.md) become a catalog overlay, and the verify
// conditions the documentation leaves open become facts.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/json_document.hpp>
#include <edgeplan/prices_loader.hpp>

#include "support.hpp"

namespace edgeplan::test {
namespace {

const std::string kCollection = "tests/data/aws/collection";

struct Imported {
  RunResult run;
  Json overlay;
};

Imported import_into(const std::filesystem::path& dir, const std::string& inputs) {
  const std::string out = (dir / "account.json").string();
  Imported i{run_edgeplan("catalog import " + inputs + " -o '" + out + "'"), Json()};
  if (std::filesystem::exists(out)) i.overlay = Json::parse(read_text(out));
  return i;
}

const Json* input_named(const Json& overlay, const std::string& file) {
  for (const auto& input : overlay["account"]["inputs"])
    if (input["file"] == file) return &input;
  return nullptr;
}

bool any_contains(const Json& texts, const std::string& part) {
  for (const auto& t : texts)
    if (t.get<std::string>().find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("catalog import: the collected outputs become an overlay, each fact with its source", "[catalog-import]") {
  const auto dir = scratch_dir("catalog-import");
  const Imported i = import_into(dir, kCollection);
  INFO(i.run.err);
  REQUIRE(i.run.exit_code == 0);
  const Json& o = i.overlay;
  CHECK(o["kind"] == "Catalog");
  CHECK(o["extends"] == "default");
  CHECK(o["account"]["id"] == "111122223333");
  CHECK(o["account"]["captured_at"] == "2026-12-01T09:30:00Z");
  CHECK(o["account"]["captured_at_basis"] == "manifest");

  // Denver: opted in, and describe-instance-type-offerings lists its types.
  const Json& den = o["site_facts"]["us-west-2-den-1a"];
  CHECK(den["opt_in_status"] == "opted-in");
  CHECK(den["zone_group"] == "us-west-2-den-1");
  CHECK(den["instance_families"]["families"] == Json({"c5", "g4dn", "m5", "r5", "t3"}));
  CHECK(any_contains(den["sources"], "aws ec2 describe-instance-type-offerings (us-west-2)"));
  // Not opted in: a fact, not a guess.
  CHECK(o["site_facts"]["ca-central-1-wl1-yto-wlz-1"]["opt_in_status"] == "not-opted-in");
  CHECK(o["site_facts"]["af-south-1"]["opt_in_status"] == "opted-in");
  // A zone the account's --all-availability-zones list leaves out is flagged, not dropped.
  CHECK(o["site_facts"]["us-east-1-bue-1a"]["seen"] == false);
  // A zone the account sees that the catalog lacks is added at the metro its name gives.
  REQUIRE(o["sites"].size() == 1);
  CHECK(o["sites"][0]["id"] == "us-west-2-slc-1a");
  CHECK(o["sites"][0]["metro"] == "Salt Lake City");
  CHECK(contains(i.run.err, "edgeplan: warning: zone us-west-2-slc-1a is not in the catalog: added at Salt Lake City"));
  // Two pages appended by hand are one listing.
  const Json* offerings = input_named(o, kCollection + "/us-west-2/ec2-describe-instance-type-offerings.json");
  REQUIRE(offerings != nullptr);
  CHECK((*offerings)["pages"] == 2);
  CHECK((*offerings)["records"] == 108);
  // What the inputs did not cover is said, never filled in.
  CHECK(any_contains(o["account"]["gaps"], "instance types: no describe-instance-type-offerings output for ca-central-1"));
  CHECK(any_contains(o["account"]["gaps"], "aws ec2 describe-instance-type-offerings (ca-central-1) failed when collected: "));
  CHECK(o["existing_outposts"].size() == 3);
  CHECK(o["outposts"]["catalog_items"].size() == 4);
  CHECK(o["outposts"]["catalog_items"][0]["ec2_capacities"][0]["quantity"] == 4);  // a String in the Outposts API
  CHECK(contains(i.run.err, "edgeplan: imported 20 AWS CLI outputs (account 111122223333, captured 2026-12-01T09:30:00Z)"));
}

TEST_CASE("catalog import: out/*.json brings the files the manifest lists from the Region folders", "[catalog-import]") {
  const auto dir = scratch_dir("catalog-import-glob");
  const Imported i = import_into(dir, kCollection + "/*.json");
  INFO(i.run.err);
  REQUIRE(i.run.exit_code == 0);
  CHECK(i.overlay["account"]["inputs"].size() == 20);
  // A folder and files in it: each file is read once.
  const Imported twice = import_into(scratch_dir("catalog-import-twice"), kCollection + " " + kCollection + "/us-west-2/ec2-describe-availability-zones.json");
  REQUIRE(twice.run.exit_code == 0);
  CHECK(twice.overlay["account"]["inputs"].size() == 20);
}

TEST_CASE("catalog import: the same inputs give the same overlay, byte for byte", "[catalog-import][determinism]") {
  const auto a = scratch_dir("catalog-import-a"), b = scratch_dir("catalog-import-b");
  REQUIRE(import_into(a, kCollection).run.exit_code == 0);
  REQUIRE(import_into(b, kCollection + "/*.json").run.exit_code == 0);
  CHECK(read_text((a / "account.json").string()) == read_text((b / "account.json").string()));
}

// examples/live-streaming-denver: the Denver Local Zone is the only option
// within 35 ms; the documentation lists no instance families for it and every
// Local Zone group needs opt-in, so both are conditions. The account view
// (opted in; c5 offered) settles them.
TEST_CASE("catalog import: the account view turns Denver's verify and arrange conditions into facts", "[catalog-import]") {
  const auto dir = scratch_dir("catalog-import-denver");
  REQUIRE(import_into(dir, kCollection).run.exit_code == 0);
  const std::string spec = "recommend examples/live-streaming-denver/workload.json --today 2026-12-04";
  const RunResult before = run_edgeplan(spec);
  CHECK(contains(before.out, "us-west-2-den-1a (local-zone) — US West (Denver), parent us-west-2  score 84.8  eligible with conditions"));
  CHECK(contains(before.out, "verify that instance families c5 are offered in us-west-2-den-1a: the catalog has no instance-family list for it [capacity.families-unverified]"));
  CHECK(contains(before.out, "arrange: opt in to zone group us-west-2-den-1: aws ec2 modify-availability-zone-group --region us-west-2 --group-name us-west-2-den-1 --opt-in-status opted-in [operations.zone-opt-in]"));

  const std::string catalog = " --catalog '" + (dir / "account.json").string() + "'";
  const RunResult after = run_edgeplan(spec + catalog);
  INFO(after.out << after.err);
  CHECK(after.exit_code == 0);
  CHECK(contains(after.out, "us-west-2-den-1a (local-zone) — US West (Denver), parent us-west-2  score 88.8  eligible\n"));
  CHECK_FALSE(contains(after.out, "[capacity.families-unverified]"));
  CHECK_FALSE(contains(after.out, "us-west-2-den-1 --opt-in-status"));

  const RunResult explain = run_edgeplan(spec + catalog + " --explain us-west-2-den-1a");
  CHECK(contains(explain.out, "Where the site facts come from\n"
                              "  - instance families c5, g4dn, m5, r5, t3 (known): account 111122223333 — aws ec2 describe-instance-type-offerings (us-west-2), captured 2026-12-01T09:30:00Z\n"
                              "  - opt-in opted-in: account 111122223333 — aws ec2 describe-availability-zones (us-west-2), captured 2026-12-01T09:30:00Z\n"));
}

TEST_CASE("catalog import: not opted in, not listed and too old are conditions naming the account", "[catalog-import]") {
  const auto dir = scratch_dir("catalog-import-conditions");
  REQUIRE(import_into(dir, kCollection).run.exit_code == 0);
  const std::string base = "recommend examples/live-streaming-denver/workload.json --catalog '" + (dir / "account.json").string() + "'";
  const RunResult bue = run_edgeplan(base + " --today 2026-12-04 --explain us-east-1-bue-1a");
  CHECK(contains(bue.out, "verify that us-east-1-bue-1a is offered to account 111122223333: it is not in the account's own listing "
                          "(aws ec2 describe-availability-zones --all-availability-zones (us-east-1), captured 2026-12-01T09:30:00Z) [account.not-visible]"));
  const RunResult slc = run_edgeplan(base + " --today 2026-12-04 --explain us-west-2-slc-1a");
  CHECK(contains(slc.out, "opt in to zone group us-west-2-slc-1 (per account 111122223333, captured 2026-12-01T09:30:00Z): "
                          "aws ec2 modify-availability-zone-group --region us-west-2 --group-name us-west-2-slc-1 --opt-in-status opted-in"));
  const RunResult region = run_edgeplan(base + " --today 2026-12-04 --explain ap-south-2");
  CHECK(contains(region.out, "enable opt-in Region ap-south-2 for the account (per account 111122223333, captured 2026-12-01T09:30:00Z): "
                             "aws account enable-region --region-name ap-south-2"));
  // af-south-1 is an opt-in Region this account has enabled: nothing to arrange.
  const RunResult enabled = run_edgeplan(base + " --today 2026-12-04 --explain af-south-1");
  CHECK(contains(enabled.out, "operations.region-opt-in                     warn     passed"));
  const RunResult old = run_edgeplan(base + " --today 2027-02-01");
  CHECK(contains(old.out, "verify: the account view behind us-west-2-den-1a's facts is 62 days old (captured 2026-12-01T09:30:00Z, limit 30): "
                          "collect it again (scripts/collect-aws.sh) and re-run edgeplan catalog import [account.view-stale]"));
  const RunResult longer = run_edgeplan(base + " --today 2027-02-01 --max-catalog-age 90");
  CHECK_FALSE(contains(longer.out, "[account.view-stale]"));
}

// Each bad input: exit 3, the file, line:column and pointer, what was expected, and no output file.
TEST_CASE("catalog import: bad inputs are refused with where and what was expected", "[catalog-import][hostile]") {
  const auto dir = scratch_dir("catalog-import-bad");
  const std::string out = (dir / "account.json").string();
  const auto refuse = [&](const std::string& file, const std::string& expected) {
    const RunResult r = run_edgeplan("catalog import tests/data/aws/bad/" + file + " -o '" + out + "'");
    INFO(file << "\n" << r.err);
    CHECK(r.exit_code == to_int(ExitCode::input_error));
    CHECK(contains(r.err, expected));
    CHECK_FALSE(std::filesystem::exists(out));
  };
  refuse("truncated.json", "edgeplan: error: tests/data/aws/bad/truncated.json:64:29: invalid JSON while parsing value - invalid string: missing closing quote\n"
                           "  hint: the AWS CLI's JSON is cut short or altered here (an interrupted command, a full disk, an edit?): collect it again\n");
  refuse("other-command.json", "edgeplan: error: tests/data/aws/bad/other-command.json:1:1: not an AWS CLI output edgeplan imports: got the output of aws ec2 describe-instances (Reservations); "
                               "expected the JSON output of aws sts get-caller-identity, aws ec2 describe-regions, aws ec2 describe-availability-zones");
  refuse("empty-zones.json", "tests/data/aws/bad/empty-zones.json:2:26 (/AvailabilityZones): the list is empty; expected the Region's zones");
  refuse("cli-error.json", "hint: the file holds an AWS CLI error message, not a command's output");
  refuse("zones-text.json", "hint: expected JSON as the AWS CLI prints it with --output json (not --output text or table)");
  refuse("yaml-output.json", "hint: this looks like --output yaml: run the AWS CLI with --output json");
  refuse("wrong-types.json", "tests/data/aws/bad/wrong-types.json:4:28 (/AvailabilityZones/0/OptInStatus): expected string, got number 1");
  refuse("wrong-types.json", "tests/data/aws/bad/wrong-types.json:31:9 (/AvailabilityZones/2): missing required field \"ZoneName\"");
}

TEST_CASE("catalog import: hostile files are refused quickly, located, with nothing written", "[catalog-import][hostile]") {
  const auto dir = scratch_dir("catalog-import-hostile");
  const std::string out = (dir / "account.json").string();
  const auto write = [&](const std::string& name, const std::string& text) {
    const std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  };
  const auto refuse = [&](const std::string& path, const std::string& expected) {
    const RunResult r = run_edgeplan("catalog import '" + path + "' -o '" + out + "'");
    INFO(r.err);
    CHECK(r.exit_code == to_int(ExitCode::input_error));
    CHECK(contains(r.err, expected));
    CHECK_FALSE(std::filesystem::exists(out));
  };
  // 20,000 empty pages: refused before any is parsed (one listing is never paged that often).
  std::string pages;
  for (int k = 0; k < 20'000; ++k) pages += "{}\n";
  refuse(write("many-pages.json", pages), "many-pages.json: 20000 JSON documents one after another; expected one command's output in at most 10000 pages");
  // A second page of another command: where it starts in the file.
  refuse(write("mixed.json", "{\"Regions\": [{\"RegionName\": \"us-east-1\", \"OptInStatus\": \"opt-in-not-required\"}]}\n\n  {\"AvailabilityZones\": []}\n"),
         "mixed.json:3:3: page 2 is the output of aws ec2 describe-availability-zones, page 1 of aws ec2 describe-regions; expected one command's output per file");
  // A manifest naming files outside its folder is not the collector's (found by fuzz_aws_import: an empty name).
  refuse(write("manifest.json", "{\"kind\": \"AwsCollection\", \"files\": [{\"file\": \"\"}, {\"file\": \"../../etc/passwd\"}]}"),
         "manifest.json:1:46 (/files/0/file): expected a file inside the manifest's folder, got \"\"");
  // An opt-in status AWS does not print (found by fuzz_aws_import: the overlay would not load).
  refuse(write("regions.json", "{\"Regions\": [{\"RegionName\": \"ap-south-2\", \"OptInStatus\": \"nmt-opted-in\"}]}"),
         "regions.json:1:58 (/Regions/0/OptInStatus): expected \"opt-in-not-required\", \"opted-in\" or \"not-opted-in\", got \"nmt-opted-in\"");
  // A hardware type and a rack property AWS does not print (found by fuzz_aws_import: the overlay would not load).
  refuse(write("outposts.json", R"({"Outposts": [{"OutpostId": "op-1", "OutpostArn": "arn:aws:outposts:us-east-1:111122223333:outpost/op-1", "SupportedHardwareType": "RA)CK"}]})"),
         "outposts.json:1:132 (/Outposts/0/SupportedHardwareType): expected \"RACK\" or \"SERVER\", got \"RA)CK\"");
  refuse(write("sites.json", R"({"Sites": [{"SiteId": "os-1", "RackPhysicalProperties": {"UplinkCount": "UPLINK_COUNT_99999", "MaximumSupportedWeightLbs": "NO_LIMIT"}}]})"),
         "sites.json:1:73 (/Sites/0/RackPhysicalProperties/UplinkCount): expected an uplink count such as \"UPLINK_COUNT_4\", got \"UPLINK_COUNT_99999\"");
  // Not UTF-8: as every document.
  refuse(write("latin1.json", "{\"Regions\": [{\"RegionName\": \"caf\xE9\"}]}"), "latin1.json:1:33: byte 0xE9 is not UTF-8");
}

// describe-instance-type-offerings --filters lists what matches, not all that is offered:
// it may not make a zone's families known (they would all look missing but the filter's).
TEST_CASE("catalog import: filtered offerings settle no zone's families", "[catalog-import]") {
  const auto dir = scratch_dir("catalog-import-filtered");
  std::filesystem::copy_file(source_path(kCollection + "/us-east-1/ec2-describe-instance-type-offerings.json"), dir / "offerings.json");
  std::ofstream(dir / "manifest.json") << R"({"kind": "AwsCollection", "captured_at": "2026-12-01T09:30:00Z", "files": [)"
                                       << R"({"file": "offerings.json", "region": "us-east-1", "command": "aws ec2 describe-instance-type-offerings --location-type availability-zone --filters Name=instance-type,Values=m5.* --region us-east-1"}]})";
  const auto out = scratch_dir("catalog-import-filtered-out");
  const Imported i = import_into(out, "'" + dir.string() + "'");
  INFO(i.run.err);
  REQUIRE(i.run.exit_code == 0);
  CHECK(contains(i.run.err, "offerings.json: the offerings were listed with --filters: they settle no zone's instance families"));
  CHECK_FALSE(i.overlay["site_facts"].contains("us-east-1-bos-1a"));
}

TEST_CASE("catalog import: an output whose last page still has a NextToken is used, and said to be incomplete", "[catalog-import]") {
  const auto dir = scratch_dir("catalog-import-pages");
  const Imported i = import_into(dir, "tests/data/aws/bad/unfinished-pages.json");
  CHECK(i.run.exit_code == 0);
  CHECK(contains(i.run.err, "edgeplan: warning: tests/data/aws/bad/unfinished-pages.json:209:18 (/NextToken): the output is incomplete"));
  CHECK(any_contains(i.overlay["account"]["gaps"], "the offerings output is incomplete (NextToken) or filtered (--filters)"));
  CHECK(i.overlay["site_facts"].empty());
}

}  // namespace edgeplan::test

// ---- aws pricing get-products -> kind: Prices (rules/catalog/PRICES.md) -------

namespace edgeplan::test {

TEST_CASE("catalog import: aws pricing get-products output becomes a Prices file the loader reads", "[catalog-import][prices]") {
  const auto dir = scratch_dir("catalog-import-prices");
  const std::string out = (dir / "prices.json").string();
  const RunResult r = run_edgeplan("catalog import tests/data/aws/pricing/*.json -o '" + out + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "edgeplan: imported 2 aws pricing get-products outputs (7 products, USD, effective 2026-11-20): 8 prices (2 ebs, 5 instance, 1 s3); "
                        "EC2 compute kept only for Linux, Shared tenancy, no pre-installed software, capacitystatus Used; left out: "
                        "1 compute products not Linux, Shared tenancy, no pre-installed software, capacitystatus Used, "
                        "1 reserved offers other than standard No Upfront 1yr or 3yr"));
  // The first page's NextToken is followed by the second page: no warning.
  CHECK_FALSE(contains(r.err, "NextToken"));
  RealFileSystem fs;
  const Prices prices = load_prices(out, fs);
  CHECK(prices.currency == "USD");
  CHECK(prices.effective_date == "2026-11-20");
  CHECK_FALSE(prices.example);
  // A Local Zone's price is at its zone group, never its Region's.
  const PriceEntry* lax = prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2-lax-1a", "us-west-2-lax-1"});
  REQUIRE(lax != nullptr);
  CHECK(lax->price == 0.48);
  CHECK(lax->source == "aws pricing get-products 2026-11-20T21:37:58Z, SKU 8CB3Z6GX7YB4AZMY");
  CHECK(prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2"})->price == 0.384);
  const PriceEntry* reserved = prices.find(PriceProduct::instance, "m5.2xlarge", {"us-west-2"}, "reserved-3yr");
  REQUIRE(reserved != nullptr);
  CHECK(reserved->price == 0.166);
  CHECK(reserved->payment_option == "no-upfront");
  CHECK(prices.find(PriceProduct::ebs, "gp2", {"us-west-2-lax-1"})->price == 0.12);
  CHECK(prices.find(PriceProduct::ebs, "gp3", {"us-west-2"})->unit == "GB-month");
  CHECK(prices.find(PriceProduct::s3, "standard", {"us-west-2"})->price == 0.023);  // the first tier
  CHECK(prices.find(PriceProduct::instance, "c5.2xlarge", {"us-west-2-lax-1"}) != nullptr);
}

TEST_CASE("catalog import: a PriceList string that is not JSON is located at the string and inside it", "[catalog-import][prices]") {
  check_input_error("catalog import tests/data/aws/pricing/bad/malformed-entry.json",
                    "edgeplan: error: tests/data/aws/pricing/bad/malformed-entry.json:5:9 (/PriceList/1): the string is not one product's JSON: at its line 1, column 75: "
                    "invalid JSON while parsing object - unexpected ':'; expected '}'");
  check_input_error("catalog import tests/data/aws/pricing/bad/mixed-currencies.json",
                    "edgeplan: error: tests/data/aws/pricing/bad/mixed-currencies.json:5:9 (/PriceList/1): in the product at "
                    "/terms/OnDemand/2WTMTR9HDDT7AA73.JRTCKXETXF/priceDimensions/2WTMTR9HDDT7AA73.JRTCKXETXF.6YS6EN2CT7/pricePerUnit: "
                    "mixed currencies: the prices so far are in USD (/PriceList/0), this one in EUR");
}

// What the import writes must load as a Prices file (the fuzz target
// fuzz_aws_import checks this on any input): a publication date that is not a
// calendar day, or a currency that is not an ISO 4217 code, is refused at the
// product that carries it instead of being written into a file that would not load.
TEST_CASE("catalog import: a price the Prices file would refuse is an input error at its product", "[catalog-import][prices]") {
  const auto out = scratch_dir("catalog-import-refused") / "prices.json";
  check_input_error("catalog import -o " + out.string() + " tests/data/aws/pricing/bad/publication-date.json",
                    "edgeplan: error: tests/data/aws/pricing/bad/publication-date.json:4:9 (/PriceList/0): in the product at /publicationDate: "
                    "expected the date AWS published the price, such as \"2026-11-20T21:37:58Z\", got string \"2026-19-20T21:37:58Z\"");
  check_input_error("catalog import tests/data/aws/pricing/bad/currency-code.json",
                    "edgeplan: error: tests/data/aws/pricing/bad/currency-code.json:4:9 (/PriceList/0): in the product at "
                    "/terms/OnDemand/2WTMTR9HDDT7AA73.JRTCKXETXF/priceDimensions/2WTMTR9HDDT7AA73.JRTCKXETXF.6YS6EN2CT7/pricePerUnit/usd: "
                    "expected a currency code of 3 upper-case letters (ISO 4217) such as \"USD\", got \"usd\"");
  check_input_error("catalog import tests/data/aws/pricing/bad/no-publication-date.json",
                    "edgeplan: error: tests/data/aws/pricing/bad/no-publication-date.json:4:9 (/PriceList/0): missing \"publicationDate\": "
                    "the date AWS published the price, such as \"2026-11-20T21:37:58Z\"");
  // "*" is "any item" in a Prices file: an instance or a volume price may not be.
  const auto wildcard = run_edgeplan("catalog import tests/data/aws/pricing/bad/wildcard-items.json");
  CHECK(wildcard.exit_code == to_int(ExitCode::input_error));
  CHECK(wildcard.err ==
        "edgeplan: error: tests/data/aws/pricing/bad/wildcard-items.json:4:9 (/PriceList/0): in the product at /product/attributes/instanceType: "
        "expected the instance type of a Compute Instance product\n"
        "edgeplan: error: tests/data/aws/pricing/bad/wildcard-items.json:5:9 (/PriceList/1): in the product at /product/attributes/volumeApiName: "
        "expected the volume type of an EBS Storage product, such as \"gp3\"\n");
  CHECK(wildcard.out.empty());
  CHECK_FALSE(std::filesystem::exists(out));  // no partial file
}

TEST_CASE("catalog import: pricing output and the account's outputs are not imported together", "[catalog-import][prices]") {
  check_input_error("catalog import tests/data/aws/pricing/ec2-us-west-2.json tests/data/aws/collection/us-west-2/ec2-describe-availability-zones.json",
                    "edgeplan: error: tests/data/aws/pricing/ec2-us-west-2.json: aws pricing get-products output cannot be imported together with the "
                    "account's outputs (tests/data/aws/collection/us-west-2/ec2-describe-availability-zones.json): prices become a kind: Prices file, "
                    "the account's view a catalog overlay");
}

}  // namespace edgeplan::test
