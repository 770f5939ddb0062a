#pragma once
// A file answered for download: every export (Form 1, Form 2, the consolidated report, the
// allowance sheet) leaves through here.
#include "documents/export.hpp"
#include "http/request.hpp"

namespace cnscd::http {

// 200 with the file's bytes and type, `Content-Disposition: attachment` naming it in ASCII
// (filename=) and in Vietnamese (filename*=UTF-8'', RFC 6266 and 8187), and `Cache-Control:
// no-store`: these files name people, so no proxy keeps them.
Response Attachment(documents::ExportFile file);

// RFC 8187 ext-value: UTF-8 bytes percent-encoded but for attr-chars. RESTinio decodes these
// and parses Content-Disposition, but has no encoder, so it is written here once.
std::string PercentEncodeAttr(std::string_view text);

}  // namespace cnscd::http
