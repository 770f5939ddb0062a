// (stub: being written)
#include "core/membership_request.hpp"
