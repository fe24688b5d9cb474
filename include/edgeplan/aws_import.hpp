#pragma once
// `edgeplan catalog import`: what the user's AWS account sees, read from the
// JSON the AWS CLI printed (scripts/collect-aws.sh runs the commands), turned
// into an ordinary catalog overlay ("extends": "default"). edgeplan never
// calls AWS: the inputs are files. rules/catalog/README.md, "Your account's view".
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/catalog.hpp>
#include <edgeplan/diagnostics.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/json_document.hpp>

namespace edgeplan {

struct AwsImportOptions {
  std::optional<std::string> captured_at;  // --captured-at: overrides the manifest's
  std::optional<std::string> account;      // --account: when no input shows it
  std::string name;                        // metadata.name; default "account-<id>"
};

// One input file as the import read it.
struct AwsInput {
  std::string file;      // as named on the command line (or found in a directory)
  std::string command;   // "aws ec2 describe-availability-zones"
  std::string region;    // empty for global commands or when unknown
  int pages = 0;         // JSON documents in the file (paginated output appended)
  int records = 0;       // zones, offerings, Outposts, ... it listed
};

// What an import of `aws pricing get-products` output kept and left out.
struct AwsPriceImport {
  int products = 0;                      // PriceList entries read
  std::map<std::string, int> prices;     // entries written, by product ("instance", "ebs", "s3")
  std::map<std::string, int> skipped;    // products and offers left out, by why ("not Linux, ...")
  std::string effective_date;            // the newest publicationDate's date
  std::string currency;
};

struct AwsImport {
  // The catalog overlay: `-o FILE`; a kind: Prices document when every input
  // was `aws pricing get-products` output (then `prices` is set).
  Json overlay;
  std::optional<AwsPriceImport> prices;
  std::vector<AwsInput> inputs;
  std::vector<std::string> gaps;       // what the inputs did not cover (also in the overlay)
  std::vector<Diagnostic> warnings;    // located: truncated pages, zones without a location, ...
};

// The AWS CLI commands whose output the import reads, as the user would type them.
const std::vector<std::string>& aws_import_commands();

// Reads every file (a directory: every *.json below it, sorted) and builds the
// overlay against `base` (the catalog it extends); or, when every input is
// `aws pricing get-products` output, a kind: Prices document (rules/catalog/PRICES.md). Throws InputError listing
// every file that is not an AWS CLI JSON output edgeplan reads, or is malformed,
// each at FILE:LINE:COL and JSON pointer.
AwsImport import_aws_outputs(const std::vector<std::string>& paths, const FileSystem& fs, const Catalog& base,
                             const AwsImportOptions& options);

}  // namespace edgeplan
