// Fuzz target: the official unit-list parser (format detection, rows, refusals).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "documents/unit_lists.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)cnscd::documents::ParseUnitList(
        std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const cnscd::Error&) {
  }
  return 0;
}
