#pragma once
// The digital services a team helps people and businesses with (DOMAIN.md §4, issue 5 item 1),
// and the population cohorts that are the denominators of the targets (§7). The built-in
// catalogue is data; a province adds its own services under codes checked by CheckServiceCode.
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

// Who is helped: a citizen (counted against an age cohort) or a business / household business /
// shop (counted against the businesses cohort).
enum class Subject { kPeople, kBusiness };
std::string_view ToString(Subject subject);  // "people", "business"

struct Service {
  std::string code;  // stable: clients and stored records rely on it
  std::string name_vi;
  std::string name_en;
  Subject subject = Subject::kPeople;
  std::string cohort;  // one of Cohorts()
  int min_age = 0;     // the youngest citizen the service is for; 0 for businesses or no limit
};

// The built-in services, people first, in the order of seed 004's targets.
const std::vector<Service>& BuiltinServices();

// nullptr when `code` is not a built-in service's.
const Service* FindBuiltinService(std::string_view code);

// The population cohorts, exactly as the population figures name them: age14plus, age15plus,
// age18plus, working_age, households, business_households, businesses.
const std::vector<std::string>& Cohorts();
bool IsCohort(std::string_view name);

// The code of a province-defined service: 2 to 40 characters of lowercase ASCII letters, digits
// and underscores, starting with a letter, and not a built-in service's code. Throws 422 (field
// "code") otherwise.
void CheckServiceCode(std::string_view code);

}  // namespace cnscd
