// (cashless places API tests: filled by its author)
#include <gtest/gtest.h>

#include "server_process.hpp"
