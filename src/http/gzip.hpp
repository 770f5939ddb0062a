#pragma once
// JSON answers gzipped for the clients that accept it, in the one step every response passes
// (server.cpp's Reply), not per handler. Static files come pre-gzipped from the build instead.
#include <cstddef>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace cnscd::http {

// Below this many bytes a body goes as it is: on a small answer gzip's framing and the CPU time
// win nothing a phone would notice.
inline constexpr std::size_t kGzipMinBytes = 1024;

// `data` as a gzip stream (RFC 1952), at zlib's default level.
std::string Gzip(std::string_view data);

// A JSON body of kGzipMinBytes or more says `Vary: Accept-Encoding` and, when the client accepts
// gzip, goes gzipped with `Content-Encoding: gzip`. Files, other types and small bodies are left
// as they are.
void CompressJson(Response& response, bool accepts_gzip);

}  // namespace cnscd::http
