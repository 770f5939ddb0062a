// (reports routes: filled by its helper)
#include "http/router.hpp"

namespace cnscd::http {

void AddReportRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
