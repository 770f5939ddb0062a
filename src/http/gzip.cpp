#include "http/gzip.hpp"

#include <zlib.h>

#include <limits>
#include <stdexcept>

namespace cnscd::http {

std::string Gzip(std::string_view data) {
  if (data.size() > std::numeric_limits<uInt>::max()) {
    throw std::length_error("gzip: input larger than 4 GB");
  }
  z_stream z{};
  // windowBits 15 + 16: the gzip wrapper (header and CRC-32) rather than zlib's.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("gzip: deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  // zlib's input pointer is not const but deflate never writes through it.
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);  // deflateBound leaves room for all of it at once
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  return out;
}

void CompressJson(Response& response, bool accepts_gzip) {
  if (!response.file.empty() || !response.content_type.starts_with("application/json") ||
      response.body.size() < kGzipMinBytes) {
    return;
  }
  response.headers.emplace_back("Vary", "Accept-Encoding");
  if (!accepts_gzip) return;
  response.body = Gzip(response.body);
  response.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace cnscd::http
