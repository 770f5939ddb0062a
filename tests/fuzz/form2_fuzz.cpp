// Fuzz target: Form 2 sheets as officials fill them (CSV or XLSX, header search, carried cells).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "documents/form2.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    (void)cnscd::documents::ReadForm2(bytes, "members.csv");
  } catch (const cnscd::Error&) {
  }
  return 0;
}
