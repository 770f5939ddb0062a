// (stub: being written)
#include "app/audit_log.hpp"
