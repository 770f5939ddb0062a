// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {
void AddRequestRoutes(Router&) {}
}  // namespace cnscd::http
