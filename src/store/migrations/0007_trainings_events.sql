-- 0007: training sessions (tập huấn) and propaganda events (tuyên truyền) (issue 5 item 2), with
-- the members who took part (their activity days count for allowances, item 5) and counters of
-- residents trained per place, topic and month (numerators of training indicators, item 3).
-- Like support records, rows carry the client's UUID (a resend is a no-op) and are voided,
-- never deleted. Released migrations are never edited: add a new numbered file instead.

CREATE TABLE training_session (
  id          TEXT PRIMARY KEY,              -- the client's UUID
  team_id     INTEGER NOT NULL REFERENCES team (id),
  unit_id     INTEGER NOT NULL REFERENCES unit (id),  -- where it was held: a village or commune
  date        TEXT NOT NULL,                 -- YYYY-MM-DD
  audience    TEXT NOT NULL CHECK (audience IN ('members', 'residents')),
  topic       TEXT NOT NULL,                 -- core training topic code
  title       TEXT NOT NULL,
  attendance  INTEGER NOT NULL CHECK (attendance >= 0),
  households  INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),  -- production/business households
  recorded_by INTEGER,
  recorded_at TEXT NOT NULL,
  voided_at   TEXT
) STRICT;
CREATE INDEX training_session_unit ON training_session (unit_id, date);
CREATE INDEX training_session_team ON training_session (team_id, date);

-- Members who ran the session, or attended a members' training.
CREATE TABLE training_member (
  session_id TEXT NOT NULL REFERENCES training_session (id),
  person_id  INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX training_member_person ON training_member (person_id);

CREATE TABLE propaganda_event (
  id          TEXT PRIMARY KEY,              -- the client's UUID
  team_id     INTEGER NOT NULL REFERENCES team (id),
  unit_id     INTEGER NOT NULL REFERENCES unit (id),
  date        TEXT NOT NULL,
  kind        TEXT NOT NULL,                 -- core propaganda kind code
  attendance  INTEGER NOT NULL DEFAULT 0 CHECK (attendance >= 0),
  note        TEXT,
  recorded_by INTEGER,
  recorded_at TEXT NOT NULL,
  voided_at   TEXT
) STRICT;
CREATE INDEX propaganda_event_unit ON propaganda_event (unit_id, date);
CREATE INDEX propaganda_event_team ON propaganda_event (team_id, date);

CREATE TABLE event_member (
  event_id  TEXT NOT NULL REFERENCES propaganda_event (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (event_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_member_person ON event_member (person_id);

-- Residents' sessions (not voided) summed per place, topic and month.
CREATE TABLE trained_count (
  unit_id    INTEGER NOT NULL,
  topic      TEXT NOT NULL,
  month      TEXT NOT NULL,                  -- YYYY-MM
  people     INTEGER NOT NULL,
  households INTEGER NOT NULL,
  PRIMARY KEY (unit_id, topic, month)
) STRICT, WITHOUT ROWID;
