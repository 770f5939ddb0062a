// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {

void AddSupportRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
