#pragma once
// The web app's files (web/dist) at "/": safe path resolution, content types, and a small
// built-in page when the web app has not been built.
#include <filesystem>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace cnscd::http {

// A response for GET `path` (already percent-decoded) from `root`: the file, index.html for
// paths of the single-page app, the built-in page for "/" when there is no web app, or a 4xx
// (400 bad_path for "..", 404 otherwise). When the client accepts brotli (or gzip) and the build
// left a `<file>.br` (or `<file>.gz`) beside the file, that is sent instead (Content-Encoding): a
// phone on a slow network downloads a third of the bytes.
Response ServeStatic(const std::filesystem::path& root, const std::string& path,
                     bool accepts_gzip = false, bool accepts_brotli = false);

// Whether an Accept-Encoding header value admits `coding` (not refused with q=0).
bool AcceptsCoding(const std::string& accept_encoding, std::string_view coding);
bool AcceptsGzip(const std::string& accept_encoding);

}  // namespace cnscd::http
