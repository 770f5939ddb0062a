// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {
void AddAccountRoutes(Router&) {}
}  // namespace cnscd::http
