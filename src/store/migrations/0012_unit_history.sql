-- 0012: units through time (issue 8): what a unit was called and where it sat before each change,
-- and the events that changed the tree (rename, re-parent, merge, split, dissolve) with their
-- effective date and legal basis. The unit row always holds the current state; a change first
-- copies that state into unit_version, closed on the change's effective date. A unit merged away
-- or dissolved keeps its row, closed by valid_to, so everything filed under it stays readable.
-- Released migrations are never edited: add a new numbered file instead.

-- The day the unit's current name and place began (NULL: since valid_from).
ALTER TABLE unit ADD COLUMN state_from TEXT;

CREATE TABLE unit_version (
  unit_id    INTEGER NOT NULL REFERENCES unit (id),
  state_from TEXT,                           -- NULL: since the unit began
  state_to   TEXT NOT NULL,                  -- the day the next state began
  name       TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  sort_key   BLOB NOT NULL,
  subkind    TEXT NOT NULL,
  parent_id  INTEGER REFERENCES unit (id),
  path       TEXT NOT NULL,
  PRIMARY KEY (unit_id, state_to)
) STRICT;
CREATE INDEX unit_version_parent ON unit_version (parent_id, sort_key);

CREATE TABLE unit_event (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('create', 'rename', 'reparent', 'merge', 'split',
                                           'dissolve')),
  effective  TEXT NOT NULL,                  -- YYYY-MM-DD
  basis      TEXT NOT NULL DEFAULT '',       -- the legal basis: resolution number and date
  detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  account_id INTEGER,
  created_at TEXT NOT NULL
) STRICT;

-- The units an event concerns: 'from' (renamed, re-parented, merged away, split, dissolved),
-- 'to' (the unit merged into, a part of a split, a new parent), 'moved' (children that moved
-- with a merge or by a split's assignment: their history shows the event too).
CREATE TABLE unit_event_unit (
  event_id INTEGER NOT NULL REFERENCES unit_event (id),
  unit_id  INTEGER NOT NULL REFERENCES unit (id),
  role     TEXT NOT NULL CHECK (role IN ('from', 'to', 'moved')),
  PRIMARY KEY (event_id, unit_id, role)
) STRICT;
CREATE INDEX unit_event_unit_unit ON unit_event_unit (unit_id);
