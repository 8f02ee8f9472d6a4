/**
 * v8: the documents check's results, one row per document a run's pages link to (PDF, Office …). A row is
 * written once the document was checked, could not be (download or parse failure, size or time limit, format
 * nothing reads) or was left over the per-run count limit, so a resumed batch never checks a document twice.
 * result_json holds a DocumentCheckResult (shared/web/doc-rules.ts).
 */
export const sql = `
CREATE TABLE audit_documents (
  run_id      INTEGER NOT NULL REFERENCES audit_runs (id) ON DELETE CASCADE,
  url         TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('checked', 'failed', 'not-checked')),
  result_json TEXT NOT NULL,
  checked_at  TEXT NOT NULL,
  PRIMARY KEY (run_id, url)
) STRICT;
`
