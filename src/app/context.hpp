#pragma once
// What every use case receives: the store, the clock, and who is asking.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/access.hpp"
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
  // A transaction that stamps what it writes with this clock's time (store::Transaction::Now).
  std::unique_ptr<store::Transaction> Begin(store::Access access) const;
};

// The signed-in account, its grants resolved to where they reach, and where the request came
// from (for the audit trail).
struct Caller {
  store::Id account_id = 0;
  std::string username;
  std::string full_name;  // shown by the web app; may be empty
  std::vector<store::Grant> grants;
  std::vector<HeldGrant> held;
  std::string address;     // the client's IP, or "cli" for the command line
  std::string token_hash;  // the session's token hash (empty for the command line)
  std::optional<store::Id> audit_account() const {
    return account_id == 0 ? std::nullopt : std::optional<store::Id>(account_id);
  }
};

// The command line and the demo seeder act as an administrator of the whole country.
Caller SystemCaller(const std::string& who);

}  // namespace cnscd::app
