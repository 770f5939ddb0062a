#include "documents/form1.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace cnscd::documents {

namespace {

// Font sizes (pt) within the ranges Decree 30/2020/NĐ-CP, Appendix I, gives for each element.
constexpr double kHeaderPt = 13;      // issuing body, national name (12–13)
constexpr double kMottoPt = 13;       // "Độc lập - Tự do - Hạnh phúc" (13–14)
constexpr double kBodyPt = 14;        // title, subject, text, signer (13–14)
constexpr double kRecipientsPt = 12;  // "Nơi nhận:" (12)
constexpr double kRecipientPt = 11;   // the recipients (11)
constexpr double kIndentMm = 12.7;    // first-line indent (1–1.27 cm)
constexpr double kParaAfterPt = 6;    // space between paragraphs (at least 6 pt)

// Column widths of the header and the closing: the issuing body on the left, a third of the
// text width; the national name on the right, wide enough for it on one line at 13 pt.
constexpr double kHeaderLeftMm = 62;
constexpr double kClosingLeftMm = 85;

constexpr double kMmPerPt = 25.4 / 72;

// A rough width of Times-metric text, for the rules the decree sizes relative to a line of text
// (both writers must draw the same rule, and the DOCX one cannot measure).
double EstimateWidthMm(std::string_view utf8, double size_pt, bool bold) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  double em = 0;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0) continue;
    if (c == ' ') {
      em += 0.25;
    } else if (u_isupper(c)) {
      em += bold ? 0.72 : 0.68;
    } else if (u_islower(c)) {
      em += bold ? 0.50 : 0.46;
    } else if (u_isdigit(c)) {
      em += 0.5;
    } else {
      em += 0.33;
    }
  }
  return em * size_pt * kMmPerPt;
}

std::string Upper(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toUpper(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Type words that begin official unit names, as written at the start of a name and inside a
// sentence.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kTypeWords{{
    {"Thành phố ", "thành phố "},
    {"Thị trấn ", "thị trấn "},
    {"Thị xã ", "thị xã "},
    {"Đặc khu ", "đặc khu "},
    {"Phường ", "phường "},
    {"Huyện ", "huyện "},
    {"Quận ", "quận "},
    {"Tỉnh ", "tỉnh "},
    {"Xã ", "xã "},
}};

Paragraph Text(std::vector<Run> runs, Align align = Align::kJustify, double size = kBodyPt) {
  Paragraph p;
  p.runs = std::move(runs);
  p.align = align;
  p.size_pt = size;
  return p;
}

// A paragraph of the body: justified, first line indented, 6 pt after.
Paragraph Body(std::vector<Run> runs) {
  Paragraph p = Text(std::move(runs));
  p.first_line_indent_mm = kIndentMm;
  p.space_after_pt = kParaAfterPt;
  return p;
}
Paragraph Body(std::string text) { return Body(std::vector<Run>{{std::move(text)}}); }

Paragraph Centered(std::string text, double size, bool bold, bool italic = false) {
  return Text({{std::move(text), bold, italic}}, Align::kCenter, size);
}

// "Điều 1. " in bold, then the article's text.
Paragraph Article(int n, std::string text, bool title = false) {
  Paragraph p =
      Body(std::vector<Run>{{"Điều " + std::to_string(n) + ". ", true}, {std::move(text), title}});
  p.keep_with_next = title;
  return p;
}

// The department that steers the teams: the Department of Information and Communications until
// it merged into the Department of Science and Technology (1 March 2025).
std::string Department(const Form1Data& d) {
  return d.date < "2025-03-01" ? "Sở Thông tin và Truyền thông" : "Sở Khoa học và Công nghệ";
}

std::string RoleLabel(const std::string& role) {
  if (role == "leader") return "Tổ trưởng";
  if (role == "deputy") return "Tổ phó";
  if (role == "collaborator") return "Cộng tác viên";
  return "Tổ viên";
}

// "Ông/Bà Nguyễn Văn An, Trưởng ấp": the snapshot holds no gender, so both forms of address.
std::string Person(const Form1Member& m) {
  std::string s = "Ông/Bà " + m.full_name;
  if (m.occupation && !m.occupation->empty()) s += ", " + *m.occupation;
  return s;
}

// One team of Article 1, as the seed's template lists it: leader and deputy on their own lines,
// then the members, then any collaborators. Each line ends with ";" and the team's last with ".".
void AddTeam(std::vector<Block>& blocks, int n, const Form1Team& team) {
  Paragraph heading = Body(std::vector<Run>{{std::to_string(n) + ". " + team.name, true}});
  heading.keep_with_next = true;
  blocks.emplace_back(std::move(heading));

  std::vector<std::pair<std::string, bool>> lines;  // text; true: it introduces a group
  for (const char* role : {"leader", "deputy"}) {
    for (const Form1Member& m : team.members) {
      if (m.role == role) lines.emplace_back("- " + Person(m) + " - " + RoleLabel(role), false);
    }
  }
  // Members, then collaborators, each group under its own line.
  const auto add_group = [&](const char* label, auto belongs) {
    bool first = true;
    for (const Form1Member& m : team.members) {
      if (!belongs(m.role)) continue;
      if (first) lines.emplace_back(label, true);
      first = false;
      lines.emplace_back("+ " + Person(m), false);
    }
  };
  add_group("- Các Tổ viên:", [](const std::string& r) {
    return r != "leader" && r != "deputy" && r != "collaborator";
  });
  add_group("- Các Cộng tác viên:", [](const std::string& r) { return r == "collaborator"; });
  if (lines.empty()) lines.emplace_back("- Chưa có thành viên", false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string text = lines[i].first;
    if (!lines[i].second) text += i + 1 == lines.size() ? "." : ";";
    Paragraph p = Body(std::move(text));
    p.keep_with_next = lines[i].second;
    blocks.emplace_back(std::move(p));
  }
}

// The header: issuing body and number on the left, national name, motto and place and date on
// the right; the number and the date share a row so that they stand level.
Columns Header(const Form1Data& d) {
  Columns c;
  c.left_width_mm = kHeaderLeftMm;
  c.right_width_mm = PageSetup{}.text_width_mm() - kHeaderLeftMm;

  const std::string commune = Upper(d.commune_name);
  ColumnsRow top;
  top.left.push_back(Centered("ỦY BAN NHÂN DÂN", kHeaderPt, true));
  Paragraph body = Centered(commune, kHeaderPt, true);
  // Rule: 1/3 to 1/2 of the issuing body's line.
  body.rule_below_mm =
      std::clamp(0.4 * std::max(EstimateWidthMm(commune, kHeaderPt, true),
                                EstimateWidthMm("ỦY BAN NHÂN DÂN", kHeaderPt, true)),
                 15.0, 0.5 * kHeaderLeftMm);
  top.left.push_back(std::move(body));

  top.right.push_back(Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", kHeaderPt, true));
  Paragraph motto = Centered("Độc lập - Tự do - Hạnh phúc", kMottoPt, true);
  // Rule: as long as the motto's line.
  motto.rule_below_mm = EstimateWidthMm("Độc lập - Tự do - Hạnh phúc", kMottoPt, true);
  top.right.push_back(std::move(motto));
  c.rows.push_back(std::move(top));

  ColumnsRow second;
  std::string number = d.number;
  if (number.find('/') == std::string::npos) number += "/QĐ-UBND";
  Paragraph no = Centered("Số: " + number, kHeaderPt, false);
  no.space_before_pt = 6;
  second.left.push_back(std::move(no));
  Paragraph date =
      Centered(PlaceName(d.commune_name) + ", " + VietnameseDate(d.date), kBodyPt, false, true);
  date.space_before_pt = 6;
  second.right.push_back(std::move(date));
  c.rows.push_back(std::move(second));
  return c;
}

// The closing: recipients on the left, the signer on the right, kept on one page.
Columns Closing(const Form1Data& d) {
  Columns c;
  c.left_width_mm = kClosingLeftMm;
  c.right_width_mm = PageSetup{}.text_width_mm() - kClosingLeftMm;
  ColumnsRow row;
  Paragraph heading = Text({{"Nơi nhận:", true, true}}, Align::kLeft, kRecipientsPt);
  heading.space_before_pt = 6;
  row.left.push_back(std::move(heading));
  std::vector<std::string> recipients{"Như Điều 4;",
                                      Department(d) + " " + InText(d.province_name) + ";"};
  if (d.district_name) {
    recipients.push_back("UBND " + InText(*d.district_name) + ";");
  } else {
    recipients.push_back("UBND " + InText(d.province_name) + ";");  // two levels: no district
  }
  recipients.emplace_back("Lưu: VT.");
  for (const std::string& r : recipients) {
    row.left.push_back(Text({{"- " + r}}, Align::kLeft, kRecipientPt));
  }

  Paragraph title = Centered("CHỦ TỊCH", kBodyPt, true);
  title.space_before_pt = 6;
  row.right.push_back(std::move(title));
  Paragraph name = Centered(d.signer, kBodyPt, true);
  name.space_before_pt = 80;  // room for the signature and the seal
  row.right.push_back(std::move(name));
  c.rows.push_back(std::move(row));
  return c;
}

}  // namespace

std::string PlaceName(const std::string& unit_name) {
  for (const auto& [word, lower] : kTypeWords) {
    if (unit_name.starts_with(word) && unit_name.size() > word.size()) {
      const char next = unit_name[word.size()];
      if (next >= '0' && next <= '9') return unit_name;  // "Phường 1"
      return unit_name.substr(word.size());
    }
  }
  return unit_name;
}

std::string InText(const std::string& unit_name) {
  for (const auto& [word, lower] : kTypeWords) {
    if (unit_name.starts_with(word)) return std::string(lower) + unit_name.substr(word.size());
  }
  return unit_name;
}

std::string VietnameseDate(const std::string& iso_date) {
  if (iso_date.size() != 10) return iso_date;
  const int day = std::stoi(iso_date.substr(8, 2));
  const int month = std::stoi(iso_date.substr(5, 2));
  const std::string dd = (day < 10 ? "0" : "") + std::to_string(day);
  const std::string mm = (month < 3 ? "0" : "") + std::to_string(month);
  return "ngày " + dd + " tháng " + mm + " năm " + iso_date.substr(0, 4);
}

DownloadName Form1FileName(const Form1Data& data, FileFormat format) {
  return NameDownload({"QD", "QĐ"}, {data.number, PlaceName(data.commune_name)}, format);
}

Document BuildForm1(const Form1Data& d) {
  const bool amend = d.kind == "amend";
  const std::string commune = InText(d.commune_name);  // "xã Nhơn Mỹ"
  const std::string teams = d.teams.size() == 1 ? "Tổ" : "các Tổ";
  const std::string department = Department(d);

  Document doc;
  doc.title = "Quyết định " + d.number;
  std::vector<Block>& b = doc.blocks;
  b.emplace_back(Header(d));

  Paragraph title = Centered("QUYẾT ĐỊNH", kBodyPt, true);
  title.space_before_pt = 18;
  b.emplace_back(std::move(title));
  Paragraph subject = Centered(std::string("Về việc ") + (amend ? "kiện toàn " : "thành lập ") +
                                   teams + " công nghệ số cộng đồng trên địa bàn " + commune,
                               kBodyPt, true);
  // Rule: 1/3 of the subject's (longest) line.
  subject.rule_below_mm =
      std::min(EstimateWidthMm(subject.runs[0].text, kBodyPt, true), PageSetup{}.text_width_mm()) /
      3;
  b.emplace_back(std::move(subject));

  Paragraph authority =
      Centered("CHỦ TỊCH ỦY BAN NHÂN DÂN " + Upper(d.commune_name), kBodyPt, true);
  authority.space_before_pt = 12;
  authority.space_after_pt = 12;
  b.emplace_back(std::move(authority));

  // The grounds (căn cứ), in italics. The local-government law in force on the decision's date:
  // the 2015 law and its 2019 amendment until the 2025 law took effect on 1 July 2025.
  std::vector<std::string> grounds;
  if (d.date < "2025-07-01") {
    grounds.emplace_back("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;");
    grounds.emplace_back(
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
        "quyền địa phương ngày 22/11/2019;");
  } else {
    grounds.emplace_back("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;");
  }
  grounds.emplace_back(
      "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ về việc Phê duyệt "
      "“Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030”;");
  grounds.emplace_back(
      "Căn cứ Công văn số 793/BTTTT-THH ngày 05/3/2022 của Bộ Thông tin và Truyền thông về việc "
      "hướng dẫn thí điểm triển khai Tổ công nghệ số cộng đồng tại các địa phương;");
  grounds.emplace_back("Theo đề nghị của Công chức Văn phòng - Thống kê " + commune + ".");
  for (std::string& g : grounds)
    b.emplace_back(Body(std::vector<Run>{{std::move(g), false, true}}));

  Paragraph decides = Centered("QUYẾT ĐỊNH:", kBodyPt, true);
  decides.space_before_pt = 6;
  decides.space_after_pt = 12;
  b.emplace_back(std::move(decides));

  // Article 1: the teams and their members.
  b.emplace_back(Article(1, std::string(amend ? "Kiện toàn " : "Thành lập ") + teams +
                                " công nghệ số cộng đồng trên địa bàn " + commune +
                                ", gồm các ông (bà) có tên sau:"));
  int n = 0;
  for (const Form1Team& t : d.teams) AddTeam(b, ++n, t);

  // Article 2: working regime and tasks, as the seed's template words them.
  b.emplace_back(
      Article(2, "Chế độ làm việc và nhiệm vụ của các Tổ công nghệ số cộng đồng", /*title=*/true));
  Paragraph regime = Body("1. Chế độ làm việc");
  regime.keep_with_next = true;
  b.emplace_back(std::move(regime));
  b.emplace_back(Body(
      "a) Tổ công nghệ số cộng đồng làm việc theo chế độ kiêm nhiệm. Tổ trưởng Tổ công nghệ số "
      "cộng đồng điều hành toàn diện các hoạt động của Tổ công nghệ số cộng đồng; xây dựng kế "
      "hoạch, phân công thời gian và nhiệm vụ cụ thể cho các Tổ viên; chịu trách nhiệm trước "
      "UBND " +
      commune + " về kết quả thực hiện nhiệm vụ được phân công."));
  b.emplace_back(Body(
      "b) Các Tổ viên Tổ công nghệ số cộng đồng được tập huấn, hướng dẫn, trang bị các phương tiện "
      "cần thiết để thực hiện các nhiệm vụ được giao; được hưởng các chế độ theo quy định hiện "
      "hành."));
  Paragraph tasks = Body("2. Nhiệm vụ của Tổ công nghệ số cộng đồng");
  tasks.keep_with_next = true;
  b.emplace_back(std::move(tasks));
  b.emplace_back(Body("a) Tham gia vào Mạng lưới công nghệ số cộng đồng trên phạm vi toàn quốc;"));
  b.emplace_back(Body(
      "b) Thực hiện theo sự hướng dẫn, điều phối của " + department +
      ", huy động sự tham gia của các doanh nghiệp bưu chính, viễn thông, công nghệ thông tin tại "
      "địa bàn trong việc hỗ trợ triển khai nền tảng số, công nghệ số, hướng dẫn kỹ năng số đến "
      "với "
      "người dân;"));
  b.emplace_back(Body(
      "c) Là cầu nối của chính quyền địa phương để thông tin tuyên truyền các chủ trương, chính "
      "sách của Đảng, Nhà nước về công tác chuyển đổi số đến người dân trên địa bàn được giao phụ "
      "trách;"));
  b.emplace_back(Body(
      "d) Trực tiếp tiếp nhận chuyển giao và hỗ trợ, hướng dẫn lại cho người dân sử dụng các ứng "
      "dụng công nghệ thông minh, thương mại điện tử, dịch vụ hành chính công; tham gia thực hiện "
      "chuyển đổi số trong từng lĩnh vực của đời sống, cụ thể:"));
  b.emplace_back(Body(
      "- Về chính quyền số: hướng dẫn người dân sử dụng dịch vụ công trực tuyến; sử dụng các dịch "
      "vụ số và tương tác với chính quyền qua các nền tảng số được đánh giá và lựa chọn."));
  b.emplace_back(Body(
      "- Về kinh tế số: hướng dẫn doanh nghiệp, hộ kinh doanh, người dân trên địa bàn đăng ký tham "
      "gia các sàn thương mại điện tử như “voso.vn”, “postmart.vn”...; mở tài khoản thanh toán "
      "điện tử; hướng dẫn người dân sử dụng nền tảng số, công nghệ số để đăng ảnh, quảng bá sản "
      "phẩm, tạo gian hàng, nhận đơn, đóng gói sản phẩm và quan trọng nhất là cam kết cung cấp sản "
      "phẩm đúng chất lượng cho khách hàng; hướng dẫn ứng dụng công nghệ số trong các hoạt động "
      "sản xuất, kinh doanh phù hợp với điều kiện kinh tế - xã hội của địa phương."));
  b.emplace_back(Body(
      "- Về xã hội số: hướng dẫn người dân tiếp cận, cài đặt, sử dụng các dịch vụ số phục vụ cho "
      "các nhu cầu thiết yếu như y tế, giáo dục, chính sách xã hội, phòng chống dịch... thông qua "
      "các nền tảng số; phổ biến, hướng dẫn, hỗ trợ người dân tiếp cận, sử dụng các nền tảng số "
      "phục vụ phát triển chính quyền số, kinh tế số, xã hội số."));

  b.emplace_back(Article(3, "Quyết định này có hiệu lực kể từ ngày ký."));
  Paragraph executes = Body(std::vector<Run>{
      {"Điều 4. ", true},
      {"Công chức Văn phòng - Thống kê " + commune + "; Bí thư Đoàn Thanh niên " + commune +
       "; các ngành có liên quan và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành "
       "Quyết định này./."}});
  executes.keep_with_next = true;  // the signature never stands alone on a page
  b.emplace_back(std::move(executes));

  b.emplace_back(Closing(d));
  return doc;
}

}  // namespace cnscd::documents
