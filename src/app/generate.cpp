#include "app/generate.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/citizen_key.hpp"
#include "app/import_units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/service.hpp"
#include "core/synthetic.hpp"
#include "core/team.hpp"
#include "core/text.hpp"
#include "documents/csv.hpp"
#include "documents/unit_lists.hpp"

namespace cnscd::app {
namespace {

namespace fs = std::filesystem;
using synthetic::Region;

using synthetic::Rng;

// One stream per stage, so that asking for more records does not change the people.
std::uint64_t StreamSeed(std::uint64_t seed, std::uint64_t stage) {
  Rng r(seed ^ (stage * 0xD1B54A32D192ED03ULL));
  return r.Next();
}

std::optional<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  if (path.empty() || !fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Names drawn by weight.
class Weighted {
 public:
  void Add(const std::string& item, std::uint64_t weight) {
    if (weight == 0) return;
    items_.push_back(item);
    cumulative_.push_back((cumulative_.empty() ? 0 : cumulative_.back()) + weight);
  }
  bool empty() const { return items_.empty(); }
  const std::string& Pick(Rng& rng) const {
    return items_[synthetic::PickCumulative(cumulative_, rng.Below(cumulative_.back()))];
  }

 private:
  std::vector<std::string> items_;
  std::vector<std::uint64_t> cumulative_;
};

struct NameBank {
  Weighted surnames, male_middle, female_middle, male_given, female_given;
  bool from_files = false;
};

// Column index by header name; -1 when absent.
int Column(const documents::CsvRow& header, std::string_view name) {
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    if (header.cells[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::uint64_t CountCell(const documents::CsvRow& row, int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= row.cells.size()) return 0;
  try {
    return static_cast<std::uint64_t>(std::stoull(row.cells[static_cast<std::size_t>(column)]));
  } catch (const std::exception&) {
    return 0;
  }
}

std::string LastWord(const std::string& s) {
  const auto space = s.rfind(' ');
  return space == std::string::npos ? s : s.substr(space + 1);
}

std::string FirstWord(const std::string& s) { return s.substr(0, s.find(' ')); }

void BuiltInNames(NameBank& bank) {
  for (const auto& [name, w] : std::vector<std::pair<std::string, int>>{{"Nguyễn", 38},
                                                                        {"Trần", 11},
                                                                        {"Lê", 9},
                                                                        {"Phạm", 7},
                                                                        {"Hoàng", 5},
                                                                        {"Huỳnh", 4},
                                                                        {"Phan", 4},
                                                                        {"Vũ", 4},
                                                                        {"Võ", 4},
                                                                        {"Đặng", 2},
                                                                        {"Bùi", 2},
                                                                        {"Đỗ", 2},
                                                                        {"Hồ", 2},
                                                                        {"Ngô", 2},
                                                                        {"Dương", 1},
                                                                        {"Lý", 1}}) {
    bank.surnames.Add(name, static_cast<std::uint64_t>(w));
  }
  for (const char* m : {"Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công"}) {
    bank.male_middle.Add(m, 1);
  }
  for (const char* m : {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng"}) {
    bank.female_middle.Add(m, 1);
  }
  for (const char* g : {"An", "Bình", "Cường", "Dũng", "Hùng", "Huy", "Khoa", "Long", "Nam", "Phúc",
                        "Quang", "Sơn", "Thắng", "Tuấn", "Việt"}) {
    bank.male_given.Add(g, 1);
  }
  for (const char* g : {"Anh", "Dung", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân",
                        "Nhung", "Phương", "Thảo", "Trang", "Yến"}) {
    bank.female_given.Add(g, 1);
  }
}

// The frequency tables of ../shared/data/names (README there): surnames and given names by
// count; a given name's gender from how often it follows Thị or Văn, ties settled by the boy and
// girl lists; middle names by count, split by gender with middle-names.json.
NameBank LoadNames(const std::string& dir) {
  NameBank bank;
  const fs::path base(dir);
  const auto surnames = ReadFile(dir.empty() ? fs::path() : base / "uit_surname_freq.csv");
  const auto middles = ReadFile(dir.empty() ? fs::path() : base / "uit_middle_freq.csv");
  const auto givens = ReadFile(dir.empty() ? fs::path() : base / "uit_given_freq.csv");
  if (!surnames || !middles || !givens) {
    BuiltInNames(bank);
    return bank;
  }
  std::map<std::string, int> girl_last, boy_last;
  for (const auto& [file, into] :
       {std::pair{"girl.txt", &girl_last}, std::pair{"boy.txt", &boy_last}}) {
    if (const auto text = ReadFile(base / file)) {
      std::istringstream lines(*text);
      for (std::string line; std::getline(lines, line);) {
        line = text::Clean(text::ToNfc(line));
        if (!line.empty()) ++(*into)[LastWord(line)];
      }
    }
  }
  std::set<std::string> female_first{"Thị", "Ngọc", "Diệu", "Mỹ", "Bích", "Hồng", "Kim", "Thu"};
  std::set<std::string> male_first{"Văn", "Hữu", "Đức", "Công", "Quang", "Minh", "Quốc", "Gia"};
  if (const auto json_text = ReadFile(base / "middle-names.json")) {
    try {
      const Json j = Json::parse(*json_text);
      for (const auto& [gender, into] :
           {std::pair{"male", &male_first}, std::pair{"female", &female_first}}) {
        for (const auto& style : j.at(gender).items()) {
          for (const auto& name : style.value().at("all")) {
            into->insert(text::ToNfc(name.get<std::string>()));
          }
        }
      }
    } catch (const std::exception&) {
      // A damaged curated list only narrows the middle names; the built-in sets stand.
    }
  }
  try {
    const auto s_rows = documents::ReadCsv(*surnames);
    const auto m_rows = documents::ReadCsv(*middles);
    const auto g_rows = documents::ReadCsv(*givens);
    if (s_rows.empty() || m_rows.empty() || g_rows.empty()) throw std::runtime_error("empty");
    const int s_name = Column(s_rows[0], "name"), s_count = Column(s_rows[0], "count");
    for (std::size_t i = 1; i < s_rows.size(); ++i) {
      const std::string name = text::ToNfc(s_rows[i].cells[0 + static_cast<std::size_t>(s_name)]);
      if (!name.empty()) bank.surnames.Add(name, CountCell(s_rows[i], s_count));
    }
    const int m_name = Column(m_rows[0], "name"), m_count = Column(m_rows[0], "count");
    for (std::size_t i = 1; i < m_rows.size(); ++i) {
      const std::string name = text::ToNfc(m_rows[i].cells[static_cast<std::size_t>(m_name)]);
      const std::uint64_t n = CountCell(m_rows[i], m_count);
      if (name.empty()) {
        bank.male_middle.Add(name, n);  // two-part names are mostly men's
        continue;
      }
      const std::string first = FirstWord(name);
      if (female_first.count(first)) bank.female_middle.Add(name, n);
      if (male_first.count(first)) bank.male_middle.Add(name, n);
    }
    const int g_name = Column(g_rows[0], "name"), g_count = Column(g_rows[0], "count");
    const int g_thi = Column(g_rows[0], "with_middle_Thi");
    const int g_van = Column(g_rows[0], "with_middle_Van");
    for (std::size_t i = 1; i < g_rows.size(); ++i) {
      const std::string name = text::ToNfc(g_rows[i].cells[static_cast<std::size_t>(g_name)]);
      const std::uint64_t n = CountCell(g_rows[i], g_count);
      const std::uint64_t thi = CountCell(g_rows[i], g_thi), van = CountCell(g_rows[i], g_van);
      const int girls = girl_last.count(name) ? girl_last[name] : 0;
      const int boys = boy_last.count(name) ? boy_last[name] : 0;
      const bool female = thi > van || (thi == van && girls > boys);
      const bool male = van > thi || (thi == van && boys > girls);
      if (female || !male) bank.female_given.Add(name, n);
      if (male || !female) bank.male_given.Add(name, n);
    }
    if (bank.surnames.empty() || bank.male_middle.empty() || bank.female_middle.empty() ||
        bank.male_given.empty() || bank.female_given.empty()) {
      throw std::runtime_error("incomplete");
    }
    bank.from_files = true;
  } catch (const std::exception&) {
    bank = NameBank{};  // unreadable tables: the built-in list, whole
    BuiltInNames(bank);
  }
  return bank;
}

// Invented place syllables (Sino-Vietnamese, as many real names are): every combination is
// made up.
constexpr std::array<std::string_view, 24> kSyllables{
    "An",    "Bình",  "Phú",   "Tân",   "Hòa",  "Thạnh", "Long", "Mỹ",
    "Phước", "Thuận", "Hưng",  "Lợi",   "Đông", "Tây",   "Nam",  "Bắc",
    "Sơn",   "Hải",   "Quang", "Trung", "Vĩnh", "Thái",  "Lộc",  "Xuân"};

std::string InventedName(std::size_t n) {
  const std::size_t count = kSyllables.size();
  return std::string(kSyllables[n % count]) + " " +
         std::string(kSyllables[(n / count + n) % count]);
}

// A commune to fill: where it is and how its villages are called.
struct CommuneRef {
  store::Id id = 0;
  std::string subkind;
  Region region = Region::kNorth;
};

struct TeamRef {
  store::Id team = 0;
  store::Id village = 0;
  std::vector<store::Id> members;
};

bool MatchesProvince(const std::string& code, const std::string& name, const std::string& subkind,
                     const std::string& wanted) {
  const std::string w = text::Clean(text::ToNfc(wanted));
  if (!w.empty() && w.find_first_not_of("0123456789") == std::string::npos) {
    return PadGsoCode(UnitKind::kProvince, w) == code;
  }
  const std::string folded = text::Fold(w);
  return folded == text::Fold(name) || text::Fold(subkind) + " " + folded == text::Fold(name);
}

Error UnknownProvince(const std::string& wanted) {
  return RuleBroken("unknown_province", "Không có tỉnh, thành phố nào tên hoặc mã " + wanted + ".",
                    "No province is named or coded " + wanted + ".", "province");
}

// Keeps the province asked for and what lies under it.
documents::UnitList OnlyProvince(const documents::UnitList& list, const std::string& wanted) {
  documents::UnitList out{list.format, {}, {}, list.rows_read};
  std::set<std::pair<UnitKind, std::string>> kept;
  for (const documents::UnitRecord& r : list.records) {
    const bool keep = r.kind == UnitKind::kProvince
                          ? MatchesProvince(r.code, r.name, r.subkind, wanted)
                          : r.parent_kind && kept.count({*r.parent_kind, r.parent_code}) > 0;
    if (!keep) continue;
    kept.insert({r.kind, r.code});
    out.records.push_back(r);
  }
  return out;
}

std::string RecordId(std::uint64_t seed, std::uint64_t n) {
  std::array<char, 40> buf{};
  std::snprintf(buf.data(), buf.size(), "%08x-9e00-4000-8000-%012llx",
                static_cast<unsigned>(seed & 0xffffffffU),
                static_cast<unsigned long long>(n & 0xffffffffffffULL));
  return buf.data();
}

class Generator {
 public:
  Generator(Context& ctx, const Caller& caller, const GenOptions& options,
            const std::function<void(std::string_view, std::int64_t, std::int64_t)>& progress)
      : ctx_(ctx), caller_(caller), options_(options), progress_(progress) {}

  GenSummary Run() {
    const auto started = std::chrono::steady_clock::now();
    if (options_.records < 0) {
      throw Malformed("bad_records", "Số bản ghi phải không âm.",
                      "The number of records must not be negative.", "records");
    }
    {
      auto tx = ctx_.Begin(store::Access::kRead);
      store::UnitQuery q;
      q.limit = 1;
      if (tx->ListUnits(q, store::Scope{true, {}, {}, {}}).total > 0) {
        throw RuleBroken("database_not_empty",
                         "Cơ sở dữ liệu đã có đơn vị hành chính: chỉ sinh dữ liệu vào cơ sở dữ "
                         "liệu trống.",
                         "The database holds units already: gen fills an empty database only.",
                         "db");
      }
    }
    const std::string edition_file = options_.before_reform
                                         ? "danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv"
                                         : "2025_34-province-3221-ward_with_location.csv";
    const fs::path lists(options_.lists_dir);
    std::error_code ec;
    if (!options_.synthetic && !options_.lists_dir.empty() &&
        fs::is_regular_file(lists / edition_file, ec)) {
      LoadOfficialUnits(lists, edition_file);
    } else {
      InventUnits();
    }
    FillCommunes();
    WriteRecords();
    summary_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    auto tx = ctx_.Begin(store::Access::kWrite);
    Json after{{"seed", options_.seed},
               {"units_source", summary_.units_source},
               {"names_source", summary_.names_source},
               {"provinces", summary_.provinces},
               {"districts", summary_.districts},
               {"communes", summary_.communes},
               {"villages", summary_.villages},
               {"teams", summary_.teams},
               {"members", summary_.members},
               {"records", summary_.records}};
    if (options_.province) after["province"] = *options_.province;
    Audit(*tx, ctx_, caller_, "gen", {"database", 0, "/", std::nullopt}, std::nullopt, after);
    tx->Commit();
    return summary_;
  }

 private:
  void Report(std::string_view stage, std::int64_t done, std::int64_t total) {
    if (progress_) progress_(stage, done, total);
  }

  // The GSO lists through the import-units use case: codes, names and edition as an import.
  void LoadOfficialUnits(const fs::path& lists, const std::string& commune_file) {
    std::vector<documents::UnitList> parsed;
    if (options_.before_reform) {
      // The district list first: it holds the five island districts that have no communes.
      if (const auto d = ReadFile(lists / "danhmuchanhchinh.gso.gov.vn_district_2025-07-18.csv")) {
        parsed.push_back(documents::ParseUnitList(*d));
      }
    }
    const auto content = ReadFile(lists / commune_file);
    parsed.push_back(documents::ParseUnitList(content.value_or("")));
    if (options_.province) {
      for (documents::UnitList& list : parsed) list = OnlyProvince(list, *options_.province);
      if (parsed.back().records.empty()) throw UnknownProvince(*options_.province);
    }
    summary_.units_source = options_.before_reform ? "gso-before-2025" : "gso-2025";
    for (const documents::UnitList& list : parsed) {
      ImportUnits(ctx_, caller_, list, [&](int done, int total) { Report("units", done, total); });
    }
    // Read back what was imported, in the list's order (ids are in that order too).
    const auto edition = EditionOf(parsed.back().format);
    std::map<std::string, std::string> province_of_district;
    std::set<std::string> districts;
    auto tx = ctx_.Begin(store::Access::kRead);
    for (const documents::UnitList& list : parsed) {
      for (const documents::UnitRecord& r : list.records) {
        if (r.kind == UnitKind::kProvince) continue;
        if (r.kind == UnitKind::kDistrict) {
          province_of_district[r.code] = r.parent_code;
          districts.insert(r.code);
          continue;
        }
        if (r.kind != UnitKind::kCommune || !commune_codes_.insert(r.code).second) continue;
        const auto unit = tx->FindUnitByCode(UnitKind::kCommune, r.code, edition);
        if (!unit) continue;
        const std::string province = r.parent_kind == UnitKind::kDistrict
                                         ? province_of_district[r.parent_code]
                                         : r.parent_code;
        communes_.push_back({unit->id, r.subkind, synthetic::RegionOfProvinceCode(province)});
      }
    }
    std::set<std::string> provinces;
    for (const documents::UnitList& list : parsed) {
      for (const documents::UnitRecord& r : list.records) {
        if (r.kind == UnitKind::kProvince) provinces.insert(r.code);
      }
    }
    summary_.provinces = static_cast<std::int64_t>(provinces.size());
    summary_.districts = static_cast<std::int64_t>(districts.size());
    summary_.communes = static_cast<std::int64_t>(communes_.size());
    summary_.rows += summary_.provinces + summary_.districts + summary_.communes;
  }

  // The two-level shape of 2025 with invented names: 34 provinces, 3,321 communes (a fifth of
  // them wards), the regions in the country's proportions.
  void InventUnits() {
    summary_.units_source = "synthetic";
    constexpr int kProvinces = 34;
    constexpr int kCommunes = 3321;
    static constexpr std::array<std::string_view, kProvinces> kProvinceNames{
        "Bắc Sơn Hà",     "Đông Lĩnh",      "Tây Nguyên Hạ",    "Lạc Thủy",       "Kim Bảng",
        "Vân Đồn Thượng", "Hà Lam",         "Thượng Lâm",       "Mường Thanh Hạ", "Nậm Pồ Thượng",
        "Hồng Lĩnh",      "Trà Giang",      "Bình Sơn",         "Ngọc Lâm",       "Quảng Hòa",
        "Hương Sơn",      "Phú Ninh",       "Sông Cầu Hạ",      "Ea Hleo Thượng", "Lâm Viên",
        "Đồng Xuân",      "Cam Ranh Hạ",    "Phan Lý",          "Tân Hưng",       "Bến Thành Hạ",
        "Cửu Long",       "Vĩnh Thạnh",     "Hậu Giang Thượng", "Mỹ Xuyên",       "Kiên Lương",
        "Cà Ná",          "Năm Căn Thượng", "Bạc Liêu Hạ",      "Hà Tiên Thượng"};
    const std::vector<int> per_province = synthetic::Share(kCommunes, kProvinces);
    Rng rng(StreamSeed(options_.seed, 1));
    auto tx = ctx_.Begin(store::Access::kWrite);
    bool any = false;
    for (int p = 0; p < kProvinces; ++p) {
      std::array<char, 16> code{};
      std::snprintf(code.data(), code.size(), "%02d", p + 1);
      const std::string name = "Tỉnh " + std::string(kProvinceNames[static_cast<std::size_t>(p)]);
      if (options_.province && !MatchesProvince(code.data(), name, "tỉnh", *options_.province)) {
        continue;
      }
      any = true;
      // Provinces in order: a third in the North (three of them highland), a third in the
      // Centre, a third in the South.
      const Region region = p < 3    ? Region::kNorthWestHighlands
                            : p < 12 ? Region::kNorth
                            : p < 23 ? Region::kCentre
                                     : Region::kSouth;
      const store::Unit province =
          tx->InsertUnit({std::string(code.data()), name, UnitKind::kProvince, "tỉnh", {}, {}});
      ++summary_.provinces;
      const int communes = per_province[static_cast<std::size_t>(p)];
      for (int c = 0; c < communes; ++c) {
        const bool ward = rng.Chance(21);  // 687 of 3,321 communes are wards
        const std::string subkind = ward ? "phường" : "xã";
        std::array<char, 16> commune_code{};
        std::snprintf(commune_code.data(), commune_code.size(), "%05d", ((p + 1) * 200) + c);
        const store::Unit commune =
            tx->InsertUnit({std::string(commune_code.data()),
                            (ward ? "Phường " : "Xã ") + InventedName(static_cast<std::size_t>(c)),
                            UnitKind::kCommune,
                            subkind,
                            province.id,
                            {}});
        communes_.push_back({commune.id, subkind, region});
        ++summary_.communes;
      }
      Report("units", summary_.communes, kCommunes);
    }
    if (!any) throw UnknownProvince(*options_.province);
    tx->Commit();
    summary_.rows += summary_.provinces + summary_.communes;
  }

  // Villages, one team each with its members, and the commune's population; committed every
  // few hundred communes.
  void FillCommunes() {
    const NameBank names = LoadNames(options_.names_dir);
    summary_.names_source = names.from_files ? "files" : "built-in";
    Rng rng(StreamSeed(options_.seed, 2));
    // Member phones: 09 and a bijection of the member's number on eight digits, so unique.
    Rng phone_rng(StreamSeed(options_.seed, 3));
    std::uint64_t multiplier = (phone_rng.Next() % 100000000ULL) | 1U;
    if (multiplier % 5 == 0) multiplier += 2;
    const std::uint64_t offset = phone_rng.Next() % 100000000ULL;

    const bool two_level = !options_.before_reform || summary_.units_source == "synthetic";
    const synthetic::Range range = synthetic::VillagesPerCommune(two_level);
    using namespace std::chrono;
    const sys_days today = *dates::ParseDate(ctx_.Today());
    const year_month_day ymd{today};
    const sys_days programme_start{(ymd.year() - years{1}) / January / 1};
    const int this_year = static_cast<int>(ymd.year());
    static constexpr std::array<std::string_view, 8> kOccupations{
        "Bí thư Chi đoàn", "Giáo viên",           "Nhân viên y tế", "Nhân viên bưu điện",
        "Công an viên",    "Hội viên Hội Phụ nữ", "Sinh viên",      "Kinh doanh"};

    std::unique_ptr<store::Transaction> tx;
    std::size_t done = 0;
    for (const CommuneRef& c : communes_) {
      if (!tx) tx = ctx_.Begin(store::Access::kWrite);
      const int villages = rng.Between(range.min, range.max);
      const std::string subkind = synthetic::VillageSubkind(c.region, c.subkind);
      std::int64_t households = 0;
      for (int v = 1; v <= villages; ++v) {
        households += rng.Between(150, 450);
        const store::Unit village =
            tx->InsertUnit({std::nullopt, synthetic::VillageName(subkind, v), UnitKind::kVillage,
                            subkind, c.id, std::nullopt});
        const store::Team team = tx->InsertTeam(
            {0, village.id, TeamLevel::kVillage, DefaultTeamName(village.name), "active", {}});
        TeamRef ref{team.id, village.id, {}};
        const int size = synthetic::MembersPerTeam(rng.Below(100));
        // Established some months before the field work starts.
        const std::string since =
            dates::Date(programme_start - days(static_cast<int>(rng.Below(300))));
        for (int m = 0; m < size; ++m) {
          const bool female = rng.Chance(45);
          store::Person p;
          p.full_name =
              synthetic::FullName(names.surnames.Pick(rng),
                                  (female ? names.female_middle : names.male_middle).Pick(rng),
                                  (female ? names.female_given : names.male_given).Pick(rng));
          std::array<char, 32> phone{};
          const std::uint64_t n = next_member_++;
          std::snprintf(phone.data(), phone.size(), "09%08llu",
                        static_cast<unsigned long long>((n * multiplier + offset) % 100000000ULL));
          p.phone = phone.data();
          p.zalo = p.phone;
          p.gender = female ? "female" : "male";
          p.birth_year = m == 0 ? rng.Between(1965, 1990) : rng.Between(1970, 2006);
          std::string_view occupation = kOccupations[rng.Below(kOccupations.size())];
          if (!female && occupation == "Hội viên Hội Phụ nữ") occupation = "Nông dân";
          p.occupation = m == 0 ? synthetic::HeadOfVillage(subkind) : std::string(occupation);
          const store::Person person = tx->InsertPerson(p);
          const Role role = m == 0 ? Role::kLeader : m == 1 ? Role::kDeputy : Role::kMember;
          tx->InsertMembership(team.id, person.id, role, since);
          ref.members.push_back(person.id);
        }
        summary_.members += size;
        summary_.rows += 2 + (2 * static_cast<std::int64_t>(size));
        teams_.push_back(std::move(ref));
      }
      summary_.villages += villages;
      summary_.teams += villages;
      const auto cohorts = synthetic::CohortsFromHouseholds(households);
      for (const int year : {this_year - 1, this_year}) {
        tx->PutPopulation(c.id, {year, cohorts});
        summary_.rows += static_cast<std::int64_t>(cohorts.size());
      }
      if (++done % 200 == 0 || done == communes_.size()) {
        tx->Commit();
        tx.reset();
        Report("villages", static_cast<std::int64_t>(done),
               static_cast<std::int64_t>(communes_.size()));
      }
    }
  }

  // Support records spread over teams, members, services and days from 1 January of last year
  // to today; one citizen in ten is helped a second time, later (counted once). Keys are made
  // as SubmitSupportRecords makes them ("phone:" + number, "household:" + folded name).
  void WriteRecords() {
    if (options_.records == 0 || teams_.empty()) return;
    using namespace std::chrono;
    const sys_days today = *dates::ParseDate(ctx_.Today());
    const year_month_day ymd{today};
    const sys_days start{(ymd.year() - years{1}) / January / 1};
    const auto span = static_cast<std::uint64_t>((today - start).count());
    const std::vector<Service>& services = BuiltinServices();
    const std::string household_prefix = "household:" + text::Fold("Hộ kinh doanh số") + " ";
    Rng rng(StreamSeed(options_.seed, 4));
    std::vector<std::uint32_t> citizens(teams_.size(), 0);  // citizens met per village so far

    std::unique_ptr<store::Transaction> tx = ctx_.Begin(store::Access::kWrite);
    const CitizenHasher hmac(*tx);  // the keys support records make
    std::int64_t in_tx = 0;
    auto write = [&](store::SupportRecord& r) {
      r.id = RecordId(options_.seed, static_cast<std::uint64_t>(summary_.records));
      r.recorded_at = r.date + "T03:00:00Z";  // 10:00 in Vietnam on the day of the visit
      tx->InsertSupportRecord(r);
      ++summary_.records;
      ++summary_.rows;
      if (++in_tx == options_.batch || summary_.records == options_.records) {
        tx->Commit();
        tx.reset();
        in_tx = 0;
        Report("records", summary_.records, options_.records);
        if (summary_.records < options_.records) tx = ctx_.Begin(store::Access::kWrite);
      }
    };
    while (summary_.records < options_.records) {
      const std::size_t t = rng.Below(teams_.size());
      const TeamRef& team = teams_[t];
      const Service& service = services[rng.Below(services.size())];
      store::SupportRecord r;
      r.team_id = team.team;
      r.member_id = team.members[rng.Below(team.members.size())];
      r.village_id = team.village;
      r.service = service.code;
      const std::uint64_t day = rng.Below(span + 1);
      r.date = dates::Date(start + days(static_cast<int>(day)));
      const std::uint32_t citizen = citizens[t]++;
      if (service.subject == Subject::kBusiness) {
        r.citizen_key = hmac(household_prefix + std::to_string(citizen + 1));
      } else {
        // The village's citizen n: a number of its own, the same whichever service.
        std::array<char, 32> phone{};
        std::snprintf(
            phone.data(), phone.size(), "03%08llu",
            static_cast<unsigned long long>(
                ((static_cast<std::uint64_t>(team.village) * 40009ULL) + citizen) % 100000000ULL));
        r.citizen_key = hmac(std::string("phone:") + phone.data());
        r.age = rng.Between(std::max(service.min_age, 14), 80);
        r.sex = rng.Chance(50) ? "female" : "male";
      }
      const bool again = rng.Below(10) == 0 && summary_.records + 2 <= options_.records;
      store::SupportRecord second = r;
      write(r);
      if (again) {
        second.member_id = team.members[rng.Below(team.members.size())];
        second.date = dates::Date(start + days(static_cast<int>(day + rng.Below(span - day + 1))));
        write(second);
      }
    }
    if (tx) tx->Commit();
  }

  Context& ctx_;
  const Caller& caller_;
  const GenOptions& options_;
  const std::function<void(std::string_view, std::int64_t, std::int64_t)>& progress_;
  GenSummary summary_;
  std::vector<CommuneRef> communes_;
  std::set<std::string> commune_codes_;
  std::vector<TeamRef> teams_;
  std::uint64_t next_member_ = 0;
};

}  // namespace

GenSummary Generate(
    Context& ctx, const Caller& caller, const GenOptions& options,
    const std::function<void(std::string_view, std::int64_t, std::int64_t)>& progress) {
  Require(caller, Ability::kManage, {"/", std::nullopt});  // the whole country's data
  return Generator(ctx, caller, options, progress).Run();
}

}  // namespace cnscd::app
