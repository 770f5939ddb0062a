#include "core/village_sheet.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"
#include "core/unit.hpp"

namespace cnscd::village_sheet {
namespace {

constexpr std::size_t kMaxNameLength = 200;  // as POST /units

std::string Line(int line) { return std::to_string(line); }

// A commune's name compared without its type word: "Xã Nhơn Mỹ" and "nhon my" are one.
std::string CommuneKey(std::string_view name) {
  const std::string cleaned = text::Clean(name);
  const std::string kind = SubkindFromName(cleaned);
  const std::string lower = text::Lower(cleaned);
  return text::Fold(kind.empty() ? std::string_view(lower)
                                 : std::string_view(lower).substr(kind.size() + 1));
}

// "thôn" -> "Thôn": the type word as it leads a name.
std::string Capitalised(std::string_view word) {
  // Every type word starts with an ASCII letter or "ấ" (U+1EA5; "Ấ", U+1EA4, differs in the last
  // byte).
  std::string out(word);
  if (out.starts_with("\xE1\xBA\xA5")) {
    out[2] = static_cast<char>(0xA4);
  } else if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

// `name` without its leading type word `kind` (as many words as it has).
std::string WithoutKind(const std::string& name, std::string_view kind) {
  if (kind.empty()) return name;
  std::size_t at = 0;
  for (std::size_t words = std::count(kind.begin(), kind.end(), ' ') + 1; words > 0; --words) {
    at = name.find(' ', at);
    if (at == std::string::npos) return {};
    ++at;
  }
  return name.substr(at);
}

std::string KindList() {
  std::string out;
  for (const std::string_view w : VillageKindWords()) {
    out += (out.empty() ? "" : ", ") + std::string(w);
  }
  return out;
}

// The year and figures of a row; a Reason when they are refused.
struct Population {
  std::optional<int> year;
  std::map<std::string, std::int64_t> figures;
};
std::optional<Reason> ReadPopulation(const SheetRow& row, Population& out) {
  for (const auto& [cohort, typed] : row.figures) {
    const std::optional<std::int64_t> n = input::WholeNumber(typed);
    if (!n) {
      return Reason{"Số liệu \"" + typed + "\" không phải số nguyên không âm (ví dụ 1.234).",
                    "The figure \"" + typed + "\" is not a whole number >= 0 (e.g. 1.234)."};
    }
    out.figures[cohort] = *n;
  }
  if (row.year.empty()) {
    if (!out.figures.empty()) {
      return Reason{"Có số liệu dân số nhưng thiếu năm.", "Population figures without a year."};
    }
    return std::nullopt;
  }
  const std::optional<std::int64_t> year = input::WholeNumber(row.year);
  if (!year || *year < 1900 || *year > 2200) {
    return Reason{"Năm \"" + row.year + "\" phải từ 1900 đến 2200.",
                  "The year \"" + row.year + "\" must be between 1900 and 2200."};
  }
  out.year = static_cast<int>(*year);
  return std::nullopt;
}

// What was decided about a village of the sheet so far, to refuse a row naming it again.
struct Seen {
  int line = 0;
};

class Planner {
 public:
  explicit Planner(const Known& known) : known_(known) {}

  Plan Run(const std::vector<SheetRow>& rows) {
    for (const SheetRow& row : rows) {
      Row out{row.line, "refuse", row.commune, row.name, std::nullopt};
      if (auto why = Decide(row, out)) {
        out.action = "refuse";
        out.reason = std::move(why);
      }
      if (out.action == "create") ++plan_.created;
      if (out.action == "update") ++plan_.updated;
      if (out.action == "match") ++plan_.matched;
      if (out.action == "refuse") ++plan_.refused;
      plan_.rows.push_back(std::move(out));
    }
    return std::move(plan_);
  }

 private:
  const Commune* CommuneOf(const std::string& cell, std::optional<Reason>& why) {
    if (!known_.above_commune && known_.communes.size() == 1) {
      const Commune& only = known_.communes.front();
      if (cell.empty()) return &only;
      Reason r;
      if (FindCommune(known_.communes, cell, r) == nullptr) {
        why =
            Reason{"Dòng thuộc xã khác (\"" + cell + "\"), không phải " + only.name + ".",
                   "The row belongs to another commune (\"" + cell + "\"), not " + only.name + "."};
      }
      return why ? nullptr : &only;
    }
    if (cell.empty()) {
      why = Reason{"Thiếu tên hoặc mã xã ở cột đầu.", "The commune (name or code) is missing."};
      return nullptr;
    }
    Reason r;
    const Commune* c = FindCommune(known_.communes, cell, r);
    if (c == nullptr) why = std::move(r);
    return c;
  }

  std::optional<Reason> Decide(const SheetRow& row, Row& out) {
    if (row.refused) return row.refused;
    std::optional<Reason> why;
    const Commune* commune = CommuneOf(row.commune, why);
    if (commune == nullptr) return why;
    out.commune = commune->name;
    if (row.name.empty()) {
      return Reason{"Thiếu tên thôn, ấp.", "The village's name is missing."};
    }
    if (text::Length(row.name) > kMaxNameLength) {
      return Reason{"Tên dài quá 200 ký tự.", "The name is longer than 200 characters."};
    }
    Population population;
    if (auto bad = ReadPopulation(row, population)) return bad;

    // The village: by code, else by name.
    const std::string key = VillageNameKey(row.name);
    const Village* village = nullptr;
    if (!row.code.empty()) {
      for (const Village& v : commune->villages) {
        if (v.code == row.code) village = &v;
      }
      if (village == nullptr) {
        if (auto other = known_.codes_elsewhere.find(row.code);
            other != known_.codes_elsewhere.end()) {
          return Reason{"Mã " + row.code + " đã là mã của " + other->second + ".",
                        "The code " + row.code + " is already " + other->second + "'s."};
        }
      } else if (VillageNameKey(village->name) != key) {
        return Reason{"Mã " + row.code + " là mã của " + village->name +
                          ", tên khác với dòng này. Nhập không đổi tên thôn, ấp.",
                      "The code " + row.code + " is " + village->name +
                          "'s, named otherwise than this row. The import never renames."};
      }
    }
    if (village == nullptr) {
      for (const Village& v : commune->villages) {
        if (VillageNameKey(v.name) == key) village = &v;
      }
      if (village != nullptr && !row.code.empty() && village->code != row.code) {
        return Reason{village->name + (village->code ? " có mã " + *village->code : " chưa có mã") +
                          ", khác mã " + row.code + " của dòng. Nhập không đổi mã thôn, ấp.",
                      village->name +
                          (village->code ? " has the code " + *village->code : " has no code") +
                          ", not the row's " + row.code + ". The import never changes codes."};
      }
    }
    // Two rows never name one village: the second would create a twin or undo the first.
    const std::string seen_key = std::to_string(commune->id) + "/" + key;
    if (auto earlier = seen_.find(seen_key); earlier != seen_.end()) {
      return Reason{
          "Trùng thôn, ấp với dòng " + Line(earlier->second.line) + " (" + row.name + ").",
          "Names the same village as line " + Line(earlier->second.line) + " (" + row.name + ")."};
    }
    if (village != nullptr) {
      seen_.emplace(seen_key, Seen{row.line});
      out.name = village->name;
      return Existing(*village, population, out);
    }
    return Create(row, *commune, population, seen_key, out);
  }

  std::optional<Reason> Existing(const Village& village, const Population& population, Row& out) {
    out.action = "match";
    if (!population.year || population.figures.empty()) return std::nullopt;
    const auto stored = village.population.find(*population.year);
    bool same = stored != village.population.end();
    for (const auto& [cohort, n] : population.figures) {
      if (!same) break;
      const auto it = stored->second.find(cohort);
      same = it != stored->second.end() && it->second == n;
    }
    if (!same) {
      out.action = "update";
      plan_.population.push_back({village.id, -1, *population.year, population.figures});
    }
    return std::nullopt;
  }

  std::optional<Reason> Create(const SheetRow& row, const Commune& commune,
                               const Population& population, const std::string& seen_key,
                               Row& out) {
    const std::string leading = VillageKindOf(row.name);
    std::string kind = leading;
    if (!row.kind.empty()) {
      kind = VillageKindOf(row.kind);
      if (kind.empty() || text::Fold(row.kind) != text::Fold(kind)) {
        return Reason{"Loại \"" + row.kind + "\" không phải một trong: " + KindList() + ".",
                      "The kind \"" + row.kind + "\" is none of: " + KindList() + "."};
      }
      if (!leading.empty() && leading != kind) {
        return Reason{"Loại \"" + row.kind + "\" khác với tên \"" + row.name + "\".",
                      "The kind \"" + row.kind + "\" differs from the name \"" + row.name + "\"."};
      }
    }
    if (kind.empty()) {
      return Reason{"Thiếu loại (thôn, ấp, bản…) cho thôn mới: ghi ở cột Loại hoặc đầu tên.",
                    "A new village needs its kind (thôn, ấp, bản…): in the kind column or "
                    "leading its name."};
    }
    // "Thôn 3": the type word, then the name typed with or without it.
    const std::string rest = WithoutKind(row.name, leading);
    const std::string name = Capitalised(kind) + (rest.empty() ? "" : " " + rest);
    if (text::Length(name) > kMaxNameLength) {
      return Reason{"Tên dài quá 200 ký tự.", "The name is longer than 200 characters."};
    }
    std::optional<std::string> code;
    if (!row.code.empty()) {
      try {
        CheckUnitCode(UnitKind::kVillage, row.code);
      } catch (const Error& e) {
        return Reason{e.message_vi(), e.message_en()};
      }
      code = row.code;
    }
    seen_.emplace(seen_key, Seen{row.line});
    out.action = "create";
    out.name = name;
    plan_.new_villages.push_back({commune.id, name, kind, code});
    if (population.year && !population.figures.empty()) {
      plan_.population.push_back({0, static_cast<int>(plan_.new_villages.size()) - 1,
                                  *population.year, population.figures});
    }
    return std::nullopt;
  }

  const Known& known_;
  Plan plan_;
  std::map<std::string, Seen> seen_;  // "<commune id>/<name key>" -> the row that named it
};

}  // namespace

const Commune* FindCommune(const std::vector<Commune>& communes, const std::string& cell,
                           Reason& why) {
  const std::string wanted = text::Clean(cell);
  for (const Commune& c : communes) {
    if (c.code && *c.code == wanted) return &c;
  }
  const std::string key = CommuneKey(wanted);
  const Commune* found = nullptr;
  for (const Commune& c : communes) {
    if (CommuneKey(c.name) != key) continue;
    if (found != nullptr) {
      why = {"Có nhiều xã tên \"" + wanted + "\": ghi mã xã thay cho tên.",
             "Several communes are named \"" + wanted + "\": write the commune's code instead."};
      return nullptr;
    }
    found = &c;
  }
  if (found == nullptr) {
    why = {"Không có xã \"" + wanted + "\" trong đơn vị này.",
           "No commune \"" + wanted + "\" within this unit."};
  }
  return found;
}

Plan PlanVillageImport(const std::vector<SheetRow>& rows, const Known& known) {
  return Planner(known).Run(rows);
}

}  // namespace cnscd::village_sheet
