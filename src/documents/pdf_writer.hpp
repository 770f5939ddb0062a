#pragma once
// Renders a document model (documents/form1.hpp) to PDF bytes through cairo and pango:
// Liberation Serif (metric-compatible with Times New Roman), the page's size and margins,
// justified paragraphs, pages broken where the text runs long, pages from the second numbered.
#include <string>

#include "documents/form1.hpp"

namespace cnscd::documents {

// Throws std::runtime_error when cairo fails (an internal error, never a user's).
std::string WritePdf(const Document& doc);

}  // namespace cnscd::documents
