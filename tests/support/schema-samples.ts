import type Database from 'better-sqlite3'
import { migrations } from '../../electron/core/db/migrations/index'

/** A migration's version by its name, so a renumbering at merge does not silently detach its sample rows. */
const versionOf = (name: string) => migrations.find((m) => m.name === name)!.version

/** Representative rows for each schema version, so an upgrade is tested with data in it, not an empty file. */
export const sampleData: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    db.prepare(
      "INSERT INTO units (name, kind, created_at, updated_at) VALUES ('测试单位', 'government', 'x', 'x')",
    ).run()
    db.prepare(
      "INSERT INTO places (name, type, unit_id, created_at, updated_at) VALUES ('测试场所', 'park', 1, 'x', 'x')",
    ).run()
  },
  2: (db) => {
    db.prepare(
      `INSERT INTO inspections (place_id, inspected_on, inspectors, catalog_id, catalog_version, created_at, updated_at)
       VALUES (1, '2026-11-01', '张三', 'cn-gb55019-gb50763', '1.0.0', 'x', 'x')`,
    ).run()
    db.prepare(
      "INSERT INTO inspection_elements (inspection_id, category, label, position) VALUES (1, 'ramp', '北门坡道', 1)",
    ).run()
    db.prepare(
      `INSERT INTO check_values (element_id, check_id, inputs_json, verdict, updated_at)
       VALUES (1, 'ramp.slope', '{"rise":{"value":300,"unit":"mm"}}', 'fail', 'x')`,
    ).run()
    db.prepare(
      `INSERT INTO findings (source, severity, title, detail, clauses_json, evidence_json, place_id, inspection_id,
         match_key, created_at) VALUES ('site', 'major', '北门坡道', '坡度过大', '[]', '{}', 1, 1, 'k', 'x')`,
    ).run()
  },
  3: (db) => {
    db.prepare(
      "INSERT INTO portals (name, start_url, unit_id, created_at, updated_at) VALUES ('区政府门户', 'https://www.example.gov.cn/', 1, 'x', 'x')",
    ).run()
    db.prepare(
      "INSERT INTO audit_runs (portal_id, start_url, created_at) VALUES (1, 'https://www.example.gov.cn/', 'x')",
    ).run()
    db.prepare(
      "INSERT INTO audit_pages (run_id, url, updated_at) VALUES (1, 'https://www.example.gov.cn/', 'x')",
    ).run()
  },
  4: (db) => {
    db.prepare('INSERT INTO notice_sequences (year, last_seq) VALUES (2026, 1)').run()
    db.prepare(
      `INSERT INTO notices (number, year, seq, unit_id, issuer, issued_on, deadline, snapshot_json, created_at)
       VALUES ('〔2026〕第1号', 2026, 1, 1, '促进队', '2026-11-01', '2026-12-01', '{}', 'x')`,
    ).run()
    db.prepare(
      `INSERT INTO rectification_items (source, group_key, unit_id, place_id, title, category, severity, status,
         notice_id, first_found_at, notified_at, created_at, updated_at)
       VALUES ('site', 'k', 1, 1, '北门坡道', 'ramp', 'major', 'notified', 1, '2026-11-01', '2026-11-01', 'x', 'x')`,
    ).run()
    db.prepare('INSERT INTO rectification_item_findings (item_id, finding_id) VALUES (1, 1)').run()
    db.prepare(
      "INSERT INTO rectification_events (item_id, action, to_status, at) VALUES (1, 'notify', 'notified', 'x')",
    ).run()
    db.prepare(
      "INSERT INTO indicator_entries (indicator_id, year, value, updated_at) VALUES ('home-modifications', 2026, 12, 'x')",
    ).run()
  },
  5: (db) => {
    // v5 only adds indexes: a web finding of a run, which findings_run_match covers.
    db.prepare(
      `INSERT INTO findings (source, severity, title, detail, clauses_json, evidence_json, unit_id, check_id, match_key,
         created_at, portal_id, audit_run_id)
       VALUES ('web', 'major', '图片缺少替代文本（image-alt）', '', '[]', '{}', 1, 'image-alt', 'web:portal:1:image-alt:x:y',
         'x', 1, 1)`,
    ).run()
  },
  6: (db) => {
    // v6 repairs stored lone surrogates (tests/security/text.test.ts); Hangul, whose UTF-8 also starts with ED, stays.
    db.prepare("UPDATE places SET note = '한국어 안내' WHERE id = 1").run()
  },
  7: (db) => {
    // v7: a shared measurement of the ramp, a value copied from the last inspection, a photo tied to a check.
    db.prepare(
      `INSERT INTO element_values (element_id, input_id, value_json, carried, updated_at)
       VALUES (1, 'rise', '{"value":300,"unit":"mm"}', 1, 'x')`,
    ).run()
    db.prepare(`UPDATE check_values SET carried_json = '["constrained"]' WHERE element_id = 1`).run()
    db.prepare(
      `INSERT INTO photos (sha256, ext, mime_type, byte_size, width, height, original_name, created_at)
       VALUES ('${'a'.repeat(64)}', 'jpg', 'image/jpeg', 1, 1, 1, '北门坡道.jpg', 'x')`,
    ).run()
    db.prepare(
      `INSERT INTO element_photos (element_id, sha256, caption, position, check_id)
       VALUES (1, '${'a'.repeat(64)}', '坡道起点', 1, 'ramp.slope')`,
    ).run()
  },
  [versionOf('audit-documents')]: (db) => {
    // 0008-audit-documents: the documents check's results of a run.
    db.prepare(
      `INSERT INTO audit_documents (run_id, url, status, result_json, checked_at)
       VALUES (1, 'https://example.gov.cn/a.pdf', 'checked', '{}', 'x')`,
    ).run()
  },
  [versionOf('plan-periods')]: (db) => {
    // 0009-plan-periods: plan periods as data; an indicator the team added to the 十五五 plan.
    db.prepare(
      `INSERT INTO plan_indicators (plan_id, indicator_id, position, target_text, target_value, title, unit)
       VALUES (2, 'custom-test', 6, '≥100', 100, '无障碍培训', '人次')`,
    ).run()
  },
  [versionOf('global-identity')]: (db) => {
    // 0010-global-identity: a unit made at this version gets its id and authorship from the triggers.
    db.prepare(
      "INSERT INTO units (name, kind, created_at, updated_at) VALUES ('新单位', 'government', 'x', 'x')",
    ).run()
  },
  [versionOf('exchange')]: (db) => {
    // 0011-exchange: a version of the unit known here, and an alias another installation's id has for it.
    const id = db.prepare("SELECT global_id FROM units WHERE name = '新单位'").pluck().get() as string
    db.prepare('INSERT INTO exchange_versions (table_name, record_id, version) VALUES (?, ?, ?)').run(
      'units',
      id,
      'b'.repeat(64),
    )
    db.prepare('INSERT INTO exchange_aliases (table_name, alias_id, record_id) VALUES (?, ?, ?)').run(
      'units',
      '0190a5c2-7d1e-7c3a-9b1a-0123456789ab',
      id,
    )
  },
}
