import type { Db } from '../../../electron/core/db/open-database'

/**
 * A district with rectification items around the first quarter of 2026, written straight into the schema (v4) so
 * each date and history is exactly what the counting tests need — including states the services make slowly
 * (merged duplicates, a reopened history, a row from before categories were ids). Timestamps are at 04:00Z, the
 * same day in UTC and in China: local-day edges are tested on data the services wrote, in report-local-days.test.ts,
 * and the whole flow through the services in report-services.test.ts. Categories are ids, as the services store
 * them. Expected counts for 2026-01-01 … 2026-03-31 (today 2026-06-15) are in report-summary.test.ts.
 */

export const seedToday = new Date('2026-06-15T04:00:00.000Z')

const at = (day: string) => `${day}T04:00:00.000Z`

export interface SeededIds {
  unitA: number
  unitB: number
  unitAName: string
  unitBName: string
  portalW1: number
  portalW2: number
}

interface ItemSpec {
  unit: number
  source?: 'site' | 'web'
  place?: number | null
  portal?: number | null
  category: string
  status: string
  found: string
  notified?: string
  verified?: string
  deadline?: string
  /** Status changes after creation: [action, toStatus, day]. */
  events?: Array<[string, string, string]>
  /** One finding per entry, each with these clauses. */
  findings?: Array<Array<{ code: string; clause: string; mandatory: boolean }>>
}

export function seedReportData(db: Db): SeededIds {
  const units = db.prepare(`SELECT id, name FROM units ORDER BY id LIMIT 2`).all() as Array<{
    id: number
    name: string
  }>
  const [a, b] = units
  if (!a || !b) throw new Error('seeded units missing')
  const now = at('2025-12-01')

  const place = (name: string, type: string, unit: number) =>
    Number(
      db
        .prepare(`INSERT INTO places (name, type, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
        .run(name, type, unit, now, now).lastInsertRowid,
    )
  const p1 = place('第一中学', 'school', a.id)
  const p2 = place('区人民医院', 'hospital', b.id)
  const p3 = place('人民路与乌达街路口', 'road-crossing', b.id)
  const p4 = place('工商银行乌达支行', 'bank', b.id)

  const portal = (name: string, url: string, unit: number) =>
    Number(
      db
        .prepare(
          `INSERT INTO portals (name, start_url, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(name, url, unit, now, now).lastInsertRowid,
    )
  const w1 = portal('区教育局网站', 'https://jyj.example.gov.cn/', a.id)
  const w2 = portal('区卫健委网站', 'https://wjw.example.gov.cn/', b.id)

  const run = (
    portalId: number,
    day: string,
    status: string,
    score: number | null,
    critical: number,
    serious: number,
  ) => {
    const summary = {
      score,
      pages: { total: 3, audited: score === null ? 0 : 3, failed: 0, skipped: 0 },
      byImpact: {
        critical: { instances: critical, nodes: critical },
        serious: { instances: serious, nodes: serious },
        moderate: { instances: 2, nodes: 2 },
        minor: { instances: 0, nodes: 0 },
      },
    }
    db.prepare(
      `INSERT INTO audit_runs (portal_id, start_url, status, score, summary_json, created_at, started_at, finished_at)
       VALUES (?, 'https://x.example.gov.cn/', ?, ?, ?, ?, ?, ?)`,
    ).run(portalId, status, score, JSON.stringify(summary), at(day), at(day), at(day))
  }
  run(w1, '2026-01-15', 'completed', 60, 0, 2)
  run(w1, '2026-02-12', 'failed', null, 0, 0)
  run(w1, '2026-03-20', 'completed', 95.5, 0, 0)
  run(w2, '2026-02-10', 'completed', 70, 1, 0)
  run(w2, '2026-04-05', 'completed', 100, 0, 0)

  let findingSeq = 0
  const item = (spec: ItemSpec): number => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO rectification_items (source, group_key, unit_id, place_id, portal_id, title, category, severity,
             status, deadline, first_found_at, notified_at, verified_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'major', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          spec.source ?? 'site',
          `g${findingSeq}`,
          spec.unit,
          spec.place ?? null,
          spec.portal ?? null,
          `问题 ${spec.category}`,
          spec.category,
          spec.status,
          spec.deadline ?? null,
          at(spec.found),
          // As the notices service writes it: the notice's date, not a timestamp.
          spec.notified ?? null,
          spec.verified ? at(spec.verified) : null,
          at(spec.found),
          at(spec.found),
        ).lastInsertRowid,
    )
    const event = db.prepare(
      `INSERT INTO rectification_events (item_id, action, from_status, to_status, note, at, on_day)
       VALUES (?, ?, NULL, ?, NULL, ?, ?)`,
    )
    event.run(id, 'create', 'open', at(spec.found), null)
    // A notify or claim carries its business day (the notice's or the reply's date) as the services store it;
    // here it is the day the event was saved.
    for (const [action, to, day] of spec.events ?? []) {
      event.run(id, action, to, at(day), action === 'notify' || action === 'claim' ? day : null)
    }
    for (const clauses of spec.findings ?? []) {
      findingSeq++
      const findingId = Number(
        db
          .prepare(
            `INSERT INTO findings (source, severity, title, detail, clauses_json, evidence_json, match_key, created_at)
             VALUES (?, 'major', 't', 'd', ?, '[]', ?, ?)`,
          )
          .run(spec.source ?? 'site', JSON.stringify(clauses), `m${findingSeq}`, at(spec.found))
          .lastInsertRowid,
      )
      db.prepare(`INSERT INTO rectification_item_findings (item_id, finding_id) VALUES (?, ?)`).run(
        id,
        findingId,
      )
    }
    return id
  }
  const gb3114 = { code: 'GB 55019-2021', clause: '3.1.4', mandatory: true }
  const gb3444 = { code: 'GB 50763-2012', clause: '3.4.4', mandatory: false }
  const wcag111 = { code: 'WCAG 2.2', clause: '1.1.1', mandatory: false }

  // 1: found, notified, claimed and verified in the period (21 days from notice to verification).
  item({
    unit: a.id,
    place: p1,
    category: 'ramp',
    status: 'verified',
    found: '2026-01-10',
    notified: '2026-01-20',
    verified: '2026-02-10',
    deadline: '2026-02-20',
    events: [
      ['notify', 'notified', '2026-01-20'],
      ['claim', 'claimed', '2026-02-01'],
      ['verify', 'verified', '2026-02-10'],
    ],
    findings: [[gb3114, gb3444], [gb3114]],
  })
  // 2: notified, deadline 1 March passed, still notified at the end of the period → overdue.
  item({
    unit: a.id,
    place: p1,
    category: 'toilet-room',
    status: 'notified',
    found: '2026-02-05',
    notified: '2026-02-06',
    deadline: '2026-03-01',
    events: [['notify', 'notified', '2026-02-06']],
    findings: [[gb3114]],
  })
  // 3: found, notified and verified in March (10 days).
  item({
    unit: b.id,
    place: p2,
    category: 'lift',
    status: 'verified',
    found: '2026-03-03',
    notified: '2026-03-04',
    verified: '2026-03-14',
    deadline: '2026-03-20',
    events: [
      ['notify', 'notified', '2026-03-04'],
      ['verify', 'verified', '2026-03-14'],
    ],
  })
  // 4: found before the period; notified and verified in January (10 days).
  item({
    unit: b.id,
    place: p2,
    category: 'lift',
    status: 'verified',
    found: '2025-12-20',
    notified: '2026-01-05',
    verified: '2026-01-15',
    events: [
      ['notify', 'notified', '2026-01-05'],
      ['verify', 'verified', '2026-01-15'],
    ],
  })
  // 5: found after the period (April), open with a deadline in May: overdue today, not in Q1.
  item({
    unit: a.id,
    place: p1,
    category: 'ramp',
    status: 'open',
    found: '2026-04-02',
    deadline: '2026-05-01',
  })
  // 6: dropped as a false positive in January: not found, dropped 1.
  item({
    unit: b.id,
    place: p2,
    category: 'door',
    status: 'dropped',
    found: '2026-01-12',
    events: [['drop', 'dropped', '2026-01-15']],
  })
  // 7: merged duplicate: never counted.
  item({ unit: a.id, place: p1, category: 'ramp', status: 'merged', found: '2026-01-11' })
  // 8: web item, deadline on the period's last day, still notified → overdue once the period has ended.
  item({
    unit: a.id,
    source: 'web',
    portal: w1,
    category: 'web',
    status: 'notified',
    found: '2026-03-10',
    notified: '2026-03-10',
    deadline: '2026-03-31',
    events: [['notify', 'notified', '2026-03-10']],
    findings: [[wcag111]],
  })
  // 9: deadline 20 February missed; verified only in May → overdue in Q1 (and in February).
  item({
    unit: b.id,
    place: p4,
    category: 'counter',
    status: 'verified',
    found: '2026-01-25',
    notified: '2026-02-01',
    verified: '2026-05-01',
    deadline: '2026-02-20',
    events: [
      ['notify', 'notified', '2026-02-01'],
      ['verify', 'verified', '2026-05-01'],
    ],
  })
  // 10: audible signal at a crossing, open. Saved before categories were ids: the row holds the zh-CN label.
  item({ unit: b.id, place: p3, category: '过街音响提示装置', status: 'open', found: '2026-02-15' })
  // 11: the unit replied (claimed) before its deadline: not overdue although unverified.
  item({
    unit: a.id,
    place: p1,
    category: 'toilet-room',
    status: 'claimed',
    found: '2026-03-01',
    notified: '2026-03-02',
    deadline: '2026-03-15',
    events: [
      ['notify', 'notified', '2026-03-02'],
      ['claim', 'claimed', '2026-03-10'],
    ],
  })

  return { unitA: a.id, unitB: b.id, unitAName: a.name, unitBName: b.name, portalW1: w1, portalW2: w2 }
}
