#pragma once
// The ids devices give their records (support records, sessions, events): a resend carries the
// same UUID, so the shape is checked before anything is looked up.
#include <string_view>

namespace cnscd {

// 8-4-4-4-12 hexadecimal digits, either case.
bool IsUuid(std::string_view s);

}  // namespace cnscd
