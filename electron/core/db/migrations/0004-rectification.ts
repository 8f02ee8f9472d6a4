/**
 * v4: rectification — items made from findings (one item gathers the findings of the same problem across
 * inspections/runs), their history, verification proposals from later inspections/audits, notices with a
 * never-reused number per year and a frozen snapshot of their content, app settings, and plan indicators.
 */
export const sql = `
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE notice_sequences (
  year     INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
) STRICT;

CREATE TABLE notices (
  id                INTEGER PRIMARY KEY,
  number            TEXT NOT NULL,
  year              INTEGER NOT NULL,
  seq               INTEGER NOT NULL,
  unit_id           INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  issuer            TEXT NOT NULL,
  issued_on         TEXT NOT NULL,
  deadline          TEXT NOT NULL CHECK (deadline >= issued_on),
  snapshot_json     TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  UNIQUE (year, seq)
) STRICT;
CREATE UNIQUE INDEX notices_number ON notices (number);
CREATE INDEX notices_unit ON notices (unit_id);

CREATE TABLE rectification_items (
  id             INTEGER PRIMARY KEY,
  source         TEXT NOT NULL CHECK (source IN ('site', 'web')),
  group_key      TEXT NOT NULL,
  unit_id        INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  place_id       INTEGER REFERENCES places (id) ON DELETE RESTRICT,
  portal_id      INTEGER REFERENCES portals (id) ON DELETE RESTRICT,
  title          TEXT NOT NULL,
  -- A category id (shared/domain/rectification-categories.ts: catalog category ids, 'web', 'web-ageing', …).
  category       TEXT NOT NULL,
  severity       TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
  status         TEXT NOT NULL DEFAULT 'open'
                 CHECK (status IN ('open', 'notified', 'claimed', 'verified', 'reopened', 'dropped', 'merged')),
  priority       TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('high', 'normal', 'low')),
  deadline       TEXT,
  drop_reason    TEXT,
  merged_into_id INTEGER REFERENCES rectification_items (id) ON DELETE RESTRICT,
  notice_id      INTEGER REFERENCES notices (id) ON DELETE RESTRICT,
  reply_json     TEXT,
  first_found_at TEXT NOT NULL,
  -- The notice's date (YYYY-MM-DD), not when it was entered.
  notified_at    TEXT,
  verified_at    TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX rectification_items_unit ON rectification_items (unit_id, status);
CREATE INDEX rectification_items_group ON rectification_items (group_key, status);
CREATE INDEX rectification_items_notice ON rectification_items (notice_id);

-- A finding belongs to at most one item (merging moves its findings to the surviving item).
CREATE TABLE rectification_item_findings (
  item_id    INTEGER NOT NULL REFERENCES rectification_items (id) ON DELETE CASCADE,
  finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, finding_id)
) STRICT;
CREATE UNIQUE INDEX rectification_item_findings_finding ON rectification_item_findings (finding_id);

CREATE TABLE rectification_events (
  id          INTEGER PRIMARY KEY,
  item_id     INTEGER NOT NULL REFERENCES rectification_items (id) ON DELETE CASCADE,
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  note        TEXT,
  -- When the event was saved (ISO timestamp): the audit trail's order.
  at          TEXT NOT NULL,
  -- The business day the event stands for, when it differs from the save: the notice's date (notify), the
  -- unit's reply date (claim). NULL for the others, whose day is the day of at.
  on_day      TEXT CHECK (on_day IS NULL OR on_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
CREATE INDEX rectification_events_item ON rectification_events (item_id);

CREATE TABLE verification_proposals (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL REFERENCES rectification_items (id) ON DELETE CASCADE,
  source         TEXT NOT NULL CHECK (source IN ('site', 'web')),
  inspection_id  INTEGER REFERENCES inspections (id) ON DELETE CASCADE,
  audit_run_id   INTEGER REFERENCES audit_runs (id) ON DELETE CASCADE,
  explanation    TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
  proposed_at    TEXT NOT NULL,
  decided_at     TEXT,
  UNIQUE (item_id, inspection_id, audit_run_id)
) STRICT;
CREATE INDEX verification_proposals_pending ON verification_proposals (item_id, state);

CREATE TABLE indicator_entries (
  indicator_id TEXT NOT NULL,
  year         INTEGER NOT NULL,
  value        INTEGER NOT NULL CHECK (value >= 0),
  note         TEXT,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (indicator_id, year)
) STRICT;
`
