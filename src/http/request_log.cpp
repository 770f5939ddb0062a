#include "http/request_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace cnscd::http {

namespace {

// A client writes the user agent: no tab or line break of its own may split or forge a line.
constexpr std::size_t kMaxUserAgent = 200;

void AppendField(std::string& line, std::string_view text, std::size_t max) {
  for (std::size_t i = 0; i < text.size() && i < max; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    line += c < 0x20 || c == 0x7f ? ' ' : text[i];
  }
}

}  // namespace

RequestLog::RequestLog(const std::string& file)
    : fd_(::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) {
  if (fd_ < 0) {
    const std::string why = std::strerror(errno);
    throw std::runtime_error("không mở được nhật ký yêu cầu / cannot open the request log " + file +
                             ": " + why);
  }
}

RequestLog::~RequestLog() { ::close(fd_); }

void RequestLog::Write(std::string_view method, std::string_view route, int status,
                       std::string_view user_agent) const {
  std::string line;
  line.reserve(64 + route.size() + kMaxUserAgent);
  AppendField(line, method, 16);
  line += '\t';
  line += route.empty() ? "-" : route;
  line += '\t';
  line += std::to_string(status);
  line += '\t';
  AppendField(line, user_agent.empty() ? "-" : user_agent, kMaxUserAgent);
  line += '\n';
  // A log that cannot be written must not fail the request it describes.
  while (::write(fd_, line.data(), line.size()) < 0 && errno == EINTR) {
  }
}

}  // namespace cnscd::http
