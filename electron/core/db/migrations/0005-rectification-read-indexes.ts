/**
 * v5: indexes for reading rectification items at district scale (years of monthly audits of dozens of portals
 * give hundreds of thousands of findings).
 * - The elements a portal's latest run still reports are read by run (web-element-status.ts,
 *   verification-proposals.ts); findings_portal starts with the portal, so that read scanned every finding.
 * - Whether a finding still stands (inspection-corrections.ts findingStands) looks for a submitted revision of
 *   its inspection, for every finding an item or the sync reads; without an index each look scanned all
 *   inspections.
 */
export const sql = `
CREATE INDEX findings_run_match ON findings (audit_run_id, match_key);
CREATE INDEX inspections_revision_of ON inspections (revision_of, status);
`
