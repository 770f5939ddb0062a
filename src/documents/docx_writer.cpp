#include "documents/docx_writer.hpp"

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace cnscd::documents {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelTypes =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string Twips(double mm) { return std::to_string(std::lround(mm * 1440 / 25.4)); }
std::string TwipsOfPt(double pt) { return std::to_string(std::lround(pt * 20)); }
std::string HalfPoints(double pt) { return std::to_string(std::lround(pt * 2)); }

pugi::xml_document NewPart() {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return doc;
}

std::string Serialize(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

// <parent><name w:val="value"/></parent>
pugi::xml_node Val(pugi::xml_node parent, const char* name, const std::string& value) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute("w:val") = value.c_str();
  return n;
}

void SizeProperties(pugi::xml_node rpr, double size_pt) {
  Val(rpr, "w:sz", HalfPoints(size_pt));
  Val(rpr, "w:szCs", HalfPoints(size_pt));
}

const char* Justification(Align a) {
  switch (a) {
    case Align::kLeft:
      return "left";
    case Align::kCenter:
      return "center";
    case Align::kRight:
      return "right";
    case Align::kJustify:
      return "both";
  }
  return "left";
}

// A centred horizontal rule `length_mm` long in a box `width_mm` wide: an empty, very low
// paragraph whose top border is the rule, narrowed by equal indents.
void AppendRule(pugi::xml_node parent, double length_mm, double width_mm, double after_pt) {
  const double side = std::max(0.0, (width_mm - length_mm) / 2);
  pugi::xml_node ppr = parent.append_child("w:p").append_child("w:pPr");
  pugi::xml_node top = ppr.append_child("w:pBdr").append_child("w:top");
  top.append_attribute("w:val") = "single";
  top.append_attribute("w:sz") = "6";  // eighths of a point
  top.append_attribute("w:space") = "1";
  top.append_attribute("w:color") = "000000";
  pugi::xml_node spacing = ppr.append_child("w:spacing");
  spacing.append_attribute("w:before") = "40";  // 2 pt: the rule stands clear of the text
  spacing.append_attribute("w:after") = TwipsOfPt(after_pt).c_str();
  spacing.append_attribute("w:line") = "80";  // 4 pt, exactly
  spacing.append_attribute("w:lineRule") = "exact";
  pugi::xml_node ind = ppr.append_child("w:ind");
  ind.append_attribute("w:left") = Twips(side).c_str();
  ind.append_attribute("w:right") = Twips(side).c_str();
  Val(ppr, "w:jc", "center");
  SizeProperties(ppr.append_child("w:rPr"), 2);
}

void AppendParagraph(pugi::xml_node parent, const Paragraph& p, double width_mm) {
  pugi::xml_node para = parent.append_child("w:p");
  pugi::xml_node ppr = para.append_child("w:pPr");
  if (p.keep_with_next || p.rule_below_mm > 0) ppr.append_child("w:keepNext");
  pugi::xml_node spacing = ppr.append_child("w:spacing");
  spacing.append_attribute("w:before") = TwipsOfPt(p.space_before_pt).c_str();
  // With a rule below, the space after belongs under the rule.
  spacing.append_attribute("w:after") =
      TwipsOfPt(p.rule_below_mm > 0 ? 0 : p.space_after_pt).c_str();
  spacing.append_attribute("w:line") = "240";  // single
  spacing.append_attribute("w:lineRule") = "auto";
  if (p.first_line_indent_mm > 0) {
    ppr.append_child("w:ind").append_attribute("w:firstLine") =
        Twips(p.first_line_indent_mm).c_str();
  }
  Val(ppr, "w:jc", Justification(p.align));
  SizeProperties(ppr.append_child("w:rPr"), p.size_pt);
  for (const Run& r : p.runs) {
    pugi::xml_node run = para.append_child("w:r");
    pugi::xml_node rpr = run.append_child("w:rPr");
    if (r.bold) {
      rpr.append_child("w:b");
      rpr.append_child("w:bCs");
    }
    if (r.italic) {
      rpr.append_child("w:i");
      rpr.append_child("w:iCs");
    }
    SizeProperties(rpr, p.size_pt);
    pugi::xml_node t = run.append_child("w:t");
    t.append_attribute("xml:space") = "preserve";
    t.text() = r.text.c_str();
  }
  if (p.rule_below_mm > 0) AppendRule(parent, p.rule_below_mm, width_mm, p.space_after_pt);
}

void AppendCell(pugi::xml_node row, const std::vector<Paragraph>& ps, double width_mm) {
  pugi::xml_node tc = row.append_child("w:tc");
  pugi::xml_node w = tc.append_child("w:tcPr").append_child("w:tcW");
  w.append_attribute("w:w") = Twips(width_mm).c_str();
  w.append_attribute("w:type") = "dxa";
  for (const Paragraph& p : ps) AppendParagraph(tc, p, width_mm);
  if (ps.empty()) tc.append_child("w:p");  // a cell holds at least one paragraph
}

// Columns as a borderless table with fixed widths and no cell margins; rows never split.
void AppendColumns(pugi::xml_node body, const Columns& c) {
  pugi::xml_node tbl = body.append_child("w:tbl");
  pugi::xml_node pr = tbl.append_child("w:tblPr");
  pugi::xml_node width = pr.append_child("w:tblW");
  width.append_attribute("w:w") = Twips(c.left_width_mm + c.right_width_mm).c_str();
  width.append_attribute("w:type") = "dxa";
  pugi::xml_node ind = pr.append_child("w:tblInd");
  ind.append_attribute("w:w") = "0";
  ind.append_attribute("w:type") = "dxa";
  pugi::xml_node borders = pr.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    Val(borders, side, "nil");
  }
  pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
  pugi::xml_node margins = pr.append_child("w:tblCellMar");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"}) {
    pugi::xml_node m = margins.append_child(side);
    m.append_attribute("w:w") = "0";
    m.append_attribute("w:type") = "dxa";
  }
  pugi::xml_node grid = tbl.append_child("w:tblGrid");
  for (const double w : {c.left_width_mm, c.right_width_mm}) {
    grid.append_child("w:gridCol").append_attribute("w:w") = Twips(w).c_str();
  }
  for (const ColumnsRow& r : c.rows) {
    pugi::xml_node tr = tbl.append_child("w:tr");
    tr.append_child("w:trPr").append_child("w:cantSplit");
    AppendCell(tr, r.left, c.left_width_mm);
    AppendCell(tr, r.right, c.right_width_mm);
  }
}

std::string DocumentXml(const Document& doc) {
  pugi::xml_document part = NewPart();
  pugi::xml_node root = part.append_child("w:document");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  pugi::xml_node body = root.append_child("w:body");
  const double width = doc.page.text_width_mm();
  for (const Block& b : doc.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      AppendParagraph(body, *p, width);
    } else {
      AppendColumns(body, std::get<Columns>(b));
    }
  }
  // Word wants a paragraph after a closing table; keep it tiny so that it never adds a page.
  if (!doc.blocks.empty() && std::holds_alternative<Columns>(doc.blocks.back())) {
    pugi::xml_node ppr = body.append_child("w:p").append_child("w:pPr");
    pugi::xml_node spacing = ppr.append_child("w:spacing");
    spacing.append_attribute("w:before") = "0";
    spacing.append_attribute("w:after") = "0";
    spacing.append_attribute("w:line") = "20";
    spacing.append_attribute("w:lineRule") = "exact";
    SizeProperties(ppr.append_child("w:rPr"), 1);
  }

  const PageSetup& page = doc.page;
  pugi::xml_node sect = body.append_child("w:sectPr");
  pugi::xml_node header = sect.append_child("w:headerReference");
  header.append_attribute("w:type") = "default";
  header.append_attribute("r:id") = "rIdHeaderNumbered";
  pugi::xml_node first = sect.append_child("w:headerReference");
  first.append_attribute("w:type") = "first";
  first.append_attribute("r:id") = "rIdHeaderFirst";
  pugi::xml_node size = sect.append_child("w:pgSz");
  size.append_attribute("w:w") = Twips(page.width_mm).c_str();
  size.append_attribute("w:h") = Twips(page.height_mm).c_str();
  pugi::xml_node mar = sect.append_child("w:pgMar");
  mar.append_attribute("w:top") = Twips(page.top_mm).c_str();
  mar.append_attribute("w:right") = Twips(page.right_mm).c_str();
  mar.append_attribute("w:bottom") = Twips(page.bottom_mm).c_str();
  mar.append_attribute("w:left") = Twips(page.left_mm).c_str();
  mar.append_attribute("w:header") = Twips(page.top_mm / 2 - 3).c_str();
  mar.append_attribute("w:footer") = Twips(page.bottom_mm / 2).c_str();
  mar.append_attribute("w:gutter") = "0";
  sect.append_child("w:titlePg");  // the first page has its own, empty, header
  return Serialize(part);
}

// The header of pages after the first: the page number, centred (decree).
std::string HeaderXml(const Document& doc, bool numbered) {
  pugi::xml_document part = NewPart();
  pugi::xml_node root = part.append_child("w:hdr");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  pugi::xml_node p = root.append_child("w:p");
  pugi::xml_node ppr = p.append_child("w:pPr");
  Val(ppr, "w:pStyle", "Header");
  Val(ppr, "w:jc", "center");
  if (!numbered) return Serialize(part);
  const auto run = [&](const char* child) {
    pugi::xml_node r = p.append_child("w:r");
    SizeProperties(r.append_child("w:rPr"), doc.page.page_number_pt);
    return r.append_child(child);
  };
  run("w:fldChar").append_attribute("w:fldCharType") = "begin";
  pugi::xml_node instr = run("w:instrText");
  instr.append_attribute("xml:space") = "preserve";
  instr.text() = " PAGE ";
  run("w:fldChar").append_attribute("w:fldCharType") = "separate";
  run("w:t").text() = "2";
  run("w:fldChar").append_attribute("w:fldCharType") = "end";
  return Serialize(part);
}

std::string StylesXml(const Document& doc) {
  pugi::xml_document part = NewPart();
  pugi::xml_node root = part.append_child("w:styles");
  root.append_attribute("xmlns:w") = kW;
  pugi::xml_node defaults = root.append_child("w:docDefaults");
  pugi::xml_node rpr = defaults.append_child("w:rPrDefault").append_child("w:rPr");
  pugi::xml_node fonts = rpr.append_child("w:rFonts");
  for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) {
    fonts.append_attribute(a) = doc.font_family.c_str();
  }
  SizeProperties(rpr, 14);
  pugi::xml_node lang = rpr.append_child("w:lang");
  lang.append_attribute("w:val") = "vi-VN";
  lang.append_attribute("w:eastAsia") = "en-US";
  lang.append_attribute("w:bidi") = "ar-SA";
  pugi::xml_node ppr = defaults.append_child("w:pPrDefault").append_child("w:pPr");
  ppr.append_child("w:widowControl");  // as the PDF writer does
  pugi::xml_node spacing = ppr.append_child("w:spacing");
  spacing.append_attribute("w:after") = "0";
  spacing.append_attribute("w:line") = "240";
  spacing.append_attribute("w:lineRule") = "auto";

  const auto style = [&](const char* type, const char* id, const char* name, bool is_default) {
    pugi::xml_node s = root.append_child("w:style");
    s.append_attribute("w:type") = type;
    if (is_default) s.append_attribute("w:default") = "1";
    s.append_attribute("w:styleId") = id;
    Val(s, "w:name", name);
    return s;
  };
  style("paragraph", "Normal", "Normal", true).append_child("w:qFormat");
  pugi::xml_node table = style("table", "TableNormal", "Normal Table", true);
  pugi::xml_node tpr = table.append_child("w:tblPr");
  pugi::xml_node ind = tpr.append_child("w:tblInd");
  ind.append_attribute("w:w") = "0";
  ind.append_attribute("w:type") = "dxa";
  pugi::xml_node header = style("paragraph", "Header", "header", false);
  Val(header, "w:basedOn", "Normal");
  return Serialize(part);
}

std::string SettingsXml() {
  pugi::xml_document part = NewPart();
  pugi::xml_node root = part.append_child("w:settings");
  root.append_attribute("xmlns:w") = kW;
  root.append_child("w:zoom").append_attribute("w:percent") = "100";
  Val(root, "w:defaultTabStop", "720");
  Val(root, "w:characterSpacingControl", "doNotCompress");
  pugi::xml_node compat = root.append_child("w:compat").append_child("w:compatSetting");
  compat.append_attribute("w:name") = "compatibilityMode";
  compat.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
  compat.append_attribute("w:val") = "15";
  return Serialize(part);
}

std::string ContentTypesXml() {
  pugi::xml_document part = NewPart();
  pugi::xml_node root = part.append_child("Types");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  const auto add_default = [&](const char* ext, const char* type) {
    pugi::xml_node d = root.append_child("Default");
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  };
  add_default("rels", "application/vnd.openxmlformats-package.relationships+xml");
  add_default("xml", "application/xml");
  const auto add_override = [&](const char* part_name, const std::string& type) {
    pugi::xml_node o = root.append_child("Override");
    o.append_attribute("PartName") = part_name;
    o.append_attribute("ContentType") = type.c_str();
  };
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  add_override("/word/document.xml", wml + "document.main+xml");
  add_override("/word/styles.xml", wml + "styles+xml");
  add_override("/word/settings.xml", wml + "settings+xml");
  add_override("/word/header1.xml", wml + "header+xml");
  add_override("/word/header2.xml", wml + "header+xml");
  add_override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  return Serialize(part);
}

std::string DocumentRelsXml() {
  pugi::xml_document part = NewPart();
  pugi::xml_node root = part.append_child("Relationships");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
  const auto add = [&](const char* id, const std::string& type, const char* target) {
    pugi::xml_node r = root.append_child("Relationship");
    r.append_attribute("Id") = id;
    r.append_attribute("Type") = (kRelTypes + type).c_str();
    r.append_attribute("Target") = target;
  };
  add("rIdStyles", "styles", "styles.xml");
  add("rIdSettings", "settings", "settings.xml");
  add("rIdHeaderNumbered", "header", "header1.xml");
  add("rIdHeaderFirst", "header", "header2.xml");
  return Serialize(part);
}

std::string PackageRelsXml() {
  pugi::xml_document part = NewPart();
  pugi::xml_node root = part.append_child("Relationships");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
  pugi::xml_node doc = root.append_child("Relationship");
  doc.append_attribute("Id") = "rIdDocument";
  doc.append_attribute("Type") = (std::string(kRelTypes) + "officeDocument").c_str();
  doc.append_attribute("Target") = "word/document.xml";
  pugi::xml_node core = root.append_child("Relationship");
  core.append_attribute("Id") = "rIdCore";
  core.append_attribute("Type") =
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
  core.append_attribute("Target") = "docProps/core.xml";
  return Serialize(part);
}

std::string CoreXml(const Document& doc) {
  pugi::xml_document part = NewPart();
  pugi::xml_node root = part.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_child("dc:title").text() = doc.title.c_str();
  root.append_child("dc:creator").text() = "cnscd";
  root.append_child("dc:language").text() = "vi-VN";
  return Serialize(part);
}

// Zips the parts in memory; libzip reads each part from its string while closing.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) throw std::runtime_error("zip: cannot create a buffer");
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    throw std::runtime_error(std::string("zip: ") + zip_error_strerror(&error));
  }
  zip_source_keep(buffer);  // read it back after the archive is closed
  const auto fail = [&](const char* what) {
    const std::string message = std::string("zip: ") + what + ": " + zip_strerror(archive);
    zip_discard(archive);
    zip_source_free(buffer);
    throw std::runtime_error(message);
  };
  for (const auto& [name, data] : parts) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (source == nullptr) fail("source");
    if (zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(source);
      fail("add");
    }
  }
  if (zip_close(archive) < 0) fail("close");

  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) < 0 || zip_source_open(buffer) < 0) {
    zip_source_free(buffer);
    throw std::runtime_error("zip: cannot read the archive back");
  }
  out.resize(st.size);
  const zip_int64_t read = zip_source_read(buffer, out.data(), st.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != st.size) {
    throw std::runtime_error("zip: short read of the archive");
  }
  return out;
}

}  // namespace

std::string WriteDocx(const Document& doc) {
  return Zip({
      {"[Content_Types].xml", ContentTypesXml()},
      {"_rels/.rels", PackageRelsXml()},
      {"docProps/core.xml", CoreXml(doc)},
      {"word/document.xml", DocumentXml(doc)},
      {"word/_rels/document.xml.rels", DocumentRelsXml()},
      {"word/styles.xml", StylesXml(doc)},
      {"word/settings.xml", SettingsXml()},
      {"word/header1.xml", HeaderXml(doc, true)},
      {"word/header2.xml", HeaderXml(doc, false)},
  });
}

}  // namespace cnscd::documents
