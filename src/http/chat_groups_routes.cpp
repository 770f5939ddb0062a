// (stub: being written)
#include "http/router.hpp"

namespace cnscd::http {

void AddChatGroupRoutes(Router& /*router*/) {}

}  // namespace cnscd::http
