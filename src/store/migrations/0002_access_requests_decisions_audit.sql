-- 0002: scoped accounts, join/leave requests, establishment decisions, the audit trail,
-- login throttling.

ALTER TABLE account ADD COLUMN created_by INTEGER REFERENCES account (id);
ALTER TABLE team ADD COLUMN established_by INTEGER REFERENCES decision (id);

-- Join and leave requests (seed 002 §3.1.4): submitted -> nominated -> approved | rejected,
-- or withdrawn before a decision.
CREATE TABLE membership_request (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('join', 'leave')),
  team_id       INTEGER NOT NULL REFERENCES team (id),
  state         TEXT NOT NULL CHECK (state IN ('submitted', 'nominated', 'approved', 'rejected',
                                               'withdrawn')),
  person        TEXT,                       -- join: the applicant as JSON (full_name, phone, ...)
  membership_id INTEGER REFERENCES membership (id),  -- leave: the membership to end
  role          TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member', 'collaborator')),
  note          TEXT NOT NULL DEFAULT '',
  submitted_by  INTEGER NOT NULL REFERENCES account (id),
  submitted_at  TEXT NOT NULL,
  nominated_by  INTEGER REFERENCES account (id),
  nominated_at  TEXT,
  decided_by    INTEGER REFERENCES account (id),
  decided_at    TEXT,
  reason        TEXT,
  result_membership_id INTEGER REFERENCES membership (id)
) STRICT;
CREATE INDEX membership_request_team ON membership_request (team_id, state);
CREATE INDEX membership_request_state ON membership_request (state);

-- Decisions of the commune People's Committee chairman (Quyết định, seed 001 Form 1).
CREATE TABLE decision (
  id         INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES unit (id),
  number     TEXT NOT NULL CHECK (number <> ''),
  date       TEXT NOT NULL,
  signer     TEXT NOT NULL CHECK (signer <> ''),
  kind       TEXT NOT NULL CHECK (kind IN ('establish', 'amend')),
  snapshot   TEXT NOT NULL,                 -- JSON: the teams and members as decided, frozen
  created_by INTEGER REFERENCES account (id),
  created_at TEXT NOT NULL,
  UNIQUE (commune_id, number, date)
) STRICT;

-- Who changed what, when, from where. Append-only: the triggers refuse any edit or deletion.
CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  account_id  INTEGER REFERENCES account (id),
  username    TEXT NOT NULL,
  address     TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  team_id     INTEGER,                      -- also found under this team
  unit_path   TEXT NOT NULL,                -- the unit it concerns, for scope
  before      TEXT,                         -- JSON or NULL
  after       TEXT                          -- JSON or NULL
) STRICT;
CREATE INDEX audit_entity ON audit (entity_type, entity_id);
CREATE INDEX audit_team ON audit (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX audit_path ON audit (unit_path, at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

-- Failed logins, per account ('user:NAME') and per address ('addr:IP'), for throttling across
-- every process on the database.
CREATE TABLE login_failure (
  key       TEXT NOT NULL,
  failed_at TEXT NOT NULL
) STRICT;
CREATE INDEX login_failure_key ON login_failure (key, failed_at);
