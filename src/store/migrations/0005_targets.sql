-- Targets (chỉ tiêu) per unit, year and indicator (issue 5 item 3). A unit without its own row
-- inherits the nearest ancestor's; bounds as core/target.hpp reads them.
CREATE TABLE target (
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  year INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  min REAL,
  max REAL,
  strict INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, year, indicator)
) STRICT;
