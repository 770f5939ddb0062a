#include "http/attachment.hpp"

#include <cctype>

namespace cnscd::http {

std::string PercentEncodeAttr(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 ||
        std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

Response Attachment(documents::ExportFile file) {
  Response r;
  r.status = 200;
  r.content_type = std::move(file.content_type);
  r.body = std::move(file.bytes);
  // The ASCII name is a quoted-string: Slug leaves only letters, digits, '-' and '.', so it
  // holds no quote or backslash to escape.
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.name.ascii +
                                                    "\"; filename*=UTF-8''" +
                                                    PercentEncodeAttr(file.name.utf8));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace cnscd::http
