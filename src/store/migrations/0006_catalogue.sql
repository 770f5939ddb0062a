-- 0006: the catalogue a province adds to the built-in one (issue 5 items 1, 3). Built-in services
-- and indicators are code (core/service, core/indicator); a province's own are rows here, under
-- codes that never collide with a built-in code (core CheckServiceCode).
-- Released migrations are never edited: add a new numbered file instead.

CREATE TABLE province_service (
  province_id INTEGER NOT NULL REFERENCES unit (id),
  code        TEXT NOT NULL,
  name_vi     TEXT NOT NULL CHECK (name_vi <> ''),
  name_en     TEXT NOT NULL,
  subject     TEXT NOT NULL CHECK (subject IN ('people', 'business')),
  cohort      TEXT NOT NULL,               -- one of core Cohorts()
  min_age     INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (province_id, code)
) STRICT;

-- An indicator counts either the distinct citizens/businesses helped with a service
-- (source 'service') or the residents / households trained on a topic (source 'training'),
-- over a population cohort (percent) or as a plain count.
CREATE TABLE province_indicator (
  province_id INTEGER NOT NULL REFERENCES unit (id),
  code        TEXT NOT NULL,
  name_vi     TEXT NOT NULL CHECK (name_vi <> ''),
  name_en     TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('service', 'training')),
  service     TEXT,                        -- source 'service': a built-in or the province's code
  topic       TEXT,                        -- source 'training': a core training topic
  count_of    TEXT CHECK (count_of IN ('people', 'households')),  -- source 'training'
  cohort      TEXT,                        -- the denominator; NULL for a count
  measure     TEXT NOT NULL CHECK (measure IN ('percent', 'count')),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (province_id, code)
) STRICT;
