#include "http/static_files.hpp"

#include <cstdlib>
#include <string>
#include <system_error>

#include "core/error.hpp"
#include "http/json_io.hpp"

namespace cnscd::http {

namespace {

std::string ContentType(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".webmanifest") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

constexpr const char* kLandingPage = R"(<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cnscd — Tổ công nghệ số cộng đồng</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#1a1a1a}code{background:#eee;padding:0 .3em}</style></head>
<body><h1>cnscd</h1>
<p><strong>Hệ thống quản lý Tổ công nghệ số cộng đồng</strong> đang chạy.
Giao diện web chưa được xây dựng; API JSON sẵn sàng tại <code>/api/v1</code>.</p>
<p lang="en">The management platform for Community Digital Technology Teams is running.
The web app is not built yet; the JSON API is at <code>/api/v1</code>.</p>
<ul><li><a href="/api/v1/health">/api/v1/health</a></li>
<li><code>POST /api/v1/auth/login {"username":"admin","password":"admin"}</code> (demo)</li></ul>
</body></html>
)";

Response NotFoundResponse(const std::string& path) {
  return ErrorResponse(NotFound("trang " + path, "page " + path));
}

}  // namespace

bool AcceptsCoding(const std::string& accept_encoding, std::string_view wanted) {
  std::size_t start = 0;
  while (start <= accept_encoding.size()) {
    std::size_t end = accept_encoding.find(',', start);
    if (end == std::string::npos) end = accept_encoding.size();
    std::string item = accept_encoding.substr(start, end - start);
    std::erase(item, ' ');
    const std::size_t semi = item.find(';');
    const std::string coding = item.substr(0, semi);
    if (coding == wanted || coding == "*") {
      // "gzip;q=0" refuses it; any other weight admits it.
      const std::size_t q = item.find(";q=");
      return q == std::string::npos || std::strtod(item.c_str() + q + 3, nullptr) > 0;
    }
    start = end + 1;
  }
  return false;
}

bool AcceptsGzip(const std::string& accept_encoding) {
  return AcceptsCoding(accept_encoding, "gzip");
}

Response ServeStatic(const std::filesystem::path& root, const std::string& path, bool accepts_gzip,
                     bool accepts_brotli) {
  std::filesystem::path relative;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(start, end - start);
    if (segment == ".." || segment.find('\\') != std::string::npos ||
        segment.find('\0') != std::string::npos) {
      return ErrorResponse(Malformed("bad_path", "Địa chỉ không hợp lệ.", "Invalid path."));
    }
    if (!segment.empty() && segment != ".") relative /= segment;
    start = end + 1;
  }
  std::error_code ec;
  const bool have_app = !root.empty() && std::filesystem::is_regular_file(root / "index.html", ec);
  if (!have_app) {
    if (relative.empty()) {
      Response r;
      r.content_type = "text/html; charset=utf-8";
      r.body = kLandingPage;
      return r;
    }
    return NotFoundResponse(path);
  }
  std::filesystem::path file = root / relative;
  if (relative.empty() || std::filesystem::is_directory(file, ec)) file /= "index.html";
  if (!std::filesystem::is_regular_file(file, ec)) {
    // A route of the single-page app ("/units/12"): the app handles it. A missing asset is 404.
    if (relative.has_extension()) return NotFoundResponse(path);
    file = root / "index.html";
  }
  Response r;
  r.content_type = ContentType(file);
  r.file = file.string();
  // Only the build's hashed assets never change under their name; the rest (index.html, the
  // service worker, the manifest) is revalidated.
  const bool hashed = relative.begin() != relative.end() && *relative.begin() == "assets";
  r.headers.emplace_back("Cache-Control",
                         hashed ? "public, max-age=31536000, immutable" : "no-cache");
  // Brotli is some 10 % smaller than gzip on the app's scripts: the volunteer's phone on a
  // slow link gets it where it accepts it (browsers do on HTTPS and on localhost).
  std::filesystem::path br = file;
  br += ".br";
  std::filesystem::path gz = file;
  gz += ".gz";
  const bool have_br = std::filesystem::is_regular_file(br, ec);
  const bool have_gz = std::filesystem::is_regular_file(gz, ec);
  if (have_br || have_gz) r.headers.emplace_back("Vary", "Accept-Encoding");
  if (have_br && accepts_brotli) {
    r.file = br.string();
    r.headers.emplace_back("Content-Encoding", "br");
  } else if (have_gz && accepts_gzip) {
    r.file = gz.string();
    r.headers.emplace_back("Content-Encoding", "gzip");
  }
  return r;
}

}  // namespace cnscd::http
