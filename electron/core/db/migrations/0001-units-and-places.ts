/** v1: responsible units (责任单位) and places (场所). Never edit once shipped: add a new migration instead. */
export const sql = `
CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE units (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  contact_person TEXT,
  phone          TEXT,
  note           TEXT,
  archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX units_name_unique ON units (name);

CREATE TABLE places (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL,
  address    TEXT,
  latitude   REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude  REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  unit_id    INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  note       TEXT,
  archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX places_unit ON places (unit_id);
`
