#include "store/postgresql/parameters.hpp"

#include <cctype>

namespace cnscd::store::postgresql {

NumberedSql NumberParameters(std::string_view sql) {
  NumberedSql out;
  out.sql.reserve(sql.size() + 16);
  char quote = 0;  // the quote we are inside of, if any
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      out.sql += c;
      if (c == quote) quote = 0;  // a doubled quote reopens at once: same result
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out.sql += c;
      continue;
    }
    if (c != '?') {
      out.sql += c;
      continue;
    }
    std::size_t j = i + 1;
    int n = 0;
    while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j])) != 0) {
      n = n * 10 + (sql[j] - '0');
      ++j;
    }
    if (j == i + 1) n = out.parameters + 1;
    if (n > out.parameters) out.parameters = n;
    if (out.used.size() < static_cast<std::size_t>(n)) out.used.resize(static_cast<std::size_t>(n));
    out.used[static_cast<std::size_t>(n - 1)] = true;
    out.sql += '$';
    out.sql += std::to_string(n);
    i = j - 1;
  }
  return out;
}

}  // namespace cnscd::store::postgresql
