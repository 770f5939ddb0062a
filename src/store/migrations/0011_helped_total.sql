-- 0011: the numerators of every unit, not only of villages (issue 7, rollup benchmark). A unit's
-- indicator summed the helped_count rows of every village below it, which costs as much as the
-- records themselves once most (village, service, month) cells hold a pair or two. helped_total
-- keeps the same pairs per unit at every level: the village's row and one row for each unit above
-- it, kept in the same transaction as helped_count, so a unit's numerators read ≤ 11 rows a month.
-- Released migrations are never edited: add a new numbered file instead.
CREATE TABLE helped_total (
  unit_id INTEGER NOT NULL,                  -- the village or any unit above it
  service TEXT NOT NULL,
  month   TEXT NOT NULL,                     -- YYYY-MM of the pairs' first date
  n       INTEGER NOT NULL,
  PRIMARY KEY (unit_id, service, month)
) STRICT, WITHOUT ROWID;

WITH RECURSIVE up (village_id, unit_id) AS (
  SELECT DISTINCT village_id, village_id FROM helped_count
  UNION ALL
  SELECT up.village_id, u.parent_id FROM up JOIN unit u ON u.id = up.unit_id
  WHERE u.parent_id IS NOT NULL
)
INSERT INTO helped_total (unit_id, service, month, n)
SELECT up.unit_id, c.service, c.month, sum(c.n) FROM helped_count c
JOIN up ON up.village_id = c.village_id
GROUP BY up.unit_id, c.service, c.month;
