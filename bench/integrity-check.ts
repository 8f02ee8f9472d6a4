import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { databaseFileName } from '../electron/core/db/database-file'
import { openCore } from '../electron/core/open-core'

/**
 * The cost of the database checks made when opening: `quick_check` on every open, the full `integrity_check`
 * after an unclean shutdown (a process that had the database open died: crash, kill, power cut). Builds a database
 * of `--rows` findings shaped like web findings (title, detail, clauses and an evidence JSON with an HTML
 * snippet, about 1.9 KB a row, with their four indexes), then times both checks, each `--repeat` times, and the
 * open of the data folder after a clean and after an unclean shutdown.
 *
 *   npx tsx bench/integrity-check.ts                   1.5 million findings (≈ 3 GB) in a temporary folder
 *   npx tsx bench/integrity-check.ts --rows 200000     a smaller one
 *   options: --rows N  --repeat N  --keep DIR (build there once; later runs reuse it)
 *
 * The files are read once before timing, so the page cache is as warm as on a machine that just used them; a
 * first open after a reboot reads from disk and takes longer. Nothing asserts on time.
 */

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1500000' },
    repeat: { type: 'string', default: '2' },
    keep: { type: 'string' },
  },
})

const rows = Number(args.rows)
const dir = args.keep
  ? path.resolve(args.keep)
  : fs.mkdtempSync(path.join(os.tmpdir(), 'access-audit-integrity-'))
const file = path.join(dir, databaseFileName)

function build(): void {
  const core = openCore(dir, 'bench')
  const db = core.ctx.db
  const snippet = `<a class="nav-item" href="/zwgk/tzgg/202611/t20261120_${'x'.repeat(40)}.html"><img src="/images/icon.png"></a>`
  const evidence = JSON.stringify({ url: 'https://www.example.gov.cn/zwgk/', nodes: Array(8).fill(snippet) })
  const insert = db.prepare(`
    WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
    INSERT INTO findings (source, severity, needs_review, title, detail, clauses_json, evidence_json, unit_id,
                          check_id, match_key, created_at)
    SELECT 'web', 'major', 0, '图片缺少替代文本（image-alt）' || i, '页面：https://www.example.gov.cn/ ' || hex(randomblob(60)),
           '[{"code":"GB/T 37668-2019","clause":"5.1.1"}]', ? || i, 1, 'image-alt', 'web|image-alt|' || (i % 50000),
           '2026-11-20T00:00:00.000Z'
    FROM n`)
  const batch = 100_000
  const started = Date.now()
  for (let from = 1; from <= rows; from += batch) {
    db.transaction(() => insert.run(from, Math.min(rows, from + batch - 1), evidence))()
    process.stdout.write(`\rbuilding: ${Math.min(rows, from + batch - 1)} / ${rows} findings`)
  }
  core.close()
  console.log(`\nbuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

function time<T>(label: string, run: () => T): number {
  const started = process.hrtime.bigint()
  const result = run()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  ${String(result)}`)
  return seconds
}

if (!fs.existsSync(file)) build()
const size = fs.statSync(file).size
// Warm the page cache once, as a machine that has just been using the file would have it.
{
  const fd = fs.openSync(file, 'r')
  const chunk = Buffer.alloc(16 * 1024 * 1024)
  while (fs.readSync(fd, chunk, 0, chunk.length, null) > 0);
  fs.closeSync(fd)
}
console.log(
  `database: ${(size / 1024 ** 3).toFixed(2)} GB, ${rows} findings requested; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
)

const repeat = Number(args.repeat)
for (let i = 0; i < repeat; i++) {
  const db = new Database(file, { readonly: true })
  time('PRAGMA quick_check(1)  (every open)', () => db.pragma('quick_check(1)', { simple: true }))
  time('PRAGMA integrity_check(1)  (after an unclean stop)', () =>
    db.pragma('integrity_check(1)', { simple: true }),
  )
  db.close()
}
time('openCore after a clean shutdown', () => openCore(dir, 'bench').close())
// An unclean shutdown, as session-markers.ts sees it: a marker whose process is gone.
fs.writeFileSync(
  path.join(dir, `${databaseFileName}-sessions`, 'crashed.json'),
  JSON.stringify({ pid: 2 ** 22 + 1, host: os.hostname(), boot: 0, openedAt: new Date().toISOString() }),
)
time('openCore after an unclean shutdown', () => openCore(dir, 'bench').close())
if (!args.keep) fs.rmSync(dir, { recursive: true, force: true })
