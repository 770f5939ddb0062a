-- 0010: streets and markets a commune declares cashless ("Không sử dụng tiền mặt", seed 004
-- target 8): the numerators of the cashless_street and cashless_market counts. A declaration is
-- voided, never deleted. Released migrations are never edited: add a new numbered file instead.
CREATE TABLE cashless_place (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES unit (id),  -- the commune or village it lies in
  kind         TEXT NOT NULL CHECK (kind IN ('street', 'market')),
  name         TEXT NOT NULL CHECK (name <> ''),
  name_folded  TEXT NOT NULL,                          -- text::Fold(name): one per unit and kind
  declared_on  TEXT NOT NULL,                          -- YYYY-MM-DD
  decision_ref TEXT,                                   -- the commune's decision, e.g. 12/QĐ-UBND
  created_by   INTEGER,
  created_at   TEXT NOT NULL,
  voided_at    TEXT
) STRICT;
CREATE INDEX cashless_place_unit ON cashless_place (unit_id, kind);
CREATE UNIQUE INDEX cashless_place_once ON cashless_place (unit_id, kind, name_folded)
  WHERE voided_at IS NULL;
