#include "core/indicator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/error.hpp"
#include "core/training.hpp"

namespace cnscd::indicators {

std::string_view ToString(Source source) {
  return source == Source::kService ? "service" : "training";
}

std::optional<Source> ParseSource(std::string_view s) {
  if (s == "service") return Source::kService;
  if (s == "training") return Source::kTraining;
  return std::nullopt;
}

std::string_view ToString(CountOf count_of) {
  return count_of == CountOf::kPeople ? "people" : "households";
}

std::optional<CountOf> ParseCountOf(std::string_view s) {
  if (s == "people") return CountOf::kPeople;
  if (s == "households") return CountOf::kHouseholds;
  return std::nullopt;
}

namespace {

// The built-in indicator of a built-in service: the service's code and cohort, as a percent.
Indicator OfService(const char* code, const char* name_vi, const char* name_en) {
  const Service* service = FindBuiltinService(code);
  if (service == nullptr) throw std::logic_error(std::string("no built-in service ") + code);
  return {{code, name_vi, name_en}, code, service->cohort, Measure::kPercent, Source::kService};
}

// Counted from the communes' declarations of places of `kind` (cashless_place), not from records.
Indicator OfDeclaredPlaces(const char* code, const char* name_vi, const char* name_en,
                           cashless::Kind kind) {
  return {{code, name_vi, name_en}, "", "", Measure::kCount, std::nullopt, "", std::nullopt, kind};
}

}  // namespace

const std::vector<Indicator>& BuiltinIndicators() {
  // Names follow seed 004's targets (Quảng Sơn, 2025–2030).
  static const std::vector<Indicator> kIndicators{
      OfService("vneid",
                "Người dân từ 14 tuổi trở lên cài đặt, sử dụng tài khoản định danh điện tử mức 2",
                "People aged 14+ using VNeID level 2"),
      OfService("health_record",
                "Người dân từ 14 tuổi trở lên sử dụng ứng dụng hồ sơ sức khỏe điện tử",
                "People aged 14+ using the electronic health record app"),
      OfService("digital_signature", "Cá nhân từ 18 tuổi trở lên có chữ ký số hoặc chữ ký điện tử",
                "People aged 18+ with a digital or electronic signature"),
      OfService("public_service", "Người dân từ 18 tuổi trở lên sử dụng dịch vụ công trực tuyến",
                "People aged 18+ using online public services"),
      OfService("payment_account",
                "Người dân từ 15 tuổi trở lên có tài khoản giao dịch thanh toán số",
                "People aged 15+ with a digital payment account"),
      OfService("ecommerce", "Người dân từ 14 tuổi trở lên khai thác các sàn thương mại điện tử",
                "People aged 14+ using e-commerce platforms"),
      OfService("social_network", "Người dân từ 14 tuổi trở lên sử dụng mạng xã hội",
                "People aged 14+ using social networks and messengers"),
      OfService("citizen_app", "Người dân từ 14 tuổi trở lên sử dụng ứng dụng Công dân số của tỉnh",
                "People aged 14+ using the province's citizen app"),
      OfService(
          "qr_payment",
          "Doanh nghiệp, hộ kinh doanh, cửa hàng, tiểu thương chấp nhận thanh toán không dùng "
          "tiền mặt (niêm yết mã QR)",
          "Businesses and shops accepting cashless payment (QR code shown)"),
      OfDeclaredPlaces("cashless_street", "Tuyến đường “Không sử dụng tiền mặt”",
                       "Cashless streets", cashless::Kind::kStreet),
      OfDeclaredPlaces("cashless_market", "Chợ thanh toán không dùng tiền mặt", "Cashless markets",
                       cashless::Kind::kMarket),
  };
  return kIndicators;
}

const Indicator* FindBuiltinIndicator(std::string_view code) {
  const std::vector<Indicator>& all = BuiltinIndicators();
  auto it =
      std::find_if(all.begin(), all.end(), [&](const Indicator& i) { return i.code == code; });
  return it == all.end() ? nullptr : &*it;
}

namespace {

Error NotAllowed(const std::string& field, const std::string& source) {
  return RuleBroken("field_not_allowed",
                    "Chỉ số nguồn " + source + " không có trường " + field + ".",
                    "An indicator with source " + source + " takes no " + field + ".", field);
}

Error Missing(const std::string& field) {
  return RuleBroken("required", "Thiếu trường " + field + ".",
                    "The field " + field + " is required.", field);
}

}  // namespace

Indicator CheckIndicatorDefinition(const IndicatorDefinition& d,
                                   const std::vector<Service>& known_services) {
  if (!IsCatalogueCode(d.code)) {
    throw RuleBroken("invalid_indicator_code",
                     "Mã chỉ số gồm 2 đến 40 ký tự: chữ thường không dấu, chữ số, dấu gạch dưới, "
                     "bắt đầu bằng chữ.",
                     "An indicator code is 2 to 40 characters: lowercase ASCII letters, digits "
                     "and underscores, starting with a letter.",
                     "code");
  }
  if (FindBuiltinIndicator(d.code) != nullptr) {
    throw RuleBroken("builtin_indicator_code", "Mã chỉ số này đã dùng cho một chỉ số có sẵn.",
                     "This code belongs to a built-in indicator.", "code");
  }
  Indicator out{CheckCatalogueNames(d)};
  out.source = ParseSource(d.source);
  if (!out.source) {
    throw RuleBroken("bad_source", "Nguồn phải là service (dịch vụ) hoặc training (tập huấn).",
                     "The source must be service or training.", "source");
  }
  if (*out.source == Source::kService) {
    if (d.topic) throw NotAllowed("topic", d.source);
    if (d.count_of) throw NotAllowed("count_of", d.source);
    if (!d.service) throw Missing("service");
    const bool known = std::any_of(known_services.begin(), known_services.end(),
                                   [&](const Service& s) { return s.code == *d.service; });
    if (!known) {
      throw RuleBroken("unknown_service", "Tỉnh không có dịch vụ mã \"" + *d.service + "\".",
                       "The province has no service with the code \"" + *d.service + "\".",
                       "service");
    }
    out.service = *d.service;
  } else {
    if (d.service) throw NotAllowed("service", d.source);
    if (!d.topic) throw Missing("topic");
    if (FindTrainingTopic(*d.topic) == nullptr) {
      throw RuleBroken("unknown_topic", "Không có chủ đề tập huấn mã \"" + *d.topic + "\".",
                       "No training topic has the code \"" + *d.topic + "\".", "topic");
    }
    out.topic = *d.topic;
    if (!d.count_of) throw Missing("count_of");
    out.count_of = ParseCountOf(*d.count_of);
    if (!out.count_of) {
      throw RuleBroken("bad_count_of", "count_of phải là people (người) hoặc households (hộ).",
                       "count_of must be people or households.", "count_of");
    }
  }
  if (d.measure == "percent") {
    out.measure = Measure::kPercent;
    if (!d.cohort) throw Missing("cohort");
    if (!IsCohort(*d.cohort)) {
      throw RuleBroken("unknown_cohort",
                       "Nhóm dân số phải là một trong: age14plus, age15plus, age18plus, "
                       "working_age, households, business_households, businesses.",
                       "The cohort must be one of age14plus, age15plus, age18plus, working_age, "
                       "households, business_households, businesses.",
                       "cohort");
    }
    out.cohort = *d.cohort;
  } else if (d.measure == "count") {
    out.measure = Measure::kCount;
    if (d.cohort) {
      throw RuleBroken("cohort_for_count", "Chỉ số đếm không có mẫu số: bỏ trường cohort.",
                       "A count has no denominator: leave out cohort.", "cohort");
    }
  } else {
    throw RuleBroken("bad_measure", "measure phải là percent (tỷ lệ) hoặc count (số lượng).",
                     "measure must be percent or count.", "measure");
  }
  return out;
}

std::string_view ToString(Status status) {
  switch (status) {
    case Status::kMet:
      return "met";
    case Status::kOnTrack:
      return "on_track";
    case Status::kBehind:
      return "behind";
    case Status::kNoTarget:
      return "no_target";
    case Status::kNoPopulation:
      return "no_population";
  }
  return "no_target";
}

std::optional<double> Percent(double numerator, std::optional<double> denominator) {
  if (!denominator || !(*denominator > 0)) return std::nullopt;
  return std::round(numerator / *denominator * 1000.0) / 10.0;
}

Status Evaluate(const std::optional<TargetBound>& target, double numerator,
                std::optional<double> denominator, Measure measure,
                double elapsed_fraction_of_year) {
  double value = numerator;
  if (measure == Measure::kPercent) {
    const std::optional<double> percent = Percent(numerator, denominator);
    if (!percent) return Status::kNoPopulation;
    value = *percent;
  }
  if (!target) return Status::kNoTarget;
  if (Meets(value, *target)) return Status::kMet;
  const double elapsed = std::clamp(elapsed_fraction_of_year, 0.0, 1.0);
  if (elapsed < 1.0 && target->min && value >= *target->min * elapsed) return Status::kOnTrack;
  return Status::kBehind;
}

}  // namespace cnscd::indicators
