// (cashless places routes: filled by its helper)
#include "http/router.hpp"

namespace cnscd::http {

void AddCashlessPlaceRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
