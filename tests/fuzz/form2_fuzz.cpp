// Fuzz target: the sheets officials fill (CSV or XLSX, header search, carried cells): Form 2, and
// the village sheet with the plan of its rows (they share the reading of rows and titles).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "documents/form2.hpp"
#include "documents/village_sheet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    (void)cnscd::documents::ReadForm2(bytes, "members.csv");
  } catch (const cnscd::Error&) {
  }
  try {
    cnscd::village_sheet::Known known;
    known.communes.push_back({1, "Xã Nhơn Mỹ", "30001", {{2, "Thôn 1", "T1", {}}}});
    (void)cnscd::village_sheet::PlanVillageImport(
        cnscd::documents::ReadVillageSheet(bytes, "villages.csv"), known);
  } catch (const cnscd::Error&) {
  }
  return 0;
}
