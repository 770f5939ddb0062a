#pragma once
// What a call was refused with, for the unit tests of rules that throw cnscd::Error: said once so
// that every such test checks the error's two languages the same way.
#include <functional>
#include <optional>
#include <string>

namespace cnscd_test {

struct Refusal {
  std::string code;
  std::string field;
};

// Runs `f`: the code and field of the cnscd::Error it throws, having checked (with gtest) that
// the error has a message in Vietnamese and in English; nullopt when it throws none.
std::optional<Refusal> RefusalOf(const std::function<void()>& f);

}  // namespace cnscd_test
