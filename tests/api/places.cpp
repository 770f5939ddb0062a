#include "places.hpp"

namespace cnscd_test {

Chain MakeChain(const HttpClient& c, const std::string& province, const std::string& district,
                const std::string& commune) {
  Chain ch;
  ch.province = MakeProvince(c, province);
  ch.district = MakeDistrict(c, district, IdOf(ch.province));
  ch.commune = MakeCommune(c, commune, IdOf(ch.district));
  return ch;
}

FieldPlaces MakeFieldPlaces(const HttpClient& c, const std::string& label,
                            const std::string& village_word) {
  FieldPlaces f;
  f.province = MakeProvince(c, "Tỉnh " + label + " " + UniqueSuffix());
  f.commune = MakeCommune(c, "Xã " + label, IdOf(f.province));
  f.village = MakeVillage(c, village_word + " Một " + label, IdOf(f.commune));
  f.other_village = MakeVillage(c, village_word + " Hai " + label, IdOf(f.commune));
  const json other_commune = MakeCommune(c, "Xã Khác " + label, IdOf(f.province));
  f.outside_village = MakeVillage(c, village_word + " Ngoài " + label, IdOf(other_commune));
  f.team = MakeTeam(c, IdOf(f.village), "village");
  return f;
}

}  // namespace cnscd_test
