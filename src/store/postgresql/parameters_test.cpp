#include "store/postgresql/parameters.hpp"

#include <gtest/gtest.h>

namespace cnscd::store::postgresql {
namespace {

TEST(NumberParameters, PlainMarksAreNumberedInOrder) {
  const NumberedSql n = NumberParameters("SELECT a FROM t WHERE b = ? AND c < ? LIMIT ?");
  EXPECT_EQ(n.sql, "SELECT a FROM t WHERE b = $1 AND c < $2 LIMIT $3");
  EXPECT_EQ(n.parameters, 3);
}

TEST(NumberParameters, NumberedMarksKeepTheirNumberAndAPlainOneFollowsTheHighest) {
  const NumberedSql n = NumberParameters("WHERE a >= ?3 AND a <= ?4 AND b = ?1 AND c = ?");
  EXPECT_EQ(n.sql, "WHERE a >= $3 AND a <= $4 AND b = $1 AND c = $5");
  EXPECT_EQ(n.parameters, 5);
  EXPECT_EQ(n.used, (std::vector<bool>{true, false, true, true, true}));
}

TEST(NumberParameters, AMarkInsideAQuotedLiteralIsText) {
  const NumberedSql n =
      NumberParameters("SELECT '?', \"odd?\" FROM t WHERE x = ? AND y = 'it''s?'");
  EXPECT_EQ(n.sql, "SELECT '?', \"odd?\" FROM t WHERE x = $1 AND y = 'it''s?'");
  EXPECT_EQ(n.parameters, 1);
}

}  // namespace
}  // namespace cnscd::store::postgresql
