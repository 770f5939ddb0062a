#pragma once
// What every use case receives: the store, the clock, and who is asking.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace cnscd::app {

struct Context {
  store::Store& store;
  // The clock is injected so that tests can fix "today".
  std::function<std::chrono::system_clock::time_point()> now = [] {
    return std::chrono::system_clock::now();
  };
  std::string Today() const;  // YYYY-MM-DD, UTC+7 (Vietnam has one time zone and no DST)
  std::string NowTimestamp() const;
};

// The signed-in account. Scoped roles (grant on a unit subtree) are enforced from the roles issue
// on; today every signed-in account may act everywhere.
struct Caller {
  store::Id account_id = 0;
  std::string username;
  std::vector<store::Grant> grants;
};

}  // namespace cnscd::app
