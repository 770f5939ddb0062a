-- 0004: support records (field work) and the counters that hold the indicators' numerators
-- (issue 5 items 2, 3; DESIGN.md "Counts are maintained").
-- Released migrations are never edited: add a new numbered file instead.

-- One citizen or business helped with one service. The citizen is only a keyed hash
-- (Decree 13/2023/NĐ-CP). A record is voided, never deleted.
CREATE TABLE support_record (
  id          TEXT PRIMARY KEY,              -- the client's UUID: a resend is a no-op
  team_id     INTEGER NOT NULL REFERENCES team (id),
  member_id   INTEGER NOT NULL,              -- the member's person id
  village_id  INTEGER NOT NULL REFERENCES unit (id),
  service     TEXT NOT NULL,
  date        TEXT NOT NULL,                 -- YYYY-MM-DD
  citizen_key TEXT NOT NULL,                 -- hex HMAC-SHA256
  age         INTEGER,
  sex         TEXT,
  recorded_by INTEGER,
  recorded_at TEXT NOT NULL,
  voided_at   TEXT
) STRICT;
CREATE INDEX support_record_pair ON support_record (village_id, service, citizen_key);
CREATE INDEX support_record_team ON support_record (team_id, date);

-- Distinct (village, service, citizen) among non-voided records, with the earliest date.
CREATE TABLE helped (
  village_id  INTEGER NOT NULL,
  service     TEXT NOT NULL,
  citizen_key TEXT NOT NULL,
  first_date  TEXT NOT NULL,
  PRIMARY KEY (village_id, service, citizen_key)
) STRICT, WITHOUT ROWID;

-- The pairs of `helped` whose first_date falls in `month`: what indicators read.
CREATE TABLE helped_count (
  village_id INTEGER NOT NULL,
  service    TEXT NOT NULL,
  month      TEXT NOT NULL,                  -- YYYY-MM
  n          INTEGER NOT NULL,
  PRIMARY KEY (village_id, service, month)
) STRICT, WITHOUT ROWID;

-- Per-deployment secrets (the citizen HMAC key), created on first use.
CREATE TABLE secret (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
