#include "core/synthetic.hpp"

#include <algorithm>
#include <charconv>

namespace cnscd::synthetic {

Region RegionOfProvinceCode(std::string_view code) {
  int n = 0;
  std::from_chars(code.data(), code.data() + code.size(), n);
  // Điện Biên, Lai Châu, Sơn La: the Thái and H'Mông highlands, where villages are bản.
  if (n == 11 || n == 12 || n == 14) return Region::kNorthWestHighlands;
  if (n < 38) return Region::kNorth;
  if (n < 70) return Region::kCentre;  // Thanh Hóa (38) to Lâm Đồng (68)
  return Region::kSouth;
}

Range VillagesPerCommune(bool two_level) { return two_level ? Range{18, 27} : Range{5, 9}; }

int MembersPerTeam(std::uint64_t percentile) {
  if (percentile < 55) return 4;
  if (percentile < 85) return 5;
  if (percentile < 93) return 6;
  if (percentile < 97) return 7;
  return 8;
}

std::string VillageSubkind(Region region, std::string_view commune_subkind) {
  const bool urban = commune_subkind == "phường" || commune_subkind == "thị trấn";
  if (urban) return region == Region::kSouth ? "khu phố" : "tổ dân phố";
  switch (region) {
    case Region::kNorthWestHighlands:
      return "bản";
    case Region::kSouth:
      return "ấp";
    case Region::kNorth:
    case Region::kCentre:
      break;
  }
  return "thôn";
}

std::string VillageName(std::string_view subkind, int number) {
  static const std::map<std::string_view, std::string_view> kCapitalised{
      {"thôn", "Thôn"},
      {"bản", "Bản"},
      {"ấp", "Ấp"},
      {"xóm", "Xóm"},
      {"tổ dân phố", "Tổ dân phố"},
      {"khu phố", "Khu phố"},
  };
  const auto it = kCapitalised.find(subkind);
  const std::string word =
      it == kCapitalised.end() ? std::string(subkind) : std::string(it->second);
  return word + " " + std::to_string(number);
}

std::string HeadOfVillage(std::string_view subkind) {
  if (subkind == "tổ dân phố") return "Tổ trưởng tổ dân phố";
  if (subkind == "khu phố") return "Trưởng khu phố";
  return "Trưởng " + std::string(subkind);
}

std::map<std::string, std::int64_t> CohortsFromHouseholds(std::int64_t households) {
  const std::int64_t people = households * 36 / 10;
  return {
      {"age14plus", people * 77 / 100}, {"age15plus", people * 75 / 100},
      {"age18plus", people * 70 / 100}, {"working_age", people * 62 / 100},
      {"households", households},       {"business_households", households / 12},
      {"businesses", households / 60},
  };
}

std::string FullName(std::string_view surname, std::string_view middle, std::string_view given) {
  std::string out;
  for (const std::string_view part : {surname, middle, given}) {
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

std::size_t PickCumulative(const std::vector<std::uint64_t>& cumulative, std::uint64_t draw) {
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), draw);
  if (it == cumulative.end()) return cumulative.size() - 1;
  return static_cast<std::size_t>(it - cumulative.begin());
}

std::vector<int> Share(int total, int parts) {
  std::vector<int> out;
  if (parts <= 0) return out;
  out.assign(static_cast<std::size_t>(parts), total / parts);
  for (int i = 0; i < total % parts; ++i) ++out[static_cast<std::size_t>(i)];
  return out;
}

}  // namespace cnscd::synthetic
