#pragma once
// The tests' reading of a gzip stream, to compare a gzipped answer with the plain one.
#include <string>
#include <string_view>

namespace cnscd_test {

// The bytes `gz` (a whole gzip stream) holds; throws std::runtime_error when it is not one.
std::string Gunzip(std::string_view gz);

}  // namespace cnscd_test
