#pragma once
// What every PDF cnscd draws shares (Form 1, the consolidated report): a cairo PDF surface whose
// bytes land in a string, pango objects freed by RAII, and the type both use.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>

namespace cnscd::documents {

constexpr double kPtPerMm = 72 / 25.4;
// Liberation Serif has Times New Roman's metrics, so a PDF and a DOCX or XLSX opened in Office
// break lines alike; it is installed with the server (fonts-liberation2).
constexpr const char* kPdfFontFamily = "Liberation Serif";

struct GObjectDeleter {
  void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;

// A pango context for Vietnamese text drawn on `cr`: one unit a point, unhinted metrics (the PDF
// is scaled freely, so glyphs keep their true advances).
ContextPtr VietnameseTextContext(cairo_t* cr);

// A PDF of pages `width_pt` × `height_pt` titled `title`: `draw` paints on the context in black
// (cairo_show_page between its pages), the last page is shown here. Throws std::runtime_error
// when cairo fails (an internal error, never a user's).
std::string RenderPdf(double width_pt, double height_pt, const std::string& title,
                      const std::function<void(cairo_t*)>& draw);

}  // namespace cnscd::documents
