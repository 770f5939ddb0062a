// (allowances routes: filled by its helper)
#include "http/router.hpp"

namespace cnscd::http {

void AddAllowanceRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
