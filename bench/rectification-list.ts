import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { insertWebFindings, webFindingRows } from '../electron/core/web-audits/runs/web-findings'
import { databaseFileName } from '../electron/core/db/open-database'
import { openCore, type Core } from '../electron/core/open-core'
import type { InputOf, OperationName, OutputOf } from '../shared/api/contract'
import type { AuditRuleResult, AxeImpactLevel, PageResult } from '../shared/web/audit-result'

/**
 * 整改跟踪 at district scale: a database of years of monthly audits (by default 50 portals × 24 runs × 10 pages,
 * 30 failing rules with 4 elements each per page — 1200 findings a run, 1.44 million in all — plus 100 places
 * inspected twice), then the calls the 整改项 screens make, timed, with the size of their JSON answers.
 *
 * How the database is built: through the real services wherever the app itself goes through them — units are
 * the seeded ones; places, portals, inspections (create, add element, save check, submit) and notices go through
 * the API dispatcher; each month ends with `rectification:sync`, as the audit manager syncs after every batch.
 * Only the audit runs themselves are written directly, the way the batch runner records them (the run row, each
 * page's result JSON, and the page's findings through the runner's own webFindingRows + insertWebFindings, as
 * tests/integration/rectification/fixtures.ts does): crawling and auditing 12 000 pages is not what is measured.
 * At month 12 every second unit is sent a notice for its open items, so later runs find notified items again.
 * An element set changes every 6 months (two of each page's four elements fixed, two new), so web items hold
 * elements that the latest run no longer reports.
 *
 *   npx tsx bench/rectification-list.ts                 the full database in a temporary folder (deleted after)
 *   npx tsx bench/rectification-list.ts --quick         10 portals × 6 runs, 20 places (a smoke run)
 *   options: --portals N --runs N --pages N --rules N --elements N (per rule and page) --places N
 *            --repeat N (timed calls after the first; 0 = the first only) --keep DIR (build there once; later
 *            runs reuse it)
 *
 * With --keep, a database already in DIR is reused as it is (after opening it, which applies any newer schema
 * migration — its time is printed). Nothing here asserts on time: it prints numbers for a person to read.
 */

const { values: args } = parseArgs({
  options: {
    portals: { type: 'string', default: '50' },
    runs: { type: 'string', default: '24' },
    pages: { type: 'string', default: '10' },
    rules: { type: 'string', default: '30' },
    elements: { type: 'string', default: '4' },
    places: { type: 'string', default: '100' },
    repeat: { type: 'string', default: '3' },
    keep: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
})
const scale = args.quick
  ? { portals: 10, runs: 6, pages: 10, rules: 30, elements: 4, places: 20 }
  : {
      portals: Number(args.portals),
      runs: Number(args.runs),
      pages: Number(args.pages),
      rules: Number(args.rules),
      elements: Number(args.elements),
      places: Number(args.places),
    }
const repeat = Math.max(0, Number(args.repeat))

/** Real axe rule ids, so categories, titles and help links look like a real run's. */
const axeRules = [
  'color-contrast',
  'image-alt',
  'link-name',
  'label',
  'button-name',
  'html-has-lang',
  'document-title',
  'heading-order',
  'region',
  'landmark-one-main',
  'list',
  'listitem',
  'frame-title',
  'input-image-alt',
  'aria-allowed-attr',
  'aria-required-attr',
  'aria-valid-attr-value',
  'duplicate-id-aria',
  'empty-heading',
  'select-name',
  'tabindex',
  'meta-viewport',
  'page-has-heading-one',
  'bypass',
  'link-in-text-block',
  'nested-interactive',
  'role-img-alt',
  'scrollable-region-focusable',
  'td-headers-attr',
  'th-has-data-cells',
]
const criteria = ['1.1.1', '1.3.1', '1.4.3', '2.1.1', '2.4.1', '2.4.2', '2.4.4', '3.1.1', '3.3.2', '4.1.2']
const impacts: AxeImpactLevel[] = ['critical', 'serious', 'moderate', 'minor']

function ruleResult(ruleIndex: number, page: number, run: number): AuditRuleResult {
  const ruleId =
    axeRules[ruleIndex % axeRules.length]! + (ruleIndex >= axeRules.length ? `-${ruleIndex}` : '')
  // Every six months two of a page's elements are fixed and two new ones appear.
  const first = Math.floor(run / 6) * 2
  const nodes = Array.from({ length: scale.elements }, (_, i) => {
    const n = first + i
    return {
      selector: `#content > div.list:nth-child(${page + 1}) > ul > li:nth-child(${n + 1}) > a`,
      html: `<a href="/xxgk/zcwj/2024/art_${page}_${n}.html" class="news-item" target="_blank"><img src="/upload/2024/${ruleId}-${n}.jpg" width="120" height="80"><span class="t">关于做好无障碍环境建设工作的通知（第${n}号）</span></a>`,
      fingerprint: `${ruleId}|p${page}|e${n}`,
      failureSummary: `修复以下问题：\n  元素的前景色与背景色对比度不足（第 ${n} 处），应不低于 4.5:1`,
      screenshot: `p${page}-${ruleId}-${n}.png`,
    }
  })
  return {
    ruleId,
    source: 'axe',
    impact: impacts[ruleIndex % impacts.length]!,
    needsReview: false,
    description: `确保页面元素满足规则 ${ruleId} 的要求，使读屏软件和键盘用户可以使用`,
    help: `元素必须满足 ${ruleId} 的要求`,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${ruleId}?lang=zh`,
    refs: {
      wcag: [criteria[ruleIndex % criteria.length]!, criteria[(ruleIndex + 3) % criteria.length]!],
      gbt37668: [`5.${(ruleIndex % 4) + 1}.${(ruleIndex % 7) + 1}`],
      level: 'AA',
      ageing: [],
    },
    level: 'AA',
    nodes,
    nodeCount: nodes.length,
  }
}

function pageResult(startUrl: string, page: number, run: number, at: string): PageResult {
  const url = page === 0 ? startUrl : `${startUrl}xxgk/list_${page}.html`
  return {
    url,
    finalUrl: url,
    status: 200,
    title: `信息公开 第${page}页`,
    ok: true,
    startedAt: at,
    durationMs: 4200,
    results: Array.from({ length: scale.rules }, (_, r) => ruleResult(r, page, run)),
    framesNotTested: [],
    axeVersion: '4.14.1',
  }
}

/** Local noon of the 20th, `month` months after January 2024. */
function monthDate(month: number, day = 20): Date {
  return new Date(2024, month, day, 12, 0, 0)
}

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

type Call = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>

function caller(core: Core): Call {
  const dispatch = core.dispatch('cli')
  return async (name, input) => {
    const result = await dispatch(name, input)
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
    return result.data as never
  }
}

const mm = (value: number) => ({ value, unit: 'mm' })

/** Each place: five ramps, inspected in January and again in July (two slopes fixed by then). */
async function inspectPlaces(core: Core, call: Call, unitIds: readonly number[]): Promise<void> {
  const ramps = 5
  for (let p = 0; p < scale.places; p++) {
    core.ctx.now = () => monthDate(0, 10)
    const place = await call('places:create', {
      name: `第${p + 1}号政务服务场所`,
      type: 'government-service-hall',
      unitId: unitIds[p % unitIds.length],
    })
    for (const [month, fixedSlopes] of [
      [0, 0],
      [6, 2],
    ] as const) {
      core.ctx.now = () => monthDate(month, 10)
      let insp = await call('inspections:create', {
        placeId: place.id,
        inspectedOn: localDay(monthDate(month, 10)),
        inspectors: '张三、李四',
      })
      for (let e = insp.elements.length; e < ramps; e++) {
        insp = await call('inspections:addElement', {
          inspectionId: insp.id,
          baseVersion: insp.version,
          category: 'ramp',
          label: `${e + 1}号入口坡道`,
        })
      }
      for (const [index, element] of insp.elements.entries()) {
        const slope = index < fixedSlopes ? [200, 2800] : [300, 2400]
        insp = await call('inspections:saveCheck', {
          elementId: element.id,
          baseVersion: insp.version,
          checkId: 'ramp.slope',
          inputs: { rise: mm(slope[0]!), run: mm(slope[1]!) },
        })
        insp = await call('inspections:saveCheck', {
          elementId: element.id,
          baseVersion: insp.version,
          checkId: 'ramp.clear-width',
          inputs: { width: mm(800) },
        })
      }
      await call('inspections:submit', { id: insp.id, baseVersion: insp.version })
    }
  }
}

interface BuildTimes {
  siteMs: number
  runsMs: number
  syncMs: number
  noticesMs: number
  notices: number
}

async function build(core: Core, call: Call): Promise<BuildTimes> {
  const db = core.ctx.db
  const units = db.prepare('SELECT id FROM units ORDER BY id').pluck().all() as number[]
  const times: BuildTimes = { siteMs: 0, runsMs: 0, syncMs: 0, noticesMs: 0, notices: 0 }

  let start = performance.now()
  await inspectPlaces(core, call, units)
  times.siteMs = performance.now() - start

  core.ctx.now = () => monthDate(0, 1)
  const portals: Array<{ id: number; unitId: number | null; startUrl: string }> = []
  for (let i = 0; i < scale.portals; i++) {
    const portal = await call('portals:create', {
      name: `第${i + 1}号单位门户网站`,
      startUrl: `https://www${i + 1}.wuda.gov.cn/`,
      unitId: units[i % units.length],
    })
    portals.push({ id: portal.id, unitId: portal.unitId, startUrl: portal.startUrl })
  }

  const insertRun = db.prepare(
    `INSERT INTO audit_runs (portal_id, start_url, status, score, created_at, started_at, finished_at)
     VALUES (?, ?, 'completed', ?, ?, ?, ?)`,
  )
  const insertPage = db.prepare(
    `INSERT INTO audit_pages (run_id, url, depth, status, attempts, result_json, updated_at)
     VALUES (?, ?, ?, 'done', 1, ?, ?)`,
  )
  for (let month = 0; month < scale.runs; month++) {
    const at = monthDate(month)
    core.ctx.now = () => at
    const iso = at.toISOString()
    start = performance.now()
    for (const portal of portals) {
      // One transaction per run here; the runner uses one per page (same rows, fewer commits).
      db.transaction(() => {
        const runId = Number(
          insertRun.run(portal.id, portal.startUrl, 60 + (month % 30), iso, iso, iso).lastInsertRowid,
        )
        for (let page = 0; page < scale.pages; page++) {
          const result = pageResult(portal.startUrl, page, month, iso)
          insertPage.run(runId, result.url, page === 0 ? 0 : 1, JSON.stringify(result), iso)
          insertWebFindings(
            db,
            { id: portal.id, unitId: portal.unitId },
            runId,
            webFindingRows(portal.id, result, `run-${runId}`),
            at,
          )
        }
      })()
    }
    times.runsMs += performance.now() - start
    start = performance.now()
    await call('rectification:sync', {})
    times.syncMs += performance.now() - start

    if (month === Math.min(11, scale.runs - 1)) {
      start = performance.now()
      for (const [index, unitId] of units.entries()) {
        if (index % 2 === 1) continue
        const open = db
          .prepare(`SELECT id FROM rectification_items WHERE unit_id = ? AND status = 'open' ORDER BY id`)
          .pluck()
          .all(unitId) as number[]
        for (let i = 0; i < open.length; i += 500) {
          await call('notices:issue', {
            unitId,
            itemIds: open.slice(i, i + 500),
            issuedOn: localDay(at),
            deadline: localDay(monthDate(month + 1)),
          })
          times.notices++
        }
      }
      times.noticesMs = performance.now() - start
    }
    process.stdout.write(`\r建库：第 ${month + 1}/${scale.runs} 月`)
  }
  process.stdout.write('\n')
  db.pragma('wal_checkpoint(TRUNCATE)')
  return times
}

/** Calls `name` 1 + repeat times; prints a table row (first call, median of the others, JSON size). */
async function measure<N extends OperationName>(
  call: Call,
  label: string,
  name: N,
  input: InputOf<N>,
  rows: (data: OutputOf<N>) => string,
): Promise<{ data: OutputOf<N> }> {
  const times: number[] = []
  let data: OutputOf<N> | undefined
  for (let i = 0; i <= repeat; i++) {
    const start = performance.now()
    data = await call(name, input)
    times.push(performance.now() - start)
  }
  const start = performance.now()
  const json = JSON.stringify(data)
  const stringifyMs = performance.now() - start
  const later = (times.length > 1 ? times.slice(1) : times).sort((a, b) => a - b)
  const median = later[Math.floor(later.length / 2)]!
  // Printed as soon as known: on a large database before the fix, one call took minutes.
  console.log(
    `| ${label} | ${ms(times[0]!)} | ${ms(median)} | ${mb(Buffer.byteLength(json))} | ${ms(stringifyMs)} | ${rows(data!)} |`,
  )
  return { data: data! }
}

const mb = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`)

async function main() {
  const dir = args.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aa-bench-rect-'))
  const file = path.join(dir, databaseFileName)
  const reuse = fs.existsSync(file)
  let built: BuildTimes | null = null
  try {
    if (!reuse) {
      const core = openCore(dir, 'bench')
      core.ctx.db.pragma('synchronous = OFF') // building only; the measured core below opens as the app does
      try {
        built = await build(core, caller(core))
      } finally {
        core.close()
      }
    }

    const openStart = performance.now()
    const core = openCore(dir, 'bench')
    const openMs = performance.now() - openStart
    try {
      const db = core.ctx.db
      const call = caller(core)
      const count = (sql: string) => db.prepare(sql).pluck().get() as number
      const today = new Date(
        (db.prepare('SELECT MAX(created_at) FROM audit_runs').pluck().get() as string | null) ?? Date.now(),
      )
      core.ctx.now = () => today
      const busiestUnit = db
        .prepare(
          `SELECT unit_id FROM rectification_items WHERE status IN ('open', 'notified', 'claimed', 'reopened')
           GROUP BY unit_id ORDER BY COUNT(*) DESC LIMIT 1`,
        )
        .pluck()
        .get() as number
      const bigWeb = db
        .prepare(
          `SELECT l.item_id FROM rectification_item_findings l JOIN rectification_items i ON i.id = l.item_id
           WHERE i.source = 'web' GROUP BY l.item_id ORDER BY COUNT(*) DESC, l.item_id LIMIT 1`,
        )
        .pluck()
        .get() as number
      const items = (data: { length: number }) => `${data.length} 项`

      const fileBytes = fs.statSync(file).size
      console.log(
        `\n整改跟踪列表基准 — ${scale.portals} 个网站 × ${scale.runs} 次检测 × ${scale.pages} 页 × ${scale.rules} 条规则 × ${scale.elements} 处元素，${scale.places} 个场所各检查 2 次`,
      )
      console.log(
        `数据库：${mb(fileBytes)}，问题 ${count('SELECT COUNT(*) FROM findings')} 条（网站 ${count(
          `SELECT COUNT(*) FROM findings WHERE source = 'web'`,
        )}），整改项 ${count('SELECT COUNT(*) FROM rectification_items')} 项（未办结 ${count(
          `SELECT COUNT(*) FROM rectification_items WHERE status IN ('open', 'notified', 'claimed', 'reopened')`,
        )}），关联 ${count('SELECT COUNT(*) FROM rectification_item_findings')} 条，通知书 ${count(
          'SELECT COUNT(*) FROM notices',
        )} 份`,
      )
      console.log(
        `最大的网站整改项：编号 ${bigWeb}（关联问题 ${count(
          `SELECT COUNT(*) FROM rectification_item_findings WHERE item_id = ${bigWeb}`,
        )} 条）；按单位筛选：单位 ${busiestUnit}（未办结 ${count(
          `SELECT COUNT(*) FROM rectification_items
           WHERE unit_id = ${busiestUnit} AND status IN ('open', 'notified', 'claimed', 'reopened')`,
        )} 项）`,
      )
      if (built) {
        console.log(
          `建库：现场检查 ${ms(built.siteMs)}，写入检测结果 ${ms(built.runsMs)}，每月同步 rectification:sync 共 ${ms(
            built.syncMs,
          )}，签发通知书 ${built.notices} 份 ${ms(built.noticesMs)}`,
        )
      } else console.log(`沿用已有数据库 ${file}`)
      console.log(
        `打开数据库（含未应用的迁移）：${ms(openMs)}；${os.cpus().length} 核，负载 ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}\n`,
      )
      console.log(`| 调用 | 首次 | 之后 ${repeat} 次的中位数 | JSON 大小 | JSON 序列化 | 结果 |`)
      console.log('|---|---:|---:|---:|---:|---|')

      // The 整改项 page syncs on open (nothing new to link here), then lists.
      await measure(call, '整改项页：rectification:sync（无新问题）', 'rectification:sync', {}, () => '')
      await measure(call, '整改项页：rectification:list（默认：未办结）', 'rectification:list', {}, items)
      await measure(
        call,
        '整改项页：rectification:list（按责任单位）',
        'rectification:list',
        { unitId: busiestUnit },
        items,
      )
      await measure(
        call,
        '整改项页：rectification:list（全部状态）',
        'rectification:list',
        { status: 'all' },
        items,
      )
      const detail = await measure(
        call,
        '整改项详情：rectification:get（最大的网站整改项）',
        'rectification:get',
        { id: bigWeb },
        (item) => `${item.elementCount} 处元素`,
      )
      // 问题记录 on the item page: what renderer/src/rectification/item-findings.tsx asks for.
      await measure(
        call,
        '整改项详情：findings:list（问题记录）',
        'findings:list',
        { itemId: detail.data.id },
        (data) => `${data.length} 条`,
      )
      console.log(`\n进程内存（RSS）：${mb(process.memoryUsage().rss)}`)
    } finally {
      core.close()
    }
  } finally {
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
