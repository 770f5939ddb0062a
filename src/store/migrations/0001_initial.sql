-- 0001: units, population, policies, teams, people, memberships, accounts.
-- Released migrations are never edited: add a new numbered file instead.

CREATE TABLE unit (
  id          INTEGER PRIMARY KEY,
  code        TEXT,
  name        TEXT NOT NULL CHECK (name <> ''),
  name_folded TEXT NOT NULL,               -- text::Fold(name): search without diacritics
  sort_key    BLOB NOT NULL,               -- ICU Vietnamese collation key of name
  kind        TEXT NOT NULL CHECK (kind IN ('province', 'district', 'commune', 'village')),
  subkind     TEXT NOT NULL DEFAULT '',
  parent_id   INTEGER REFERENCES unit (id),
  path        TEXT NOT NULL,               -- '/1/2/3/': ancestors then self
  valid_from  TEXT,
  valid_to    TEXT,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX unit_parent ON unit (parent_id, sort_key);
CREATE INDEX unit_path ON unit (path);
CREATE INDEX unit_kind ON unit (kind, sort_key);
CREATE UNIQUE INDEX unit_code ON unit (kind, code, coalesce(valid_from, '')) WHERE code IS NOT NULL;

CREATE TABLE population (
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  year    INTEGER NOT NULL,
  cohort  TEXT NOT NULL,
  n       INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (unit_id, year, cohort)
) STRICT;

CREATE TABLE policy (
  unit_id        INTEGER NOT NULL REFERENCES unit (id),
  level          TEXT NOT NULL CHECK (level IN ('village', 'commune')),
  min_members    INTEGER,
  max_members    INTEGER,
  require_leader INTEGER NOT NULL DEFAULT 0,
  require_deputy INTEGER NOT NULL DEFAULT 0,
  strict         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, level)
) STRICT;

CREATE TABLE team (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES unit (id),
  level      TEXT NOT NULL CHECK (level IN ('village', 'commune')),
  name       TEXT NOT NULL CHECK (name <> ''),
  sort_key   BLOB NOT NULL,
  status     TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX team_unit ON team (unit_id);

CREATE TABLE person (
  id               INTEGER PRIMARY KEY,
  full_name        TEXT NOT NULL CHECK (full_name <> ''),
  full_name_folded TEXT NOT NULL,
  sort_key         BLOB NOT NULL,
  phone            TEXT UNIQUE,
  zalo             TEXT,
  occupation       TEXT,
  gender           TEXT CHECK (gender IN ('male', 'female', 'other')),
  birth_year       INTEGER,
  created_at       TEXT NOT NULL
) STRICT;

CREATE TABLE membership (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES team (id),
  person_id  INTEGER NOT NULL REFERENCES person (id),
  role       TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member', 'collaborator')),
  since      TEXT NOT NULL,
  until      TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX membership_team ON membership (team_id) WHERE until IS NULL;
CREATE INDEX membership_person ON membership (person_id);

CREATE TABLE account (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  full_name     TEXT NOT NULL DEFAULT '',
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
) STRICT;

-- Roles held on a unit's subtree (or on one team); scoped roles arrive with the roles issue.
CREATE TABLE grant_ (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account (id),
  role       TEXT NOT NULL,
  unit_id    INTEGER REFERENCES unit (id),
  team_id    INTEGER REFERENCES team (id)
) STRICT;
CREATE INDEX grant_account ON grant_ (account_id);

CREATE TABLE token (
  token_hash TEXT PRIMARY KEY,             -- BLAKE2b of the bearer token; the token itself is never stored
  account_id INTEGER NOT NULL REFERENCES account (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
