#pragma once
// Rules of the synthetic country that `cnscd gen` builds: how many villages a commune has, what
// its villages are called, how many people live there, how a name is put together. Pure: the
// random draws are made by the caller (with Rng below) and passed in, so the same draws give the
// same country.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::synthetic {

// splitmix64: tiny, fast, and the same stream on every compiler (std:: distributions are not),
// so that a seed gives the same nation everywhere (`cnscd gen`, the benchmarks).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }
  std::uint64_t Below(std::uint64_t n) { return n == 0 ? 0 : Next() % n; }
  int Between(int lo, int hi) {
    const auto width = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    return lo + static_cast<int>(Below(width));
  }
  bool Chance(int percent) { return Below(100) < static_cast<std::uint64_t>(percent); }

 private:
  std::uint64_t state_;
};

// The three regions, which name their villages differently (thôn in the North and Centre, bản
// in the north-western highlands, ấp in the South).
enum class Region { kNorth, kNorthWestHighlands, kCentre, kSouth };

// The region of a province from its GSO code (pre-2025 and 2025 codes alike).
Region RegionOfProvinceCode(std::string_view code);

// Villages per commune, inclusive bounds, drawn evenly: 18–27 in the two-level shape of 2025
// (3,321 communes × 22.5 ≈ the programme's 74,000 villages and teams); 5–9 in the three-level
// shape before the merger (10,035 communes holding about the same villages).
struct Range {
  int min = 0;
  int max = 0;
};
Range VillagesPerCommune(bool two_level);

// Members of a team, 4 to 8, from a percentile draw in [0, 100): most teams have the four or
// five the seeds ask for at least (55 % four, 30 % five, 8 % six, 4 % seven, 3 % eight; 4.7 on
// average), so ~74,000 teams hold ~350,000 members, as the programme's 340,000.
int MembersPerTeam(std::uint64_t percentile);

// The village word for a commune: "tổ dân phố" in wards and towns (khu phố in the South), else
// the region's rural word. `commune_subkind` is the lowercase type word ("xã", "phường", ...).
std::string VillageSubkind(Region region, std::string_view commune_subkind);

// "Thôn 3", "Ấp 3", "Bản 3", "Tổ dân phố 3": the subkind with its first letter capitalised,
// then the number.
std::string VillageName(std::string_view subkind, int number);

// The occupation a team leader usually has: the head of the village (trưởng thôn, trưởng ấp,
// tổ trưởng tổ dân phố).
std::string HeadOfVillage(std::string_view subkind);

// The cohorts of a commune (the denominators of the targets) from its households: about 3.6
// people per household, of whom 77 % are 14 or older; one household in twelve runs a business.
// Every cohort in Cohorts() is present, and the age cohorts shrink with age.
std::map<std::string, std::int64_t> CohortsFromHouseholds(std::int64_t households);

// "Nguyễn Thị Hoa": the non-empty parts joined by single spaces.
std::string FullName(std::string_view surname, std::string_view middle, std::string_view given);

// Weighted choice: the index i such that cumulative[i-1] <= draw < cumulative[i], where
// `cumulative` holds running totals of the weights and draw is in [0, cumulative.back()).
// Draws outside are clamped to the first or last item. Requires a non-empty list.
std::size_t PickCumulative(const std::vector<std::uint64_t>& cumulative, std::uint64_t draw);

// `total` items shared between `parts` as evenly as possible, the first ones taking the
// remainder: Share(10, 3) = {4, 3, 3}.
std::vector<int> Share(int total, int parts);

}  // namespace cnscd::synthetic
