#pragma once
// Wording every check renderer shares, so text, Markdown, SARIF and JUnit say the same thing.
#include <string>

#include <edgeplan/check.hpp>

namespace edgeplan::check_detail {

// "payments-eu: proposed us-east-1 (region), excluded by 2 rules"
std::string spec_headline(const SpecCheck& spec);
// "specs/payments.json:14:5 (/spec/residency)"
std::string location_text(const std::string& file, const CheckFinding& finding);
// "waived by alice@example.com until 2027-01-31: reason [TICKET-1]"
std::string waiver_text(const AppliedWaiver& waiver);
// "4 specs checked: 2 passed, 1 failed, 1 could not be evaluated · …"
std::string summary_line(const CheckRun& run);
// error → error, warning → warning, info → note (SARIF levels).
const char* sarif_level(const std::string& severity);

std::string render_json(const CheckRun& run);
std::string render_sarif(const CheckRun& run);
std::string render_junit(const CheckRun& run);

}  // namespace edgeplan::check_detail
