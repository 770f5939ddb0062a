// (stub: being written)
#include "app/membership_requests.hpp"
