#pragma once
// UUIDs for the records tests send (support records, sessions, events): the store and the API
// take a client's UUID, and a resend carries the same one.
#include <cstdint>
#include <string>

namespace cnscd_test {

// The UUID numbered `n` (in `group`): the same numbers give the same UUID, so that a test can
// resend or void a record it knows by number. Version-4 shaped: gggggggg-0000-4000-8000-nnnn….
std::string Uuid(std::uint32_t group, std::uint64_t n);
inline std::string Uuid(std::uint32_t n) { return Uuid(n, n); }

// A UUID never given before in this process (one server's database lives as long as it).
std::string NewUuid();

}  // namespace cnscd_test
