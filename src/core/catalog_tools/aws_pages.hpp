#pragma once
// What the two halves of `catalog import` share (aws_import.cpp reads the files
// and the account's view; aws_pricing.cpp turns `aws pricing get-products`
// output into a kind: Prices file). Not for other callers.
#include <string>
#include <vector>

#include <edgeplan/aws_import.hpp>
#include <edgeplan/catalog.hpp>
#include <edgeplan/json_document.hpp>

namespace edgeplan::aws_detail {

// One JSON document of a file. Each is parsed from its own text; its
// diagnostics are moved to where it starts in the file (located()).
struct Page {
  JsonDocument document;
  int index = 0;       // 0-based page in the file
  int first_line = 1;  // where the page starts in the file, 1-based
  int first_column = 1;
};

// A diagnostic of the page's own text, at its line:column in the whole file.
inline Diagnostic located(const Page& page, Diagnostic d) {
  if (d.line <= 0) return d;
  if (d.line == 1) d.column += page.first_column - 1;
  d.line += page.first_line - 1;
  return d;
}

// One `aws pricing get-products` output file, its pages in order.
struct PriceListFile {
  std::string path;
  const std::vector<Page>* pages = nullptr;
};

// The prices of every file as a kind: Prices document (AwsImport::overlay),
// against `base` (whose sites name the Local Zone groups). Throws InputError
// with every located problem.
AwsImport import_price_lists(const std::vector<PriceListFile>& files, const Catalog& base, const AwsImportOptions& options);

}  // namespace edgeplan::aws_detail
