#pragma once
// Targets (chỉ tiêu) as the seeds write them (DOMAIN.md §7): a range "80–90 %", a floor
// "≥ 40 %", a strict floor "> 70 %", a count "≥ 1". Pure rules: checking, meeting, describing,
// and reading the seeds' own text form.
#include <optional>
#include <string>
#include <string_view>

namespace cnscd {

// What an indicator's value is: a percentage of a cohort, or a plain count (cashless streets).
enum class Measure { kPercent, kCount };
std::string_view ToString(Measure measure);  // "percent", "count"

// 80–90 % is {80, 90}; ≥ 40 % is {40}; > 70 % is {70, none, strict}; a count ≥ 1 is {1}.
// A max alone is a ceiling (≤ 10 %); no seed has one, but nothing forbids it.
struct TargetBound {
  std::optional<double> min;
  std::optional<double> max;
  bool strict = false;  // the floor is exclusive: "> 70 %"
};

// Throws 422 (field "min" or "max") unless the bound has a min or a max, its numbers are finite and
// not negative, percent bounds lie in 0..100, count bounds are whole numbers, min ≤ max (min < max
// when strict), and strict comes with a min that can still be exceeded (not "> 100 %").
void CheckBound(const TargetBound& bound, Measure measure);

// Whether `value` meets the bound: above the floor (strictly when strict). A range's max does not
// count against the value: the seeds' ranges are aspirations ("phấn đấu đạt từ 80-90%"), so a
// commune that reaches 95 % has done better than asked, not failed. Only a max without a min (a
// ceiling) is checked: value ≤ max.
bool Meets(double value, const TargetBound& bound);

// The bound as the documents write it: "80–90 %", "≥ 40 %", "> 70 %", "≥ 1", "≤ 10 %".
std::string Describe(const TargetBound& bound, Measure measure);

// Reads a target in the seeds' text form, for imports: "90 %" and "50%" (a plain figure is a
// floor), "80–90 %" / "80-90%" (en dash or hyphen), "≥ 40 %" / ">= 40%", "> 70 %", "≥ 1" / "1",
// "≤ 10 %" / "<= 10%", and the plan's own words: "từ 40% trở lên", "trên 50%", "ít nhất 01".
// A comma is accepted as the decimal mark ("92,5 %"). With a "%" the bound is checked as a percent.
// Throws 422 (field "target") for anything else.
TargetBound ParseSeedTarget(std::string_view text);

}  // namespace cnscd
