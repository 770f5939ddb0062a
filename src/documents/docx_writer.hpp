#pragma once
// Renders a document model (documents/form1.hpp) to a DOCX (WordprocessingML) package: the XML
// parts built with pugixml, zipped with libzip. Opens in Word and LibreOffice; Times New Roman,
// A4, the model's margins, pages from the second numbered in the header.
#include <string>

#include "documents/form1.hpp"

namespace cnscd::documents {

// Throws std::runtime_error when libzip fails (an internal error, never a user's).
std::string WriteDocx(const Document& doc);

}  // namespace cnscd::documents
