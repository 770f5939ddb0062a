// Fuzz target: the XLSX reader (libzip + pugixml: shared strings, merges, numbers, size caps).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "documents/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)cnscd::documents::ReadXlsx(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const cnscd::Error&) {
  }
  return 0;
}
