// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {

void AddIndicatorRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
