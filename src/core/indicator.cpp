#include "core/indicator.hpp"

#include <algorithm>
#include <cmath>

namespace cnscd::indicators {

const std::vector<Indicator>& BuiltinIndicators() {
  // Names follow seed 004's targets (Quảng Sơn, 2025–2030).
  static const std::vector<Indicator> kIndicators{
      {"vneid", "Người dân từ 14 tuổi trở lên cài đặt, sử dụng tài khoản định danh điện tử mức 2",
       "People aged 14+ using VNeID level 2", "vneid", "age14plus", Measure::kPercent},
      {"health_record", "Người dân từ 14 tuổi trở lên sử dụng ứng dụng hồ sơ sức khỏe điện tử",
       "People aged 14+ using the electronic health record app", "health_record", "age14plus",
       Measure::kPercent},
      {"digital_signature", "Cá nhân từ 18 tuổi trở lên có chữ ký số hoặc chữ ký điện tử",
       "People aged 18+ with a digital or electronic signature", "digital_signature", "age18plus",
       Measure::kPercent},
      {"public_service", "Người dân từ 18 tuổi trở lên sử dụng dịch vụ công trực tuyến",
       "People aged 18+ using online public services", "public_service", "age18plus",
       Measure::kPercent},
      {"payment_account", "Người dân từ 15 tuổi trở lên có tài khoản giao dịch thanh toán số",
       "People aged 15+ with a digital payment account", "payment_account", "age15plus",
       Measure::kPercent},
      {"ecommerce", "Người dân từ 14 tuổi trở lên khai thác các sàn thương mại điện tử",
       "People aged 14+ using e-commerce platforms", "ecommerce", "age14plus", Measure::kPercent},
      {"social_network", "Người dân từ 14 tuổi trở lên sử dụng mạng xã hội",
       "People aged 14+ using social networks and messengers", "social_network", "age14plus",
       Measure::kPercent},
      {"citizen_app", "Người dân từ 14 tuổi trở lên sử dụng ứng dụng Công dân số của tỉnh",
       "People aged 14+ using the province's citizen app", "citizen_app", "age14plus",
       Measure::kPercent},
      {"qr_payment",
       "Doanh nghiệp, hộ kinh doanh, cửa hàng, tiểu thương chấp nhận thanh toán không dùng tiền "
       "mặt (niêm yết mã QR)",
       "Businesses and shops accepting cashless payment (QR code shown)", "qr_payment",
       "businesses", Measure::kPercent},
      {"cashless_street", "Tuyến đường “Không sử dụng tiền mặt”", "Cashless streets", "", "",
       Measure::kCount},
      {"cashless_market", "Chợ thanh toán không dùng tiền mặt", "Cashless markets", "", "",
       Measure::kCount},
  };
  return kIndicators;
}

const Indicator* FindBuiltinIndicator(std::string_view code) {
  const std::vector<Indicator>& all = BuiltinIndicators();
  auto it =
      std::find_if(all.begin(), all.end(), [&](const Indicator& i) { return i.code == code; });
  return it == all.end() ? nullptr : &*it;
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
