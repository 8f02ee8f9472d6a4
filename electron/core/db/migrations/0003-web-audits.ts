/**
 * v3: website audits — portals (门户网站) with their responsible unit and crawl limits, batches of runs, the
 * persisted page queue (an interrupted batch resumes without auditing a page twice), page results, guided manual
 * checks; and links from findings to the portal and run that produced them.
 */
export const sql = `
CREATE TABLE portals (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  start_url     TEXT NOT NULL,
  unit_id       INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  max_pages     INTEGER NOT NULL DEFAULT 50 CHECK (max_pages BETWEEN 1 AND 10000),
  max_depth     INTEGER NOT NULL DEFAULT 3 CHECK (max_depth BETWEEN 0 AND 20),
  include_json  TEXT NOT NULL DEFAULT '[]',
  exclude_json  TEXT NOT NULL DEFAULT '[]',
  archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX portals_start_url ON portals (start_url);

CREATE TABLE audit_batches (
  id           INTEGER PRIMARY KEY,
  status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'paused', 'completed', 'cancelled')),
  options_json TEXT NOT NULL DEFAULT '{}',
  created_at   TEXT NOT NULL,
  started_at   TEXT,
  finished_at  TEXT
) STRICT;

CREATE TABLE audit_runs (
  id           INTEGER PRIMARY KEY,
  batch_id     INTEGER REFERENCES audit_batches (id) ON DELETE CASCADE,
  portal_id    INTEGER REFERENCES portals (id) ON DELETE RESTRICT,
  start_url    TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'crawling', 'running', 'completed', 'cancelled', 'failed')),
  options_json TEXT NOT NULL DEFAULT '{}',
  score        REAL,
  summary_json TEXT,
  created_at   TEXT NOT NULL,
  started_at   TEXT,
  finished_at  TEXT
) STRICT;
CREATE INDEX audit_runs_portal ON audit_runs (portal_id, created_at);

CREATE TABLE audit_pages (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER NOT NULL REFERENCES audit_runs (id) ON DELETE CASCADE,
  url            TEXT NOT NULL,
  depth          INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped')),
  attempts       INTEGER NOT NULL DEFAULT 0,
  failure_reason TEXT,
  result_json    TEXT,
  lease_until    TEXT,
  updated_at     TEXT NOT NULL,
  UNIQUE (run_id, url)
) STRICT;
CREATE INDEX audit_pages_queue ON audit_pages (run_id, status);

CREATE TABLE manual_check_answers (
  portal_id  INTEGER NOT NULL REFERENCES portals (id) ON DELETE CASCADE,
  run_id     INTEGER REFERENCES audit_runs (id) ON DELETE SET NULL,
  check_id   TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'not-applicable')),
  note       TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (portal_id, check_id)
) STRICT;

ALTER TABLE findings ADD COLUMN portal_id INTEGER REFERENCES portals (id) ON DELETE RESTRICT;
ALTER TABLE findings ADD COLUMN audit_run_id INTEGER REFERENCES audit_runs (id) ON DELETE CASCADE;
CREATE INDEX findings_portal ON findings (portal_id, audit_run_id);
`
