// Fuzz target: the CSV reader (libcsv underneath) must refuse or read any bytes, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "documents/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)cnscd::documents::ReadCsv(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const cnscd::Error&) {  // a clear refusal is the right answer to garbage
  }
  return 0;
}
