#pragma once
// Form 1 (seed 001, Mẫu 1): the commune chairman's decision establishing (thành lập) or
// consolidating (kiện toàn) the Community Digital Technology Teams, laid out as Decree
// 30/2020/NĐ-CP prescribes for administrative documents. Built from plain data into a small
// document model that the DOCX and the PDF writers both render, so the two files say the same.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "documents/export.hpp"

namespace cnscd::documents {

// --- the document model: what both writers understand ---------------------------------------

enum class Align { kLeft, kCenter, kRight, kJustify };

struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
};

struct Paragraph {
  std::vector<Run> runs;
  Align align = Align::kJustify;
  double size_pt = 14;
  double first_line_indent_mm = 0;
  double space_before_pt = 0;
  double space_after_pt = 0;
  // A horizontal rule this long, centred under the paragraph (0: none), as the decree draws
  // under the issuing body, the motto and the subject line.
  double rule_below_mm = 0;
  bool keep_with_next = false;  // do not end a page after this paragraph
};

// Side-by-side columns without borders, row by row: the header (issuing body | national name),
// the closing (recipients | signer). A row is never split across pages.
struct ColumnsRow {
  std::vector<Paragraph> left;
  std::vector<Paragraph> right;
};

struct Columns {
  double left_width_mm = 0;
  double right_width_mm = 0;
  std::vector<ColumnsRow> rows;
};

using Block = std::variant<Paragraph, Columns>;

struct PageSetup {
  double width_mm = 210;  // A4
  double height_mm = 297;
  double top_mm = 20;
  double bottom_mm = 20;
  double left_mm = 30;
  double right_mm = 15;
  double page_number_pt = 13;  // pages from the second are numbered, centred in the top margin
  double text_width_mm() const { return width_mm - left_mm - right_mm; }
};

struct Document {
  std::string title;  // metadata only
  PageSetup page;
  std::string font_family = "Times New Roman";  // Liberation Serif stands in where it is absent
  std::vector<Block> blocks;
};

// --- Form 1 -------------------------------------------------------------------------------------

struct Form1Member {
  std::string role;  // leader, deputy, member, collaborator
  std::string full_name;
  std::optional<std::string> occupation;
};

struct Form1Team {
  std::string name;  // "Tổ công nghệ số cộng đồng Ấp Mỹ Phước"
  std::vector<Form1Member> members;
};

struct Form1Data {
  std::string commune_name;                  // official full name: "Xã Nhơn Mỹ"
  std::optional<std::string> district_name;  // "Huyện Kế Sách"; none in the two-level shape
  std::string province_name;                 // "Tỉnh Sóc Trăng"
  std::string number;                        // "25/QĐ-UBND"
  std::string date;                          // YYYY-MM-DD
  std::string signer;
  std::string kind;  // establish, amend
  std::vector<Form1Team> teams;
};

Document BuildForm1(const Form1Data& data);

// The file's name, ASCII ("QD-25-QD-UBND-Nhon-My.pdf") and as written in Vietnamese
// ("QĐ-25-QĐ-UBND-Nhơn-Mỹ.pdf"), for Content-Disposition.
DownloadName Form1FileName(const Form1Data& data, FileFormat format);

// "Xã Nhơn Mỹ" -> "Nhơn Mỹ", as the place line names it; names that are numbers keep their type
// word ("Phường 1"), as the decree asks.
std::string PlaceName(const std::string& unit_name);
// "Xã Nhơn Mỹ" -> "xã Nhơn Mỹ", for running text ("trên địa bàn xã Nhơn Mỹ").
std::string InText(const std::string& unit_name);
// "ngày 05 tháng 02 năm 2025": days below 10 and months 1 and 2 with a leading zero (decree).
std::string VietnameseDate(const std::string& iso_date);

}  // namespace cnscd::documents
