#pragma once
// The web app's files (web/dist) at "/": safe path resolution, content types, and a small
// built-in page when the web app has not been built.
#include <filesystem>

#include "http/request.hpp"

namespace cnscd::http {

// A response for GET `path` (already percent-decoded) from `root`: the file, index.html for
// paths of the single-page app, the built-in page for "/" when there is no web app, or a 4xx
// (400 bad_path for "..", 404 otherwise).
Response ServeStatic(const std::filesystem::path& root, const std::string& path);

}  // namespace cnscd::http
