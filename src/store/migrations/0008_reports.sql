-- 0008: the reporting cycle (issue 5 item 4; DESIGN.md "report"): due dates as province policy,
-- and reports moving draft -> submitted -> approved | returned.
-- Released migrations are never edited: add a new numbered file instead.

-- A province's due date for one kind of report; kinds without a row use the defaults of
-- core/reporting (seeds 002 and 004).
CREATE TABLE reporting_policy (
  province_id  INTEGER NOT NULL REFERENCES unit (id),
  kind         TEXT NOT NULL CHECK (kind IN ('team_monthly', 'commune_monthly',
                                             'district_monthly', 'commune_annual')),
  due_day      INTEGER CHECK (due_day BETWEEN 1 AND 31),  -- NULL: the last day of the month
  due_month    INTEGER CHECK (due_month BETWEEN 1 AND 12), -- annual reports only
  month_offset INTEGER NOT NULL DEFAULT 0 CHECK (month_offset IN (0, 1)),
  PRIMARY KEY (province_id, kind)
) STRICT;

CREATE TABLE report (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('team_monthly', 'commune_monthly',
                                                   'district_monthly', 'commune_annual')),
  unit_id            INTEGER NOT NULL REFERENCES unit (id),  -- a team report: the team's unit
  team_id            INTEGER REFERENCES team (id),
  period             TEXT NOT NULL,          -- YYYY-MM; YYYY for an annual report
  status             TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved',
                                                     'returned')),
  figures            TEXT NOT NULL,          -- JSON, prefilled from the records; frozen on submit
  results            TEXT NOT NULL DEFAULT '',
  difficulties       TEXT NOT NULL DEFAULT '',  -- khó khăn, vướng mắc
  proposals          TEXT NOT NULL DEFAULT '',  -- đề xuất, kiến nghị
  due_date           TEXT NOT NULL,          -- YYYY-MM-DD, from the policy when created
  created_by         INTEGER,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  first_submitted_at TEXT,                   -- timeliness is judged on the first submission
  submitted_by       INTEGER,
  submitted_at       TEXT,
  decided_by         INTEGER,
  decided_at         TEXT,
  return_reason      TEXT
) STRICT;
CREATE UNIQUE INDEX report_once ON report (kind, unit_id, coalesce(team_id, 0), period);
CREATE INDEX report_period ON report (period, kind);
