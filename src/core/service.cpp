#include "core/service.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace cnscd {

std::string_view ToString(Subject subject) {
  return subject == Subject::kPeople ? "people" : "business";
}

const std::vector<Service>& BuiltinServices() {
  // Names as seeds 000, 003 and 004 write them; minimum ages from seed 004's targets.
  static const std::vector<Service> kServices{
      {"vneid", "Tài khoản định danh điện tử mức 2 (VNeID)",
       "Electronic identity account level 2 (VNeID)", Subject::kPeople, "age14plus", 14},
      {"health_record", "Ứng dụng hồ sơ sức khỏe điện tử (HSSK)", "Electronic health record app",
       Subject::kPeople, "age14plus", 14},
      {"digital_signature", "Chữ ký số hoặc chữ ký điện tử cá nhân",
       "Personal digital or electronic signature", Subject::kPeople, "age18plus", 18},
      {"public_service", "Dịch vụ công trực tuyến mức độ 3, 4",
       "Online public services (level 3, 4)", Subject::kPeople, "age18plus", 18},
      {"payment_account", "Tài khoản giao dịch thanh toán số", "Digital payment account",
       Subject::kPeople, "age15plus", 15},
      {"ecommerce", "Sàn thương mại điện tử", "E-commerce platforms", Subject::kPeople, "age14plus",
       14},
      {"social_network", "Mạng xã hội (Zalo, Facebook, Viber)",
       "Social networks and messengers (Zalo, Facebook, Viber)", Subject::kPeople, "age14plus", 14},
      {"citizen_app", "Ứng dụng Công dân số của tỉnh", "The province's citizen app",
       Subject::kPeople, "age14plus", 14},
      {"qr_payment", "Thanh toán không dùng tiền mặt (niêm yết mã QR)",
       "Cashless payment accepted (QR code shown)", Subject::kBusiness, "businesses", 0},
      {"ecommerce_shop", "Gian hàng trên sàn thương mại điện tử", "Shop on an e-commerce platform",
       Subject::kBusiness, "businesses", 0},
      {"ocop_online", "Sản phẩm OCOP trên sàn thương mại điện tử",
       "OCOP products on e-commerce platforms", Subject::kBusiness, "businesses", 0},
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

void CheckServiceCode(std::string_view code) {
  const bool shape_ok = code.size() >= 2 && code.size() <= 40 && code.front() >= 'a' &&
                        code.front() <= 'z' && std::all_of(code.begin(), code.end(), [](char c) {
                          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                        });
  if (!shape_ok) {
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

}  // namespace cnscd
