/**
 * v2: site inspections (检查), their element instances (设施), check values, photos as evidence, and findings —
 * the one findings table that web audits will also write to (source = 'web').
 */
export const sql = `
CREATE TABLE inspections (
  id                     INTEGER PRIMARY KEY,
  place_id               INTEGER NOT NULL REFERENCES places (id) ON DELETE RESTRICT,
  inspected_on           TEXT NOT NULL,
  inspectors             TEXT NOT NULL,
  notes                  TEXT,
  catalog_id             TEXT NOT NULL,
  catalog_version        TEXT NOT NULL,
  status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  revision_of            INTEGER REFERENCES inspections (id) ON DELETE RESTRICT,
  previous_inspection_id INTEGER REFERENCES inspections (id) ON DELETE RESTRICT,
  version                INTEGER NOT NULL DEFAULT 1,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  submitted_at           TEXT
) STRICT;
CREATE INDEX inspections_place ON inspections (place_id, inspected_on);

CREATE TABLE inspection_elements (
  id                  INTEGER PRIMARY KEY,
  inspection_id       INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  category            TEXT NOT NULL,
  label               TEXT NOT NULL,
  notes               TEXT,
  position            INTEGER NOT NULL,
  previous_element_id INTEGER REFERENCES inspection_elements (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX inspection_elements_inspection ON inspection_elements (inspection_id, position);

CREATE TABLE check_values (
  element_id        INTEGER NOT NULL REFERENCES inspection_elements (id) ON DELETE CASCADE,
  check_id          TEXT NOT NULL,
  inputs_json       TEXT NOT NULL,
  result_json       TEXT,
  verdict           TEXT,
  confirmed_finding INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_finding IN (0, 1)),
  note              TEXT,
  updated_at        TEXT NOT NULL,
  PRIMARY KEY (element_id, check_id)
) STRICT;

CREATE TABLE photos (
  sha256        TEXT PRIMARY KEY,
  ext           TEXT NOT NULL,
  mime_type     TEXT NOT NULL,
  byte_size     INTEGER NOT NULL,
  width         INTEGER NOT NULL,
  height        INTEGER NOT NULL,
  original_name TEXT NOT NULL,
  taken_at      TEXT,
  latitude      REAL,
  longitude     REAL,
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE element_photos (
  element_id INTEGER NOT NULL REFERENCES inspection_elements (id) ON DELETE CASCADE,
  sha256     TEXT NOT NULL REFERENCES photos (sha256) ON DELETE RESTRICT,
  caption    TEXT,
  position   INTEGER NOT NULL,
  PRIMARY KEY (element_id, sha256)
) STRICT;

CREATE TABLE findings (
  id            INTEGER PRIMARY KEY,
  source        TEXT NOT NULL CHECK (source IN ('site', 'web')),
  severity      TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
  needs_review  INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),
  title         TEXT NOT NULL,
  detail        TEXT NOT NULL,
  clauses_json  TEXT NOT NULL,
  evidence_json TEXT NOT NULL,
  place_id      INTEGER REFERENCES places (id) ON DELETE RESTRICT,
  unit_id       INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  inspection_id INTEGER REFERENCES inspections (id) ON DELETE CASCADE,
  element_id    INTEGER REFERENCES inspection_elements (id) ON DELETE SET NULL,
  check_id      TEXT,
  match_key     TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX findings_inspection ON findings (inspection_id);
CREATE INDEX findings_unit ON findings (unit_id);
CREATE INDEX findings_match ON findings (match_key);
`
