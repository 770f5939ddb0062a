// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {
void AddAuditRoutes(Router&) {}
}  // namespace cnscd::http
