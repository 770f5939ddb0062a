#pragma once
// The places several API tests build the same way (the one-off ones stay in their test files).
// Each helper makes its units in the order listed; it throws when the server refuses.
#include <string>

#include "http_client.hpp"

namespace cnscd_test {

// Province → district → commune, with these names.
struct Chain {
  json province, district, commune;
};
Chain MakeChain(const HttpClient& c, const std::string& province, const std::string& district,
                const std::string& commune);

// Where field work is logged: a commune (its province named after `label`, made unique) with
// two villages, a village team on the first, and another commune's village outside the team.
// `village_word` names the villages: "Thôn Một <label>", "Thôn Hai <label>", "Thôn Ngoài <label>".
struct FieldPlaces {
  json province, commune, village, other_village, outside_village, team;
};
FieldPlaces MakeFieldPlaces(const HttpClient& c, const std::string& label,
                            const std::string& village_word);

}  // namespace cnscd_test
