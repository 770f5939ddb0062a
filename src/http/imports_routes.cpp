// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {

void AddImportRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
