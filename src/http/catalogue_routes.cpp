// (catalogue routes: filled by its helper)
#include "http/router.hpp"

namespace cnscd::http {

void AddCatalogueRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
