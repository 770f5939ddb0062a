#include "documents/consolidated_report.hpp"

#include <xlsxwriter.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "core/text.hpp"
#include "documents/pdf_surface.hpp"
#include "documents/xlsx_writer.hpp"

namespace cnscd::documents {

namespace {

constexpr const char* kTitle = "BÁO CÁO TỔNG HỢP KẾT QUẢ HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG";

std::string Percent(double v) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%.1f %%", v);
  std::string s = buf.data();
  for (char& c : s) {
    if (c == '.') c = ',';  // the Vietnamese decimal mark
  }
  return s;
}

// --- XLSX -----------------------------------------------------------------------------------

}  // namespace

std::string WriteConsolidatedXlsx(const ConsolidatedReport& r) {
  // Wrapping is for the table's narrow columns; titles and figure labels run on one line (a
  // wrapped cell does not grow its row when opened in LibreOffice).
  XlsxWorkbook book("report");
  lxw_worksheet* ws = book.AddSheet("Tổng hợp");
  lxw_format* title = book.Cell(true, false);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* centered = book.Cell(false, false);
  format_set_align(centered, LXW_ALIGN_CENTER);
  lxw_format* section = book.Cell(true, false, false);
  lxw_format* label = book.Cell(false, true, false);
  lxw_format* header = book.ColumnHeader();
  lxw_format* text = book.Cell();
  lxw_format* number = book.Cell();
  format_set_num_format(number, "#,##0");
  lxw_format* bold_number = book.Cell(true);
  format_set_num_format(bold_number, "#,##0");

  const auto last_col = static_cast<lxw_col_t>(r.columns.size() + 3);
  worksheet_set_column(ws, 0, 0, 6, nullptr);
  worksheet_set_column(ws, 1, 1, 62, nullptr);
  worksheet_set_column(ws, 2, last_col, 14, nullptr);
  XlsxWorkbook::PrintA4Landscape(ws);

  lxw_row_t row = 0;
  worksheet_merge_range(ws, row, 0, row, last_col, kTitle, title);
  worksheet_set_row(ws, row++, 24, nullptr);
  worksheet_merge_range(ws, row, 0, row, last_col, (r.unit_name + " — " + r.period_label).c_str(),
                        centered);
  ++row;
  worksheet_merge_range(ws, row, 0, row, last_col, ("Ngày lập: " + r.generated_on).c_str(),
                        centered);
  row += 2;

  worksheet_write_string(ws, row++, 0, "I. SỐ LIỆU TOÀN ĐỊA BÀN", section);
  for (const Figure& f : r.totals) {
    worksheet_write_string(ws, row, 1, f.label.c_str(), label);
    worksheet_write_number(ws, row++, 2, static_cast<double>(f.value), number);
  }
  for (const Figure& f : r.by_service) {
    worksheet_write_string(ws, row, 1, f.label.c_str(), label);
    worksheet_write_number(ws, row++, 2, static_cast<double>(f.value), number);
  }
  ++row;

  worksheet_write_string(ws, row++, 0, "II. THEO ĐƠN VỊ BÁO CÁO", section);
  const lxw_row_t header_row = row;
  worksheet_write_string(ws, row, 0, "TT", header);
  worksheet_write_string(ws, row, 1, r.reporter_label.c_str(), header);
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(c + 2), r.columns[c].c_str(), header);
  }
  worksheet_write_string(ws, row, last_col - 1, "Báo cáo", header);
  worksheet_write_string(ws, row, last_col, "Thời hạn", header);
  worksheet_set_row(ws, row++, 48, nullptr);
  worksheet_repeat_rows(ws, header_row, header_row);
  for (std::size_t i = 0; i < r.rows.size(); ++i, ++row) {
    const ConsolidatedRow& x = r.rows[i];
    worksheet_write_number(ws, row, 0, static_cast<double>(i + 1), text);
    worksheet_write_string(ws, row, 1, x.name.c_str(), text);
    for (std::size_t c = 0; c < x.values.size(); ++c) {
      worksheet_write_number(ws, row, static_cast<lxw_col_t>(c + 2),
                             static_cast<double>(x.values[c]), number);
    }
    worksheet_write_string(ws, row, last_col - 1, x.status.c_str(), text);
    worksheet_write_string(ws, row, last_col, x.timeliness.c_str(), text);
  }
  worksheet_write_string(ws, row, 1, "Tổng cộng", header);
  for (std::size_t c = 0; c < r.totals.size() && c < r.columns.size(); ++c) {
    worksheet_write_number(ws, row, static_cast<lxw_col_t>(c + 2),
                           static_cast<double>(r.totals[c].value), bold_number);
  }
  row += 2;

  worksheet_write_string(ws, row++, 0, "III. TÌNH HÌNH NỘP BÁO CÁO", section);
  for (const Figure& f : r.summary) {
    worksheet_write_string(ws, row, 1, f.label.c_str(), label);
    worksheet_write_number(ws, row++, 2, static_cast<double>(f.value), number);
  }
  worksheet_write_string(ws, row, 1, "Tỷ lệ đầy đủ (%)", label);
  worksheet_write_string(ws, row++, 2, Percent(r.completeness).c_str(), text);
  worksheet_write_string(ws, row, 1, "Tỷ lệ đúng hạn (%)", label);
  worksheet_write_string(ws, row++, 2, Percent(r.timeliness).c_str(), text);
  ++row;

  worksheet_write_string(ws, row++, 0, "IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT", section);
  if (r.quotes.empty()) {
    worksheet_write_string(ws, row++, 1, "Không có báo cáo nào nêu khó khăn hoặc đề xuất.", text);
  } else {
    worksheet_write_string(ws, row, 0, "TT", header);
    worksheet_write_string(ws, row, 1, "Đơn vị báo cáo", header);
    worksheet_merge_range(ws, row, 2, row, 4, "Khó khăn, vướng mắc", header);
    worksheet_merge_range(ws, row, 5, row, last_col, "Đề xuất, kiến nghị", header);
    ++row;
    for (std::size_t i = 0; i < r.quotes.size(); ++i, ++row) {
      const Quote& q = r.quotes[i];
      const std::string from = q.by.empty() ? q.from : q.from + " (" + q.by + ")";
      worksheet_write_number(ws, row, 0, static_cast<double>(i + 1), text);
      worksheet_write_string(ws, row, 1, from.c_str(), text);
      worksheet_merge_range(ws, row, 2, row, 4, q.difficulties.c_str(), text);
      worksheet_merge_range(ws, row, 5, row, last_col, q.proposals.c_str(), text);
    }
  }

  return book.Close();
}

// --- PDF ------------------------------------------------------------------------------------

namespace {

constexpr double kPageW = 297 * kPtPerMm;  // A4 landscape: the rows are wide
constexpr double kPageH = 210 * kPtPerMm;
constexpr double kMargin = 15 * kPtPerMm;
constexpr double kPad = 3;  // inside a table cell, points

enum class Align { kLeft, kCenter, kRight };

struct Style {
  double size = 11;
  bool bold = false;
  bool italic = false;
  Align align = Align::kLeft;
};

// Flows paragraphs and tables down landscape pages; a table row that does not fit starts a new
// page, which repeats the table's header.
class PdfFlow {
 public:
  explicit PdfFlow(cairo_t* cr) : cr_(cr), context_(VietnameseTextContext(cr)), y_(kMargin) {}

  void Paragraph(const std::string& text, const Style& style, double space_after = 4) {
    LayoutPtr layout = Layout(text, style, kPageW - 2 * kMargin);
    const double h = Height(layout.get());
    if (y_ + h > kPageH - kMargin) NewPage();
    cairo_move_to(cr_, kMargin, y_);
    pango_cairo_show_layout(cr_, layout.get());
    y_ += h + space_after;
  }

  // `widths` in points; the header row repeats on each new page.
  void Table(const std::vector<double>& widths, const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows, const std::vector<Align>& aligns) {
    const Style head{10, true, false, Align::kCenter};
    if (y_ + RowHeight(widths, header, head) * 2 > kPageH - kMargin) NewPage();
    DrawRow(widths, header, head, aligns, true);
    for (const auto& row : rows) {
      Style body{10};
      const bool bold = !row.empty() && row.size() > 1 && row[1] == "Tổng cộng";
      body.bold = bold;
      if (y_ + RowHeight(widths, row, body) > kPageH - kMargin) {
        NewPage();
        DrawRow(widths, header, head, aligns, true);
      }
      DrawRow(widths, row, body, aligns, false);
    }
    y_ += 8;
  }

  void NewPage() {
    cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
    LayoutPtr n =
        Layout(std::to_string(page_), Style{9, false, false, Align::kCenter}, kPageW - 2 * kMargin);
    cairo_move_to(cr_, kMargin, (kMargin - Height(n.get())) / 2);
    pango_cairo_show_layout(cr_, n.get());
  }

 private:
  LayoutPtr Layout(const std::string& text, const Style& s, double width) const {
    LayoutPtr layout(pango_layout_new(context_.get()));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kPdfFontFamily);
    pango_font_description_set_size(font, static_cast<int>(s.size * PANGO_SCALE));
    pango_font_description_set_weight(font, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), s.align == Align::kCenter  ? PANGO_ALIGN_CENTER
                                             : s.align == Align::kRight ? PANGO_ALIGN_RIGHT
                                                                        : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
  }

  static double Height(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
  }

  double RowHeight(const std::vector<double>& widths, const std::vector<std::string>& cells,
                   const Style& s) const {
    double h = 0;
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
      h = std::max(h, Height(Layout(cells[c], s, widths[c] - 2 * kPad).get()));
    }
    return h + 2 * kPad;
  }

  void DrawRow(const std::vector<double>& widths, const std::vector<std::string>& cells, Style s,
               const std::vector<Align>& aligns, bool header) {
    const double h = RowHeight(widths, cells, s);
    double x = kMargin;
    cairo_set_line_width(cr_, 0.5);
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (header) {
        cairo_set_source_rgb(cr_, 0.85, 0.88, 0.95);
        cairo_rectangle(cr_, x, y_, widths[c], h);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, 0, 0, 0);
      } else if (c < aligns.size()) {
        s.align = aligns[c];
      }
      cairo_rectangle(cr_, x, y_, widths[c], h);
      cairo_stroke(cr_);
      if (c < cells.size()) {
        LayoutPtr layout = Layout(cells[c], s, widths[c] - 2 * kPad);
        cairo_move_to(cr_, x + kPad, y_ + kPad);
        pango_cairo_show_layout(cr_, layout.get());
      }
      x += widths[c];
    }
    y_ += h;
  }

  cairo_t* cr_;
  ContextPtr context_;
  double y_ = 0;
  int page_ = 1;
};

std::string Quoted(const std::string& s) { return s.empty() ? "—" : "“" + s + "”"; }

std::vector<std::vector<std::string>> FigureRows(const std::vector<Figure>& figures) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(figures.size());
  for (const Figure& f : figures) rows.push_back({f.label, text::GroupThousands(f.value)});
  return rows;
}

}  // namespace

std::string WriteConsolidatedPdf(const ConsolidatedReport& r) {
  return RenderPdf(kPageW, kPageH, "Báo cáo tổng hợp " + r.unit_name, [&r](cairo_t* cr) {
    PdfFlow flow(cr);
    flow.Paragraph(kTitle, {14, true, false, Align::kCenter}, 2);
    flow.Paragraph(r.unit_name + " — " + r.period_label, {12, true, false, Align::kCenter}, 2);
    flow.Paragraph("Ngày lập: " + r.generated_on, {11, false, true, Align::kCenter}, 10);

    const double full = kPageW - 2 * kMargin;
    flow.Paragraph("I. SỐ LIỆU TOÀN ĐỊA BÀN", {12, true});
    std::vector<Figure> figures = r.totals;
    figures.insert(figures.end(), r.by_service.begin(), r.by_service.end());
    flow.Table({full * 0.45, full * 0.15}, {"Chỉ tiêu", "Số lượng"}, FigureRows(figures),
               {Align::kLeft, Align::kRight});

    flow.Paragraph("II. THEO ĐƠN VỊ BÁO CÁO", {12, true});
    const std::size_t n = r.columns.size();
    const double tt = 24;
    const double name = full * 0.20;
    const double status = full * 0.08;
    const double figure = (full - tt - name - 2 * status) / static_cast<double>(n == 0 ? 1 : n);
    std::vector<double> widths{tt, name};
    std::vector<std::string> header{"TT", r.reporter_label};
    std::vector<Align> aligns{Align::kCenter, Align::kLeft};
    for (const std::string& c : r.columns) {
      widths.push_back(figure);
      header.push_back(c);
      aligns.push_back(Align::kRight);
    }
    widths.insert(widths.end(), {status, status});
    header.insert(header.end(), {"Báo cáo", "Thời hạn"});
    aligns.insert(aligns.end(), {Align::kLeft, Align::kLeft});
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
      std::vector<std::string> cells{std::to_string(i + 1), r.rows[i].name};
      for (const std::int64_t v : r.rows[i].values) cells.push_back(text::GroupThousands(v));
      cells.push_back(r.rows[i].status);
      cells.push_back(r.rows[i].timeliness);
      rows.push_back(std::move(cells));
    }
    std::vector<std::string> total{"", "Tổng cộng"};
    for (std::size_t c = 0; c < n && c < r.totals.size(); ++c)
      total.push_back(text::GroupThousands(r.totals[c].value));
    rows.push_back(std::move(total));
    flow.Table(widths, header, rows, aligns);

    flow.Paragraph("III. TÌNH HÌNH NỘP BÁO CÁO", {12, true});
    std::vector<std::vector<std::string>> summary = FigureRows(r.summary);
    summary.push_back({"Tỷ lệ đầy đủ", Percent(r.completeness)});
    summary.push_back({"Tỷ lệ đúng hạn", Percent(r.timeliness)});
    flow.Table({full * 0.45, full * 0.15}, {"Nội dung", "Số lượng"}, summary,
               {Align::kLeft, Align::kRight});

    flow.Paragraph("IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT", {12, true});
    if (r.quotes.empty()) {
      flow.Paragraph("Không có báo cáo nào nêu khó khăn hoặc đề xuất.", {11, false, true});
    } else {
      std::vector<std::vector<std::string>> quotes;
      for (std::size_t i = 0; i < r.quotes.size(); ++i) {
        const Quote& q = r.quotes[i];
        quotes.push_back({std::to_string(i + 1), q.by.empty() ? q.from : q.from + " (" + q.by + ")",
                          Quoted(q.difficulties), Quoted(q.proposals)});
      }
      flow.Table({tt, full * 0.2, (full - tt - full * 0.2) / 2, (full - tt - full * 0.2) / 2},
                 {"TT", "Đơn vị báo cáo (người gửi)", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"},
                 quotes, {Align::kCenter, Align::kLeft, Align::kLeft, Align::kLeft});
    }
  });
}

}  // namespace cnscd::documents
