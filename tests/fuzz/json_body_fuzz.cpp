// Fuzz target: request bodies as the API reads them (JSON object, then typed fields).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "http/json_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cnscd::http;
  try {
    const Json body = ParseObject(std::string(reinterpret_cast<const char*>(data), size));
    (void)OptString(body, "name");
    (void)OptInt(body, "parent_id");
    (void)OptBool(body, "strict");
    if (auto person = OptObject(body, "person")) (void)OptString(*person, "phone", "person.");
  } catch (const cnscd::Error&) {
  }
  return 0;
}
