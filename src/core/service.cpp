#include "core/service.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd {

std::string_view ToString(Subject subject) {
  return subject == Subject::kPeople ? "people" : "business";
}

std::optional<Subject> ParseSubject(std::string_view s) {
  if (s == "people") return Subject::kPeople;
  if (s == "business") return Subject::kBusiness;
  return std::nullopt;
}

namespace {

// A built-in service for people: the youngest it is for is the first age of its cohort, as seed
// 004's targets count them ("from 14 years", "from 15 years", "from 18 years").
Service ForPeople(const char* code, const char* name_vi, const char* name_en,
                  std::string_view cohort) {
  const int min_age = cohort == "age18plus" ? 18 : cohort == "age15plus" ? 15 : 14;
  return {{code, name_vi, name_en}, Subject::kPeople, std::string(cohort), min_age};
}

// A built-in service for businesses, counted against the businesses cohort, whatever the age.
Service ForBusinesses(const char* code, const char* name_vi, const char* name_en) {
  return {{code, name_vi, name_en}, Subject::kBusiness, "businesses", 0};
}

}  // namespace

const std::vector<Service>& BuiltinServices() {
  // Names as seeds 000, 003 and 004 write them.
  static const std::vector<Service> kServices{
      ForPeople("vneid", "Tài khoản định danh điện tử mức 2 (VNeID)",
                "Electronic identity account level 2 (VNeID)", "age14plus"),
      ForPeople("health_record", "Ứng dụng hồ sơ sức khỏe điện tử (HSSK)",
                "Electronic health record app", "age14plus"),
      ForPeople("digital_signature", "Chữ ký số hoặc chữ ký điện tử cá nhân",
                "Personal digital or electronic signature", "age18plus"),
      ForPeople("public_service", "Dịch vụ công trực tuyến mức độ 3, 4",
                "Online public services (level 3, 4)", "age18plus"),
      ForPeople("payment_account", "Tài khoản giao dịch thanh toán số", "Digital payment account",
                "age15plus"),
      ForPeople("ecommerce", "Sàn thương mại điện tử", "E-commerce platforms", "age14plus"),
      ForPeople("social_network", "Mạng xã hội (Zalo, Facebook, Viber)",
                "Social networks and messengers (Zalo, Facebook, Viber)", "age14plus"),
      ForPeople("citizen_app", "Ứng dụng Công dân số của tỉnh", "The province's citizen app",
                "age14plus"),
      ForBusinesses("qr_payment", "Thanh toán không dùng tiền mặt (niêm yết mã QR)",
                    "Cashless payment accepted (QR code shown)"),
      ForBusinesses("ecommerce_shop", "Gian hàng trên sàn thương mại điện tử",
                    "Shop on an e-commerce platform"),
      ForBusinesses("ocop_online", "Sản phẩm OCOP trên sàn thương mại điện tử",
                    "OCOP products on e-commerce platforms"),
  };
  return kServices;
}

const Service* FindBuiltinService(std::string_view code) {
  const std::vector<Service>& all = BuiltinServices();
  auto it = std::find_if(all.begin(), all.end(), [&](const Service& s) { return s.code == code; });
  return it == all.end() ? nullptr : &*it;
}

const std::vector<std::string>& Cohorts() {
  // Must stay equal to store::PopulationCohorts(): these are the population figures' names.
  static const std::vector<std::string> kCohorts{"age14plus",   "age15plus",  "age18plus",
                                                 "working_age", "households", "business_households",
                                                 "businesses"};
  return kCohorts;
}

bool IsCohort(std::string_view name) {
  const std::vector<std::string>& all = Cohorts();
  return std::find(all.begin(), all.end(), name) != all.end();
}

bool IsCatalogueCode(std::string_view code) {
  return code.size() >= 2 && code.size() <= 40 && code.front() >= 'a' && code.front() <= 'z' &&
         std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

void CheckServiceCode(std::string_view code) {
  if (!IsCatalogueCode(code)) {
    throw RuleBroken("invalid_service_code",
                     "Mã dịch vụ gồm 2 đến 40 ký tự: chữ thường không dấu, chữ số, dấu gạch dưới, "
                     "bắt đầu bằng chữ.",
                     "A service code is 2 to 40 characters: lowercase ASCII letters, digits and "
                     "underscores, starting with a letter.",
                     "code");
  }
  if (FindBuiltinService(code) != nullptr) {
    throw RuleBroken("builtin_service_code", "Mã dịch vụ này đã dùng cho một dịch vụ có sẵn.",
                     "This code belongs to a built-in service.", "code");
  }
}

std::string CheckCatalogueName(std::string_view name, const std::string& field) {
  std::string clean = input::Text(name, field);
  if (clean.empty()) {
    throw RuleBroken("required", "Thiếu tên (" + field + ").",
                     "The field " + field + " is required.", field);
  }
  if (text::Length(clean) > 200) {
    throw RuleBroken("name_too_long", "Tên dài tối đa 200 ký tự.",
                     "A name is at most 200 characters.", field);
  }
  return clean;
}

CatalogueEntry CheckCatalogueNames(const CatalogueEntryDefinition& d) {
  CatalogueEntry entry{d.code, CheckCatalogueName(d.name_vi, "name"), {}};
  entry.name_en = d.name_en ? CheckCatalogueName(*d.name_en, "name_en") : entry.name_vi;
  return entry;
}

Service CheckServiceDefinition(const ServiceDefinition& d) {
  CheckServiceCode(d.code);
  Service s{CheckCatalogueNames(d)};
  const std::optional<Subject> subject = ParseSubject(d.subject);
  if (!subject) {
    throw RuleBroken("bad_subject",
                     "Đối tượng phải là people (người dân) hoặc business (doanh "
                     "nghiệp, hộ kinh doanh).",
                     "The subject must be people or business.", "subject");
  }
  s.subject = *subject;
  if (!IsCohort(d.cohort)) {
    throw RuleBroken("unknown_cohort",
                     "Nhóm dân số phải là một trong: age14plus, age15plus, age18plus, working_age, "
                     "households, business_households, businesses.",
                     "The cohort must be one of age14plus, age15plus, age18plus, working_age, "
                     "households, business_households, businesses.",
                     "cohort");
  }
  s.cohort = d.cohort;
  const std::int64_t min_age = d.min_age.value_or(0);
  if (min_age < 0 || min_age > 120) {
    throw RuleBroken("bad_min_age", "Tuổi tối thiểu phải từ 0 đến 120.",
                     "The minimum age must be 0 to 120.", "min_age");
  }
  s.min_age = static_cast<int>(min_age);
  return s;
}

void CheckKeyForSubject(Subject subject, CitizenKey key, const std::string& field) {
  if (subject == Subject::kBusiness && key == CitizenKey::kIdNumber) {
    throw RuleBroken(
        "person_key_for_business",
        "Dịch vụ này dành cho doanh nghiệp, hộ kinh doanh: dùng mã số thuế, tên cơ sở, "
        "số điện thoại hoặc hộ, không dùng số định danh cá nhân.",
        "This service is for businesses: give a tax code, business name, phone or "
        "household, not a personal ID number.",
        field);
  }
  if (subject == Subject::kPeople &&
      (key == CitizenKey::kTaxCode || key == CitizenKey::kBusiness)) {
    throw RuleBroken("business_key_for_person",
                     "Dịch vụ này dành cho người dân: không dùng mã số thuế hay tên cơ sở kinh "
                     "doanh.",
                     "This service is for people: a tax code or business name does not apply.",
                     field);
  }
}

std::optional<std::string> NormalizeTaxCode(std::string_view text) {
  std::string code;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) code.push_back(c);
  }
  const auto digits = [&](std::size_t from, std::size_t n) {
    return std::all_of(code.begin() + static_cast<std::ptrdiff_t>(from),
                       code.begin() + static_cast<std::ptrdiff_t>(from + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (code.size() == 10 && digits(0, 10)) return code;
  if (code.size() == 14 && digits(0, 10) && code[10] == '-' && digits(11, 3)) return code;
  return std::nullopt;
}

}  // namespace cnscd
