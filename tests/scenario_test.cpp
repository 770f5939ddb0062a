// Runs the composition scenarios in tests/scenarios/*.test against the core rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/policy.hpp"

namespace cnscd {
namespace {

struct Scenario {
  std::string file;
  int line = 0;
  std::string title;
  TeamLevel level = TeamLevel::kVillage;
  RoleCounts counts;
  std::vector<std::string> expected;
};

LevelPolicy ParsePolicy(std::istringstream& in) {
  LevelPolicy p;
  std::string word;
  while (in >> word) {
    if (word.starts_with("min="))
      p.min = std::stoi(word.substr(4));
    else if (word.starts_with("max="))
      p.max = std::stoi(word.substr(4));
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
  std::ifstream file(path);
  CompositionPolicy policy;
  std::vector<Scenario> scenarios;
  std::string line;
  int number = 0;
  while (std::getline(file, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    std::string head;
    in >> head;
    if (head == "policy") {
      std::string level;
      in >> level;
      (level == "commune" ? policy.commune : policy.village) = ParsePolicy(in);
    } else if (head == "scenario") {
      scenarios.push_back({path.filename().string(), number, line.substr(9), {}, {}, {}});
    } else if (head == "team") {
      std::string level;
      in >> level;
      scenarios.back().level = *ParseTeamLevel(level);
    } else if (auto role = ParseRole(head)) {
      int n = 0;
      in >> n;
      scenarios.back().counts.Add(*role, n);
    } else if (head == "expect") {
      std::string code;
      while (in >> code) {
        if (code != "none") scenarios.back().expected.push_back(code);
      }
    } else {
      ADD_FAILURE() << path << ":" << number << ": cannot read '" << line << "'";
    }
  }
  ASSERT_FALSE(scenarios.empty()) << path;
  for (const Scenario& s : scenarios) {
    std::vector<std::string> got;
    for (const Violation& v : Evaluate(EffectiveLevelPolicy({policy}, s.level), s.counts)) {
      got.push_back(v.code);
    }
    EXPECT_EQ(got, s.expected) << s.file << ":" << s.line << ": " << s.title;
  }
}

TEST(Scenarios, EveryProvincePolicyBehavesAsItsDocumentSays) {
  const std::filesystem::path dir = std::filesystem::path(CNSCD_SOURCE_DIR) / "tests/scenarios";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".test") continue;
    ++files;
    SCOPED_TRACE(entry.path().filename().string());
    RunFile(entry.path());
  }
  EXPECT_GE(files, 3);
}

}  // namespace
}  // namespace cnscd
