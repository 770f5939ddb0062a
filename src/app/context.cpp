#include "app/context.hpp"

#include "core/dates.hpp"

namespace cnscd::app {

std::string Context::Today() const {
  using namespace std::chrono;
  return dates::Date(floor<days>(now() + hours(7)));
}

std::string Context::NowTimestamp() const { return dates::Timestamp(now()); }

std::unique_ptr<store::Transaction> Context::Begin(store::Access access) const {
  auto tx = store.Begin(access);
  tx->SetNow(NowTimestamp());
  return tx;
}

Caller SystemCaller(const std::string& who) {
  Caller c;
  c.username = who;
  c.held.push_back({GrantRole::kAdmin, "/", std::nullopt});
  c.address = "cli";
  return c;
}

}  // namespace cnscd::app
