#include "documents/unit_lists.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <unordered_map>

#include "core/error.hpp"
#include "core/text.hpp"
#include "documents/csv.hpp"

namespace cnscd::documents {
namespace {

// One unit a row describes: the columns holding its code, name and type.
struct Level {
  UnitKind kind;
  std::string_view code_column;
  std::string_view name_column;
  std::string_view type_column;  // empty: the type word is read from the name
};

struct Format {
  UnitListFormat format;
  std::vector<std::string_view> header;
  std::vector<Level> levels;  // top-down: each level is the parent of the next
};

const std::vector<Format>& Formats() {
  static const std::vector<Format> kFormats{
      {UnitListFormat::kGsoCommunes,
       {"Mã", "Tên", "Tên Tiếng Anh", "Cấp", "Mã QH", "Quận Huyện", "Mã TP", "Tỉnh / Thành Phố"},
       {{UnitKind::kProvince, "Mã TP", "Tỉnh / Thành Phố", ""},
        {UnitKind::kDistrict, "Mã QH", "Quận Huyện", ""},
        {UnitKind::kCommune, "Mã", "Tên", "Cấp"}}},
      {UnitListFormat::kGsoDistricts,
       {"Mã", "Tên", "Tên Tiếng Anh", "Cấp", "Mã TP", "Tỉnh / Thành Phố"},
       {{UnitKind::kProvince, "Mã TP", "Tỉnh / Thành Phố", ""},
        {UnitKind::kDistrict, "Mã", "Tên", "Cấp"}}},
      {UnitListFormat::kTwoLevel2025,
       {"province", "ward", "provinceShort", "wardShort", "wardType", "provinceCode", "provinceLat",
        "provinceLon", "wardCode", "wardLat", "wardLon", "wardAreaKm2"},
       {{UnitKind::kProvince, "provinceCode", "province", ""},
        {UnitKind::kCommune, "wardCode", "ward", "wardType"}}},
  };
  return kFormats;
}

// A level resolved to cell indexes in this file's header.
struct LevelColumns {
  UnitKind kind;
  std::size_t code;
  std::size_t name;
  std::optional<std::size_t> type;
  std::string_view code_column;
  std::string_view name_column;
};

struct Layout {
  const Format* format;
  std::size_t width;
  std::vector<LevelColumns> levels;
};

Layout DetectLayout(const std::vector<CsvRow>& rows) {
  if (!rows.empty()) {
    std::unordered_map<std::string, std::size_t> index;
    for (const std::string& cell : rows.front().cells) {
      index.emplace(text::Clean(cell), index.size());
    }
    for (const Format& f : Formats()) {
      // Same size and every expected name present: same set of columns, in any order.
      if (index.size() != rows.front().cells.size() || index.size() != f.header.size() ||
          !std::all_of(f.header.begin(), f.header.end(),
                       [&](std::string_view h) { return index.contains(std::string(h)); })) {
        continue;
      }
      Layout layout{&f, f.header.size(), {}};
      for (const Level& l : f.levels) {
        std::optional<std::size_t> type;
        if (!l.type_column.empty()) type = index.at(std::string(l.type_column));
        layout.levels.push_back({l.kind, index.at(std::string(l.code_column)),
                                 index.at(std::string(l.name_column)), type, l.code_column,
                                 l.name_column});
      }
      return layout;
    }
  }
  throw Malformed("unknown_format",
                  "Dòng tiêu đề không khớp với mẫu danh mục đơn vị hành chính nào đã biết (danh "
                  "mục xã, danh mục huyện của Tổng cục Thống kê, hoặc danh mục 34 tỉnh năm 2025).",
                  "The header matches no known list of administrative units (the GSO commune "
                  "or district list, or the 2025 list of 34 provinces).");
}

std::string_view KindVi(UnitKind kind) {
  switch (kind) {
    case UnitKind::kProvince:
      return "tỉnh";
    case UnitKind::kDistrict:
      return "huyện";
    default:
      return "xã";
  }
}

std::string_view KindEn(UnitKind kind) {
  switch (kind) {
    case UnitKind::kProvince:
      return "province";
    case UnitKind::kDistrict:
      return "district";
    default:
      return "commune";
  }
}

int CodeWidth(UnitKind kind) {
  switch (kind) {
    case UnitKind::kProvince:
      return 2;
    case UnitKind::kDistrict:
      return 3;
    default:
      return 5;
  }
}

bool IsSubkindOf(UnitKind kind, std::string_view subkind) {
  static constexpr std::array<std::string_view, 2> kProvince{"tỉnh", "thành phố"};
  static constexpr std::array<std::string_view, 4> kDistrict{"huyện", "quận", "thị xã",
                                                             "thành phố"};
  static constexpr std::array<std::string_view, 4> kCommune{"xã", "phường", "thị trấn", "đặc khu"};
  auto in = [&](const auto& list) {
    return std::find(list.begin(), list.end(), subkind) != list.end();
  };
  switch (kind) {
    case UnitKind::kProvince:
      return in(kProvince);
    case UnitKind::kDistrict:
      return in(kDistrict);
    case UnitKind::kCommune:
      return in(kCommune);
    case UnitKind::kVillage:
      return false;
  }
  return false;
}

bool IsValidCode(UnitKind kind, std::string_view code) {
  try {
    CheckUnitCode(kind, code);
    return true;
  } catch (const Error&) {
    return false;
  }
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

struct Problem {
  std::string vi;
  std::string en;
};

// The units one row describes, top-down, or what is wrong with the row.
std::optional<Problem> ReadUnits(const CsvRow& row, const Layout& layout,
                                 std::vector<UnitRecord>& units) {
  if (row.cells.size() != layout.width) {
    return Problem{"Dòng có " + std::to_string(row.cells.size()) + " ô, dòng tiêu đề có " +
                       std::to_string(layout.width) + " ô.",
                   "The row has " + std::to_string(row.cells.size()) + " cells; the header has " +
                       std::to_string(layout.width) + "."};
  }
  for (const std::string& cell : row.cells) {
    if (!text::IsValidUtf8(cell)) {
      return Problem{"Dòng chứa ký tự không phải UTF-8 hợp lệ.",
                     "The row holds bytes that are not valid UTF-8."};
    }
  }
  for (const LevelColumns& c : layout.levels) {
    const std::string kind_vi(KindVi(c.kind));
    const std::string kind_en(KindEn(c.kind));
    UnitRecord unit{row.line, c.kind, {}, text::Clean(row.cells[c.name]), {}, {}, {}};
    const std::string raw_code = text::Clean(row.cells[c.code]);
    if (raw_code.empty()) {
      return Problem{"Thiếu mã " + kind_vi + " (cột " + Quote(c.code_column) + ").",
                     "The " + kind_en + " code is missing (column " + Quote(c.code_column) + ")."};
    }
    if (unit.name.empty()) {
      return Problem{"Thiếu tên " + kind_vi + " (cột " + Quote(c.name_column) + ").",
                     "The " + kind_en + " name is missing (column " + Quote(c.name_column) + ")."};
    }
    unit.code = PadGsoCode(c.kind, raw_code);
    if (!IsValidCode(c.kind, unit.code)) {
      const std::string width = std::to_string(CodeWidth(c.kind));
      return Problem{
          "Mã " + kind_vi + " " + Quote(raw_code) + " không hợp lệ: cần đúng " + width + " chữ số.",
          "The " + kind_en + " code " + Quote(raw_code) + " is invalid: it needs " + width +
              " digits."};
    }
    if (c.type) unit.subkind = text::Lower(text::Clean(row.cells[*c.type]));
    if (unit.subkind.empty()) unit.subkind = SubkindFromName(unit.name);
    if (!IsSubkindOf(c.kind, unit.subkind)) {
      return Problem{
          "Không nhận ra loại " + kind_vi + " " + Quote(unit.subkind) + " của " + Quote(unit.name) +
              ".",
          "Unknown " + kind_en + " type " + Quote(unit.subkind) + " for " + Quote(unit.name) + "."};
    }
    if (!units.empty()) {
      unit.parent_kind = units.back().kind;
      unit.parent_code = units.back().code;
    }
    units.push_back(std::move(unit));
  }
  return std::nullopt;
}

// Units kept so far, one per kind and code.
class Registry {
 public:
  // The first unit of `units` whose code is already known with different data.
  std::optional<Problem> Conflict(const std::vector<UnitRecord>& units) const {
    for (const UnitRecord& u : units) {
      const UnitRecord* seen = Find(u);
      if (seen == nullptr || SameData(*seen, u)) continue;
      const std::string kind_vi(KindVi(u.kind));
      const std::string kind_en(KindEn(u.kind));
      const std::string line = std::to_string(seen->line);
      if (seen->name != u.name) {
        return Problem{"Mã " + kind_vi + " " + u.code + " đã có ở dòng " + line + " với tên " +
                           Quote(seen->name) + ", ở đây là " + Quote(u.name) + ".",
                       "The " + kind_en + " code " + u.code + " appears on line " + line + " as " +
                           Quote(seen->name) + ", here as " + Quote(u.name) + "."};
      }
      return Problem{"Mã " + kind_vi + " " + u.code + " đã có ở dòng " + line +
                         " với loại hoặc đơn vị cấp trên khác.",
                     "The " + kind_en + " code " + u.code + " appears on line " + line +
                         " with another type or parent."};
    }
    return std::nullopt;
  }

  void Add(std::vector<UnitRecord> units) {
    for (UnitRecord& u : units) {
      if (Find(u) != nullptr) continue;
      auto& kept = kept_[Slot(u.kind)];
      index_[Slot(u.kind)].emplace(u.code, kept.size());
      kept.push_back(std::move(u));
    }
  }

  std::vector<UnitRecord> Take() {
    std::vector<UnitRecord> all;
    for (auto& kept : kept_) std::move(kept.begin(), kept.end(), std::back_inserter(all));
    return all;
  }

 private:
  static std::size_t Slot(UnitKind kind) { return static_cast<std::size_t>(kind); }

  static bool SameData(const UnitRecord& a, const UnitRecord& b) {
    return a.name == b.name && a.subkind == b.subkind && a.parent_kind == b.parent_kind &&
           a.parent_code == b.parent_code;
  }

  const UnitRecord* Find(const UnitRecord& u) const {
    const auto& index = index_[Slot(u.kind)];
    const auto it = index.find(u.code);
    return it == index.end() ? nullptr : &kept_[Slot(u.kind)][it->second];
  }

  // Province, district, commune: the order records are handed out.
  std::array<std::vector<UnitRecord>, 3> kept_;
  std::array<std::unordered_map<std::string, std::size_t>, 3> index_;
};

}  // namespace

UnitList ParseUnitList(std::string_view content) {
  const std::vector<CsvRow> rows = ReadCsv(content);
  const Layout layout = DetectLayout(rows);
  UnitList list{layout.format->format, {}, {}, 0};
  Registry registry;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ++list.rows_read;
    std::vector<UnitRecord> units;
    std::optional<Problem> problem = ReadUnits(rows[i], layout, units);
    if (!problem) problem = registry.Conflict(units);
    if (problem) {
      list.refused.push_back({rows[i].line, std::move(problem->vi), std::move(problem->en)});
      continue;
    }
    registry.Add(std::move(units));
  }
  list.records = registry.Take();
  return list;
}

}  // namespace cnscd::documents
