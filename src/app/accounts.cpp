// (stub: being written)
#include "app/accounts.hpp"
