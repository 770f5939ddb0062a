#pragma once
// The digital services a team helps people and businesses with (DOMAIN.md §4, issue 5 item 1),
// and the population cohorts that are the denominators of the targets (§7). The built-in
// catalogue is data; a province adds its own services under codes checked by CheckServiceCode.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

// Who is helped: a citizen (counted against an age cohort) or a business / household business /
// shop (counted against the businesses cohort).
enum class Subject { kPeople, kBusiness };
std::string_view ToString(Subject subject);  // "people", "business"
std::optional<Subject> ParseSubject(std::string_view s);

// What an entry of the catalogue (a service, an indicator) is known by.
struct CatalogueEntry {
  std::string code;  // stable: clients, stored records and targets rely on it
  std::string name_vi;
  std::string name_en;
};

struct Service : CatalogueEntry {
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

// 2 to 40 characters of lowercase ASCII letters, digits and underscores, starting with a letter:
// the shape of every catalogue code a province defines (services and indicators).
bool IsCatalogueCode(std::string_view code);

// The code of a province-defined service: shaped as IsCatalogueCode and not a built-in service's
// code. Throws 422 (field "code") otherwise.
void CheckServiceCode(std::string_view code);

// How a province's own catalogue entry starts, as sent: the code and the names as written.
struct CatalogueEntryDefinition {
  std::string code;
  std::string name_vi;
  std::optional<std::string> name_en;  // absent: the Vietnamese name stands for both
};

// A province's own service as sent: strings as written, checked by CheckServiceDefinition.
struct ServiceDefinition : CatalogueEntryDefinition {
  std::string subject;  // people, business
  std::string cohort;   // one of Cohorts()
  std::optional<std::int64_t> min_age;
};

// The checked service (names cleaned), or throws 422 naming the field at fault: the code
// (CheckServiceCode), name (1..200 characters), subject, cohort, min_age (0..120).
Service CheckServiceDefinition(const ServiceDefinition& definition);

// A catalogue name: NFC, white space collapsed, 1..200 characters. Throws 422 `required` or
// `name_too_long` naming `field`.
std::string CheckCatalogueName(std::string_view name, const std::string& field);

// The entry's code as sent (its rules are the service's or the indicator's) and its names checked
// by CheckCatalogueName (fields "name", "name_en"), the English one the Vietnamese when absent.
CatalogueEntry CheckCatalogueNames(const CatalogueEntryDefinition& definition);

// How the person or business helped is known in a support record. The first three name people
// and households (a household business is often known by its owner's phone); tax codes and
// business names name businesses only, ID numbers people only.
enum class CitizenKey { kPhone, kIdNumber, kHousehold, kTaxCode, kBusiness };

// Throws 422 when the key does not fit the service's subject: an ID number for a business
// service is `person_key_for_business`, a tax code or business name for a people service
// `business_key_for_person`; `field` names the key.
void CheckKeyForSubject(Subject subject, CitizenKey key, const std::string& field);

// A tax code (mã số thuế) with its spaces removed: 10 digits, or 10 digits "-" 3 digits for a
// branch (0312345678-001). nullopt for anything else.
std::optional<std::string> NormalizeTaxCode(std::string_view text);

}  // namespace cnscd
