// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {
void AddDecisionRoutes(Router&) {}
}  // namespace cnscd::http
