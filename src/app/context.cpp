#include "app/context.hpp"

#include "core/dates.hpp"

namespace cnscd::app {

std::string Context::Today() const {
  using namespace std::chrono;
  return dates::Date(floor<days>(now() + hours(7)));
}

std::string Context::NowTimestamp() const { return dates::Timestamp(now()); }

}  // namespace cnscd::app
