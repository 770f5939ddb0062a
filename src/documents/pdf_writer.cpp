#include "documents/pdf_writer.hpp"

#include <algorithm>
#include <vector>

#include "documents/pdf_surface.hpp"

namespace cnscd::documents {

namespace {

constexpr double kRuleGapPt = 3;  // between a line of text and the rule under it
constexpr double kRuleWidthPt = 0.6;

double Pt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int PangoUnits(double pt) { return static_cast<int>(pt * PANGO_SCALE); }

class Renderer {
 public:
  Renderer(const Document& doc, cairo_t* cr)
      : doc_(doc), cr_(cr), context_(VietnameseTextContext(cr)) {
    const PageSetup& p = doc.page;
    left_ = p.left_mm * kPtPerMm;
    top_ = p.top_mm * kPtPerMm;
    width_ = p.text_width_mm() * kPtPerMm;
    bottom_ = (p.height_mm - p.bottom_mm) * kPtPerMm;
    y_ = top_;
  }

  void Render() {
    const auto& blocks = doc_.blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block* next = i + 1 < blocks.size() ? &blocks[i + 1] : nullptr;
      if (const auto* p = std::get_if<Paragraph>(&blocks[i])) {
        FlowParagraph(*p, next);
      } else {
        FlowColumns(std::get<Columns>(blocks[i]));
      }
    }
  }

 private:
  LayoutPtr Layout(const Paragraph& p, double width) const {
    LayoutPtr layout(pango_layout_new(context_.get()));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kPdfFontFamily);
    pango_font_description_set_size(font, PangoUnits(p.size_pt));
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), PangoUnits(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
    pango_layout_set_indent(layout.get(), PangoUnits(p.first_line_indent_mm * kPtPerMm));
    switch (p.align) {
      case Align::kLeft:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
        break;
      case Align::kCenter:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        break;
      case Align::kRight:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
        break;
      case Align::kJustify:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
        pango_layout_set_justify(layout.get(), TRUE);
        break;
    }
    std::string text;
    PangoAttrList* attrs = pango_attr_list_new();
    for (const Run& r : p.runs) {
      const auto start = static_cast<guint>(text.size());
      text += r.text;
      const auto end = static_cast<guint>(text.size());
      if (r.bold) {
        PangoAttribute* a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
        a->start_index = start;
        a->end_index = end;
        pango_attr_list_insert(attrs, a);
      }
      if (r.italic) {
        PangoAttribute* a = pango_attr_style_new(PANGO_STYLE_ITALIC);
        a->start_index = start;
        a->end_index = end;
        pango_attr_list_insert(attrs, a);
      }
    }
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    pango_layout_set_attributes(layout.get(), attrs);
    pango_attr_list_unref(attrs);
    return layout;
  }

  struct Line {
    PangoLayoutLine* line;       // owned by the layout
    double x, height, baseline;  // baseline: from the line's top
  };

  static std::vector<Line> Lines(PangoLayout* layout) {
    std::vector<Line> lines;
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      lines.push_back({pango_layout_iter_get_line_readonly(it), Pt(logical.x), Pt(logical.height),
                       Pt(pango_layout_iter_get_baseline(it) - logical.y)});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return lines;
  }

  static double TextHeight(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return Pt(logical.height);
  }

  static double RuleHeight(const Paragraph& p) { return p.rule_below_mm > 0 ? 2 * kRuleGapPt : 0; }

  // Height of a paragraph stacked in a column, space before and after included.
  double StackedHeight(const Paragraph& p, double width) const {
    return p.space_before_pt + TextHeight(Layout(p, width).get()) + RuleHeight(p) +
           p.space_after_pt;
  }

  double ColumnHeight(const std::vector<Paragraph>& ps, double width) const {
    double h = 0;
    for (const Paragraph& p : ps) h += StackedHeight(p, width);
    return h;
  }

  double RowHeight(const Columns& c, const ColumnsRow& row) const {
    return std::max(ColumnHeight(row.left, c.left_width_mm * kPtPerMm),
                    ColumnHeight(row.right, c.right_width_mm * kPtPerMm));
  }

  // What must fit below a paragraph kept with the next block: the next one's first two lines
  // (one alone would be an orphan), or the next columns' first row.
  double FirstPartHeight(const Block& b) const {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      LayoutPtr layout = Layout(*p, width_);
      const std::vector<Line> lines = Lines(layout.get());
      double h = p->space_before_pt;
      for (std::size_t i = 0; i < lines.size() && i < 2; ++i) h += lines[i].height;
      return h;
    }
    const auto& c = std::get<Columns>(b);
    return c.rows.empty() ? 0 : RowHeight(c, c.rows.front());
  }

  void NewPage() {
    cairo_show_page(cr_);
    ++page_;
    y_ = top_;
    // Pages from the second carry their number, centred in the top margin (decree).
    Paragraph number;
    number.runs.push_back({std::to_string(page_)});
    number.align = Align::kCenter;
    number.size_pt = doc_.page.page_number_pt;
    LayoutPtr layout = Layout(number, width_);
    cairo_move_to(cr_, left_, (top_ - TextHeight(layout.get())) / 2);
    pango_cairo_show_layout(cr_, layout.get());
  }

  void DrawRule(double x, double width, double y, double length_mm) {
    const double length = std::min(length_mm * kPtPerMm, width);
    cairo_set_line_width(cr_, kRuleWidthPt);
    cairo_move_to(cr_, x + (width - length) / 2, y);
    cairo_line_to(cr_, x + (width + length) / 2, y);
    cairo_stroke(cr_);
  }

  double DrawLine(const Line& l, double x, double y) {
    cairo_move_to(cr_, x + l.x, y + l.baseline);
    pango_cairo_show_layout_line(cr_, l.line);
    return y + l.height;
  }

  // Draws the layout's lines from `y`. In the running text (`may_break`) a line that does not
  // fit goes to a new page, with widow and orphan control as Word's: a paragraph never leaves
  // its first line alone at the foot of a page nor its last alone at the head of the next.
  // Returns the y below the last line.
  double DrawLines(PangoLayout* layout, double x, double y, bool may_break) {
    const std::vector<Line> lines = Lines(layout);
    const std::size_t n = lines.size();
    std::size_t i = 0;
    while (i < n) {
      std::size_t fit = i;
      for (double bottom = y; fit < n && bottom + lines[fit].height <= bottom_; ++fit) {
        bottom += lines[fit].height;
      }
      if (fit == n || !may_break) {
        for (; i < n; ++i) y = DrawLine(lines[i], x, y);
        break;
      }
      std::size_t cut = fit;  // the first line of the next page
      if (cut > i) {
        const std::size_t here = cut - i;
        if (i == 0 && here == 1) {
          cut = i;  // orphan: the first line goes over with the rest
        } else if (n - cut == 1) {
          if (here >= (i == 0 ? 3 : 2)) {
            --cut;  // widow: one more line goes over with the last
          } else if (i == 0) {
            cut = i;  // a short paragraph goes over whole
          }
        }
      }
      if (cut == i && y <= top_) cut = std::max(fit, i + 1);  // a page holds at least a line
      for (; i < cut; ++i) y = DrawLine(lines[i], x, y);
      NewPage();
      y = y_;
    }
    return y;
  }

  void FlowParagraph(const Paragraph& p, const Block* next) {
    LayoutPtr layout = Layout(p, width_);
    if (y_ > top_) y_ += p.space_before_pt;
    if (p.keep_with_next && next != nullptr) {
      const double need =
          TextHeight(layout.get()) + RuleHeight(p) + p.space_after_pt + FirstPartHeight(*next);
      if (y_ + need > bottom_ && y_ > top_) NewPage();
    }
    y_ = DrawLines(layout.get(), left_, y_, /*may_break=*/true);
    if (p.rule_below_mm > 0) {
      DrawRule(left_, width_, y_ + kRuleGapPt, p.rule_below_mm);
      y_ += RuleHeight(p);
    }
    y_ += p.space_after_pt;
  }

  void DrawStack(const std::vector<Paragraph>& ps, double x, double width, double y) {
    for (const Paragraph& p : ps) {
      y += p.space_before_pt;
      LayoutPtr layout = Layout(p, width);
      y = DrawLines(layout.get(), x, y, /*may_break=*/false);
      if (p.rule_below_mm > 0) {
        DrawRule(x, width, y + kRuleGapPt, p.rule_below_mm);
        y += RuleHeight(p);
      }
      y += p.space_after_pt;
    }
  }

  void FlowColumns(const Columns& c) {
    for (const ColumnsRow& row : c.rows) {
      const double height = RowHeight(c, row);
      if (y_ + height > bottom_ && y_ > top_) NewPage();
      DrawStack(row.left, left_, c.left_width_mm * kPtPerMm, y_);
      DrawStack(row.right, left_ + c.left_width_mm * kPtPerMm, c.right_width_mm * kPtPerMm, y_);
      y_ += height;
    }
  }

  const Document& doc_;
  cairo_t* cr_;
  ContextPtr context_;
  double left_ = 0, top_ = 0, width_ = 0, bottom_ = 0;
  double y_ = 0;
  int page_ = 1;
};

}  // namespace

std::string WritePdf(const Document& doc) {
  return RenderPdf(doc.page.width_mm * kPtPerMm, doc.page.height_mm * kPtPerMm, doc.title,
                   [&doc](cairo_t* cr) { Renderer(doc, cr).Render(); });
}

}  // namespace cnscd::documents
