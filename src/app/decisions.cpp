// (stub: being written)
#include "app/decisions.hpp"
