#include "documents/pdf_surface.hpp"

#include <cairo-pdf.h>

#include <stdexcept>

namespace cnscd::documents {

namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

ContextPtr VietnameseTextContext(cairo_t* cr) {
  ContextPtr context(pango_cairo_create_context(cr));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context.get(), 72);
  pango_context_set_language(context.get(), pango_language_from_string("vi"));
  return context;
}

std::string RenderPdf(double width_pt, double height_pt, const std::string& title,
                      const std::function<void(cairo_t*)>& draw) {
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendBytes, &out, width_pt, height_pt);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cnscd");
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  try {
    draw(cr);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_show_page(cr);
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(
        std::string("PDF rendering failed: ") +
        cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished));
  }
  return out;
}

}  // namespace cnscd::documents
