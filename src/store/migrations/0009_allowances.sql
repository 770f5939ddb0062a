-- 0009: allowance rates (chế độ, issue 5 item 5), set by a province (or any unit for its
-- subtree, the nearest wins), valid from a month until the next row of the same unit.
-- Released migrations are never edited: add a new numbered file instead.
CREATE TABLE allowance_rate (
  unit_id        INTEGER NOT NULL REFERENCES unit (id),
  valid_from     TEXT NOT NULL,              -- YYYY-MM
  per_team_month INTEGER CHECK (per_team_month >= 0),  -- VND per active team per month
  per_member_day INTEGER CHECK (per_member_day >= 0),  -- VND per member per activity day
  max_days       INTEGER CHECK (max_days BETWEEN 1 AND 31),  -- paid days per member per month
  created_at     TEXT NOT NULL,
  PRIMARY KEY (unit_id, valid_from)
) STRICT;
