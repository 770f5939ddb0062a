// Targets as seeds 003 and 004 write them (DOMAIN.md §7), and the scenario files
// tests/scenarios/targets/*.test that evaluate them line by line (syntax at the top of each file).
#include "core/target.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "core/error.hpp"
#include "core/indicator.hpp"
#include "core/service.hpp"
#include "scenario_file.hpp"

namespace cnscd {
namespace {

TargetBound Bound(std::optional<double> min, std::optional<double> max, bool strict = false) {
  return TargetBound{min, max, strict};
}

std::string FieldOfRefusal(const TargetBound& b, Measure m) {
  try {
    CheckBound(b, m);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken);
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
    return e.field();
  }
  return "accepted";
}

TEST(CheckBound, AcceptsTheSeedsForms) {
  EXPECT_NO_THROW(CheckBound(Bound(80, 90), Measure::kPercent));                  // 80–90 %
  EXPECT_NO_THROW(CheckBound(Bound(40, std::nullopt), Measure::kPercent));        // ≥ 40 %
  EXPECT_NO_THROW(CheckBound(Bound(70, std::nullopt, true), Measure::kPercent));  // > 70 %
  EXPECT_NO_THROW(CheckBound(Bound(100, std::nullopt), Measure::kPercent));       // 100 %
  EXPECT_NO_THROW(CheckBound(Bound(1, std::nullopt), Measure::kCount));           // ≥ 1
  EXPECT_NO_THROW(CheckBound(Bound(std::nullopt, 10), Measure::kPercent));        // ≤ 10 %
}

TEST(CheckBound, RefusesWhatNoPlanCouldMean) {
  EXPECT_EQ(FieldOfRefusal(Bound(std::nullopt, std::nullopt), Measure::kPercent), "min");
  EXPECT_EQ(FieldOfRefusal(Bound(101, std::nullopt), Measure::kPercent), "min");
  EXPECT_EQ(FieldOfRefusal(Bound(-1, std::nullopt), Measure::kPercent), "min");
  EXPECT_EQ(FieldOfRefusal(Bound(80, 120), Measure::kPercent), "max");
  EXPECT_EQ(FieldOfRefusal(Bound(90, 80), Measure::kPercent), "max");
  EXPECT_EQ(FieldOfRefusal(Bound(80, 80, true), Measure::kPercent), "max");
  EXPECT_EQ(FieldOfRefusal(Bound(100, std::nullopt, true), Measure::kPercent), "min");
  EXPECT_EQ(FieldOfRefusal(Bound(std::nullopt, 10, true), Measure::kPercent), "min");
  EXPECT_EQ(FieldOfRefusal(Bound(1.5, std::nullopt), Measure::kCount), "min");
  EXPECT_EQ(FieldOfRefusal(Bound(std::nan(""), std::nullopt), Measure::kCount), "min");
  EXPECT_EQ(FieldOfRefusal(Bound(500, std::nullopt), Measure::kCount), "accepted");
}

TEST(Meets, AFloorIsReachedAtItsValue) {
  EXPECT_TRUE(Meets(40, Bound(40, std::nullopt)));
  EXPECT_FALSE(Meets(39.9, Bound(40, std::nullopt)));
}

TEST(Meets, AStrictFloorMustBeExceeded) {
  EXPECT_FALSE(Meets(70, Bound(70, std::nullopt, true)));
  EXPECT_TRUE(Meets(70.1, Bound(70, std::nullopt, true)));
}

TEST(Meets, ARangeIsAnAspirationSoAboveItIsStillMet) {
  EXPECT_FALSE(Meets(79.9, Bound(80, 90)));
  EXPECT_TRUE(Meets(80, Bound(80, 90)));
  EXPECT_TRUE(Meets(90, Bound(80, 90)));
  EXPECT_TRUE(Meets(95, Bound(80, 90)));
}

TEST(Meets, ACeilingAloneIsChecked) {
  EXPECT_TRUE(Meets(10, Bound(std::nullopt, 10)));
  EXPECT_FALSE(Meets(10.1, Bound(std::nullopt, 10)));
}

TEST(Describe, WritesTheBoundAsThePlansDo) {
  EXPECT_EQ(Describe(Bound(80, 90), Measure::kPercent), "80–90 %");
  EXPECT_EQ(Describe(Bound(40, std::nullopt), Measure::kPercent), "≥ 40 %");
  EXPECT_EQ(Describe(Bound(70, std::nullopt, true), Measure::kPercent), "> 70 %");
  EXPECT_EQ(Describe(Bound(1, std::nullopt), Measure::kCount), "≥ 1");
  EXPECT_EQ(Describe(Bound(std::nullopt, 10), Measure::kPercent), "≤ 10 %");
  EXPECT_EQ(Describe(Bound(92.5, std::nullopt), Measure::kPercent), "≥ 92.5 %");
  EXPECT_EQ(Describe(Bound(80, 90, true), Measure::kPercent), "> 80 %, ≤ 90 %");
}

void ExpectParsed(std::string_view text, std::optional<double> min, std::optional<double> max,
                  bool strict) {
  const TargetBound b = ParseSeedTarget(text);
  EXPECT_EQ(b.min, min) << text;
  EXPECT_EQ(b.max, max) << text;
  EXPECT_EQ(b.strict, strict) << text;
}

TEST(ParseSeedTarget, ReadsTheSeedsForms) {
  ExpectParsed("90 %", 90, std::nullopt, false);  // a plain figure is a floor
  ExpectParsed("50%", 50, std::nullopt, false);
  ExpectParsed("80–90 %", 80, 90, false);
  ExpectParsed("80-90%", 80, 90, false);
  ExpectParsed(" 80 – 90 % ", 80, 90, false);
  ExpectParsed("80%-90%", 80, 90, false);
  ExpectParsed("≥ 40 %", 40, std::nullopt, false);
  ExpectParsed(">= 40%", 40, std::nullopt, false);
  ExpectParsed("> 70 %", 70, std::nullopt, true);
  ExpectParsed(">70%", 70, std::nullopt, true);
  ExpectParsed("≥ 1", 1, std::nullopt, false);
  ExpectParsed("1", 1, std::nullopt, false);
  ExpectParsed("≤ 10 %", std::nullopt, 10, false);
  ExpectParsed("<=10%", std::nullopt, 10, false);
  ExpectParsed("92,5 %", 92.5, std::nullopt, false);
  ExpectParsed("92.5%", 92.5, std::nullopt, false);
}

TEST(ParseSeedTarget, ReadsThePlansOwnWords) {
  ExpectParsed("từ 40% trở lên", 40, std::nullopt, false);  // seed 004 #3
  ExpectParsed("từ 80-90%", 80, 90, false);                 // seed 004 #2
  ExpectParsed("trên 50%", 50, std::nullopt, true);         // seed 004 #4
  ExpectParsed("ít nhất 01", 1, std::nullopt, false);       // seed 004 #8
  ExpectParsed("từ 20% trở lên", 20, std::nullopt, false);  // seed 003 e)
}

TEST(ParseSeedTarget, RefusesAnythingElse) {
  for (std::string_view bad : {"", "%", "abc", "90 % abc", "≥", "> 80–90 %", "80–", "120 %",
                               "90–80 %", "> 100 %", "- 5 %", "1e3"}) {
    try {
      ParseSeedTarget(bad);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken) << bad;
      EXPECT_EQ(e.field(), "target") << bad;
    }
  }
}

// ---- the scenario files ----

struct Failure {
  std::string where;
  std::string what;
};

// One line: `<indicator> target "<text>"|no target helped <n> of <d>|counted <n> at <f> →
// <status>`.
void RunScenarioLine(cnscd_test::ScenarioLine& line, std::map<std::string, Measure>& defined,
                     int& cases, std::vector<Failure>& failures) {
  const std::string code = line.Next();
  if (code == "define") {
    const std::string new_code = line.Next();
    const std::string measure = line.Next();
    const std::string cohort = line.AtEnd() ? "" : line.Next();
    if (measure != "percent" && measure != "count") throw std::runtime_error("bad measure");
    if (measure == "percent" && !IsCohort(cohort)) throw std::runtime_error("bad cohort");
    if (indicators::FindBuiltinIndicator(new_code) != nullptr) {
      throw std::runtime_error("redefines a built-in indicator");
    }
    defined[new_code] = measure == "percent" ? Measure::kPercent : Measure::kCount;
    return;
  }
  auto it = defined.find(code);
  if (it == defined.end()) throw std::runtime_error("unknown indicator " + code);
  const Measure measure = it->second;
  ++cases;
  std::string word = line.Next();
  std::optional<TargetBound> target;
  std::string target_text = "no target";
  if (word == "target") {
    target_text = line.Quoted();
    target = ParseSeedTarget(target_text);
    CheckBound(*target, measure);
  } else if (word == "no") {
    line.Expect("target");
  } else {
    throw std::runtime_error("expected `target \"...\"` or `no target`");
  }
  double numerator = 0;
  std::optional<double> denominator;
  word = line.Next();
  if (word == "helped") {
    numerator = line.Number();
    line.Expect("of");
    const std::string d = line.Next();
    if (d != "none") denominator = cnscd_test::ToNumber(d);
  } else if (word == "counted") {
    numerator = line.Number();
  } else {
    throw std::runtime_error("expected `helped N of D` or `counted N`");
  }
  if ((word == "helped") != (measure == Measure::kPercent)) {
    throw std::runtime_error("`helped` is for percent indicators, `counted` for counts");
  }
  line.Expect("at");
  const double elapsed = line.Number();
  const std::string expected = line.Expected();
  const std::string got(
      ToString(indicators::Evaluate(target, numerator, denominator, measure, elapsed)));
  if (got != expected) {
    failures.push_back(
        {line.Where(), code + " " + target_text + ": expected " + expected + ", got " + got});
  }
}

// Runs one file; returns the number of cases and records each failure.
int RunScenarioFile(const std::string& name, std::vector<Failure>& failures) {
  std::vector<cnscd_test::ScenarioLine> lines;
  try {
    lines = cnscd_test::ReadScenarioFile(cnscd_test::ScenarioDir() / "targets" / name);
  } catch (const std::exception& e) {
    failures.push_back({name, e.what()});
    return 0;
  }
  std::map<std::string, Measure> defined;
  for (const indicators::Indicator& i : indicators::BuiltinIndicators())
    defined[i.code] = i.measure;
  int cases = 0;
  for (cnscd_test::ScenarioLine& line : lines) {
    try {
      RunScenarioLine(line, defined, cases, failures);
    } catch (const std::exception& e) {
      failures.push_back({line.Where(), e.what()});
    }
  }
  return cases;
}

class TargetScenarios : public ::testing::TestWithParam<std::string> {};

TEST_P(TargetScenarios, EveryLineGivesItsStatus) {
  std::vector<Failure> failures;
  const int cases = RunScenarioFile(GetParam(), failures);
  EXPECT_GE(cases, 5);  // the file was found and read
  for (const Failure& f : failures) ADD_FAILURE() << f.where << ": " << f.what;
}

INSTANTIATE_TEST_SUITE_P(Seeds, TargetScenarios,
                         ::testing::Values("quang_son_2025.test", "soc_trang_2023.test"),
                         [](const auto& info) {
                           std::string n = info.param;
                           return n.substr(0, n.find('.'));
                         });

}  // namespace
}  // namespace cnscd
