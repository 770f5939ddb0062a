// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {

void AddDocumentRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
