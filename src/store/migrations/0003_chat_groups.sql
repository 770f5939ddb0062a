-- 0003: chat groups (nhóm Zalo) of units and teams (seed 000 §2.7, §2.9; seed 002 §3.3).
-- Released migrations are never edited: add a new numbered file instead.

-- One group per unit or team: the invitation link an officer recorded (empty until then) and
-- which of the group's required participants have joined, as a JSON object {"key": true|false}.
-- The group's name is not stored: it is derived from the unit's names by the convention.
CREATE TABLE chat_group (
  owner_type   TEXT NOT NULL CHECK (owner_type IN ('unit', 'team')),
  owner_id     INTEGER NOT NULL,            -- unit.id or team.id, by owner_type
  link         TEXT NOT NULL DEFAULT '',
  participants TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(participants)),
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (owner_type, owner_id)
) STRICT;
