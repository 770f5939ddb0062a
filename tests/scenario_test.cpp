// Runs the composition scenarios in tests/scenarios/*.test against the core rules.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/policy.hpp"
#include "scenario_file.hpp"

namespace cnscd {
namespace {

using cnscd_test::ScenarioLine;

struct Scenario {
  std::string where;
  std::string title;
  TeamLevel level = TeamLevel::kVillage;
  RoleCounts counts;
  std::vector<std::string> expected;
};

LevelPolicy ParsePolicy(ScenarioLine& line) {
  LevelPolicy p;
  while (!line.AtEnd()) {
    const std::string word = line.Next();
    if (auto min = cnscd_test::SettingValue(word, "min"))
      p.min = cnscd_test::ToInt(*min);
    else if (auto max = cnscd_test::SettingValue(word, "max"))
      p.max = cnscd_test::ToInt(*max);
    else if (word == "leader")
      p.require_leader = true;
    else if (word == "deputy")
      p.require_deputy = true;
    else if (word == "strict")
      p.strict = true;
    else
      throw std::runtime_error("unknown policy word: " + word);
  }
  return p;
}

void RunFile(const std::filesystem::path& path) {
  CompositionPolicy policy;
  std::vector<Scenario> scenarios;
  for (ScenarioLine& line : cnscd_test::ReadScenarioFile(path)) {
    try {
      const std::string head = line.Next();
      if (head == "policy") {
        const std::string level = line.Next();
        (level == "commune" ? policy.commune : policy.village) = ParsePolicy(line);
      } else if (head == "scenario") {
        scenarios.push_back({line.Where(), line.Rest(), {}, {}, {}});
      } else if (scenarios.empty()) {
        throw std::runtime_error("no scenario yet");
      } else if (head == "team") {
        const auto level = ParseTeamLevel(line.Next());
        if (!level) throw std::runtime_error("unknown team level");
        scenarios.back().level = *level;
      } else if (auto role = ParseRole(head)) {
        scenarios.back().counts.Add(*role, cnscd_test::ToInt(line.Next()));
      } else if (head == "expect") {
        while (!line.AtEnd()) {
          const std::string code = line.Next();
          if (code != "none") scenarios.back().expected.push_back(code);
        }
      } else {
        throw std::runtime_error("unknown line");
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << line.Where() << ": cannot read '" << line.text() << "': " << e.what();
    }
  }
  ASSERT_FALSE(scenarios.empty()) << path;
  for (const Scenario& s : scenarios) {
    std::vector<std::string> got;
    for (const Violation& v : Evaluate(EffectiveLevelPolicy({policy}, s.level), s.counts)) {
      got.push_back(v.code);
    }
    EXPECT_EQ(got, s.expected) << s.where << ": " << s.title;
  }
}

TEST(Scenarios, EveryProvincePolicyBehavesAsItsDocumentSays) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(cnscd_test::ScenarioDir())) {
    if (entry.path().extension() != ".test") continue;
    ++files;
    SCOPED_TRACE(entry.path().filename().string());
    RunFile(entry.path());
  }
  EXPECT_GE(files, 3);
}

}  // namespace
}  // namespace cnscd
