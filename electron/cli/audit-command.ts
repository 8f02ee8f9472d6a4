import fs from 'node:fs'
import path from 'node:path'
import { InvalidArgumentError, Option, type Command } from 'commander'
import type { AxeImpactLevel } from '../../shared/web/audit-result'
import { normalizeUrl, parseUrlList } from '../../shared/web/url-normalize'
import { webStandardsMappingVersion } from '../../shared/web/standards'
import { launchBrowser } from '../core/browser/browser-provider'
import { formatProgressLine, type BatchProgress } from '../core/web-audits/batch/batch-progress'
import { BatchRunner, defaultConcurrency, type PageEvent } from '../core/web-audits/batch/batch-runner'
import { createAuditBatch, findResumableBatch } from '../core/web-audits/batch/batch-setup'
import { createDefaultAuditor } from '../core/web-audits/page/default-auditor'
import { ensurePortal, findUnitIdByName } from '../core/registry/portal-store'
import { auditReportSource } from '../core/web-audits/report/report-source'
import { reportChunks } from '../core/web-audits/report/render-report'
import { auditReportSchemaVersion, type ReportFormat } from '../core/web-audits/report/report-types'
import { openCore } from '../core/open-core'
import { resolveDataDir } from '../core/paths'
import { readAppVersion } from './app-version'
import { exitCodes, out } from './output'

/**
 * `access-audit audit <url|file>`: crawls and audits one portal or a list of portals, writes a JSON, CSV or
 * JUnit report, and exits 0 (nothing at or above --fail-on), 3 (violations found), 1 (error), 2 (usage).
 * Runs are stored in the data folder, so they are kept over time and an interrupted audit resumes (--resume).
 */

export interface AuditCommandOptions {
  maxPages: number
  depth: number
  concurrency: number
  out?: string
  format: ReportFormat
  failOn: AxeImpactLevel
  browser?: string
  browserWs?: string
  browserArg: string[]
  include: string[]
  exclude: string[]
  sitemap: boolean
  minInterval: number
  timeout: number
  screenshots: boolean
  resume: boolean
  dataDir?: string
}

const impactRank: Readonly<Record<AxeImpactLevel, number>> = {
  minor: 1,
  moderate: 2,
  serious: 3,
  critical: 4,
}

function intIn(min: number, max: number, label: string) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${label}须为 ${min}–${max} 的整数`)
    return n
  }
}
const collect = (value: string, previous: string[]): string[] => [...previous, value]

interface Target {
  name?: string
  url: string
  unit?: string
}

class UsageError extends Error {}

/** A URL, or a file listing URLs (malformed lines are reported with their line number and skipped). */
export function readTargets(target: string, report: (line: string) => void): Target[] {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && fs.existsSync(target) && fs.statSync(target).isFile()) {
    const list = parseUrlList(fs.readFileSync(target, 'utf8'))
    for (const error of list.errors) report(`${target}：${error.message}`)
    if (list.entries.length === 0) throw new UsageError(`文件 ${target} 中没有可检测的网址`)
    return list.entries.map((e) => ({ url: e.url, name: e.name, unit: e.unit }))
  }
  const url = normalizeUrl(target, undefined, { assumeScheme: 'http' })
  if (!url.ok) {
    throw new UsageError(
      url.error.code === 'UNSUPPORTED_SCHEME'
        ? `${url.error.message}（${target}）`
        : `“${target}”既不是有效网址（应以 http:// 或 https:// 开头），也不是存在的文件`,
    )
  }
  return [{ url: url.url }]
}

/** Exit code from the stored summaries: violations at or above `failOn` → 3; a portal with no page audited → 1. */
export function exitCodeFor(
  runs: ReadonlyArray<{
    status: string
    summary: { byImpact: Record<AxeImpactLevel, { instances: number }> }
  }>,
  failOn: AxeImpactLevel,
): number {
  if (runs.some((r) => r.status !== 'completed')) return exitCodes.failure
  const found = runs.some((r) =>
    (Object.keys(impactRank) as AxeImpactLevel[]).some(
      (impact) => impactRank[impact] >= impactRank[failOn] && r.summary.byImpact[impact].instances > 0,
    ),
  )
  return found ? exitCodes.violations : exitCodes.ok
}

function progressPrinter(tty: boolean) {
  let last = ''
  return {
    page(event: PageEvent) {
      if (tty) return
      const r = event.result
      const violations = r.results.filter((x) => !x.needsReview).length
      const review = r.results.length - violations
      const what = r.ok
        ? `违规 ${violations} 项 · 需复核 ${review} 项`
        : `失败（${r.failureReason}）：${r.failureMessage ?? ''}`
      out.error(`[${formatProgressLine(event.progress)}] ${r.ok ? '✓' : '✗'} ${r.url} ${what}`)
    },
    progress(p: BatchProgress) {
      if (!tty) return
      last = formatProgressLine(p)
      process.stderr.write(`\r${last}\x1b[K`)
    },
    end() {
      if (tty && last) process.stderr.write('\n')
      last = ''
    },
  }
}

/** Runs the command; returns the exit code. Usage problems throw InvalidArgumentError-like UsageError. */
export async function runAuditCommand(target: string, opts: AuditCommandOptions): Promise<number> {
  const messages: string[] = []
  let targets: Target[]
  try {
    targets = readTargets(target, (m) => messages.push(m))
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`用法错误：${error.message}`)
      return exitCodes.usage
    }
    throw error
  }
  for (const m of messages) out.error(m)
  const dataDir = resolveDataDir(opts.dataDir)
  const core = openCore(dataDir, readAppVersion())
  const db = core.ctx.db
  const startedAt = new Date()
  const interrupt = new AbortController()
  const onSigint = () => interrupt.abort()
  process.once('SIGINT', onSigint)
  const printer = progressPrinter(Boolean(process.stderr.isTTY))
  try {
    const now = new Date()
    const portals = targets.map((t) => {
      const unitId = t.unit ? findUnitIdByName(db, t.unit) : null
      if (t.unit && unitId === null) out.error(`未找到责任单位“${t.unit}”，${t.url} 暂不关联责任单位`)
      return ensurePortal(
        db,
        {
          name: t.name ?? new URL(t.url).host,
          startUrl: t.url,
          unitId: unitId ?? undefined,
          maxPages: opts.maxPages,
          maxDepth: opts.depth,
          include: opts.include,
          exclude: opts.exclude,
        },
        now,
      )
    })
    const resumed = opts.resume
      ? findResumableBatch(
          db,
          portals.map((p) => p.startUrl),
        )
      : null
    const batchId =
      resumed ??
      createAuditBatch(
        db,
        portals.map((portal) => ({ portal, options: { sitemap: opts.sitemap } })),
        { source: 'cli' },
        now,
      ).batchId
    out.error(resumed ? `继续检测批次 ${batchId}` : `检测批次 ${batchId}（数据文件夹：${dataDir}）`)
    const runner = new BatchRunner({
      db,
      auditor: createDefaultAuditor({ navigationTimeoutMs: opts.timeout * 1000 }),
      launchBrowser: async () =>
        (
          await launchBrowser({
            configuredPath: opts.browser ?? null,
            browserWSEndpoint: opts.browserWs ?? null,
            extraArgs: opts.browserArg,
          })
        ).browser,
      concurrency: opts.concurrency,
      minIntervalMs: opts.minInterval,
      screenshotRoot: opts.screenshots ? path.join(dataDir, 'audit-screenshots') : null,
      signal: interrupt.signal,
      onProgress: (p) => printer.progress(p),
      onPage: (e) => printer.page(e),
    })
    const outcome = await runner.run(batchId)
    printer.end()
    const source = auditReportSource(db, batchId, {
      schemaVersion: auditReportSchemaVersion,
      tool: { name: 'access-audit', version: readAppVersion(), mappingVersion: webStandardsMappingVersion },
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      options: {
        maxPages: opts.maxPages,
        maxDepth: opts.depth,
        concurrency: opts.concurrency,
        failOn: opts.failOn,
        include: opts.include,
        exclude: opts.exclude,
      },
    })
    writeReport(opts.format, source, opts.out)
    if (outcome.status !== 'completed') {
      out.error(`检测未完成（批次 ${batchId} 已暂停），可加 --resume 继续`)
      return exitCodes.failure
    }
    for (const p of source.portals) {
      const s = p.summary
      out.error(
        `${p.name ?? p.startUrl}：得分 ${s.score ?? '—'} · 页面 ${s.pages.audited}/${s.pages.total}（失败 ${s.pages.failed}）· 违规 ${s.violations.instances} 项（${s.violations.nodes} 处）· 需复核 ${s.needsReview.instances} 项`,
      )
    }
    return exitCodeFor(source.portals, opts.failOn)
  } finally {
    printer.end()
    process.removeListener('SIGINT', onSigint)
    core.close()
  }
}

function writeReport(format: ReportFormat, source: Parameters<typeof reportChunks>[1], file?: string): void {
  if (!file) {
    for (const chunk of reportChunks(format, source)) process.stdout.write(chunk)
    return
  }
  const target = path.resolve(file)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const partial = `${target}.partial`
  const fd = fs.openSync(partial, 'w')
  try {
    for (const chunk of reportChunks(format, source)) fs.writeSync(fd, chunk)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(partial, target)
  out.error(`报告已写入 ${target}`)
}

/** Ends the process with `code` once stdout and stderr are flushed (main() maps only 0, 1 and 2). */
async function exitWith(code: number): Promise<never> {
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()))
  process.exit(code)
}

/** Options and action of `access-audit audit`; `globalDataDir` reads the program-level --data-dir. */
export function configureAuditCommand(command: Command, globalDataDir: () => string | undefined): Command {
  return command
    .argument('<target>', '网址，或网址列表文件（每行一个网址，或 CSV：名称,网址[,责任单位]）')
    .description(
      '检测网站无障碍：抓取同源页面，用 axe-core 与本软件的检查项检测，输出 JSON / CSV / JUnit 报告',
    )
    .option('--max-pages <n>', '每个网站最多检测的页面数', intIn(1, 10000, '--max-pages '), 50)
    .option('--depth <n>', '从首页起的链接层数（0 只检测首页）', intIn(0, 20, '--depth '), 3)
    .option('--concurrency <n>', '同时检测的页面数', intIn(1, 16, '--concurrency '), defaultConcurrency())
    .option('--out <file>', '报告文件（默认输出到标准输出）')
    .addOption(new Option('--format <format>', '报告格式').choices(['json', 'csv', 'junit']).default('json'))
    .addOption(
      new Option('--fail-on <impact>', '出现该级别及以上的违规时退出码为 3')
        .choices(['critical', 'serious', 'moderate', 'minor'])
        .default('serious'),
    )
    .option('--browser <path>', '浏览器程序路径（Chrome、Edge 或 Chromium）')
    .option('--browser-ws <endpoint>', '远程浏览器地址 ws://…（不在本机启动浏览器）')
    .option('--browser-arg <flag>', '附加的浏览器启动参数（可重复），如 --proxy-server=…', collect, [])
    .option('--include <glob>', '只检测匹配的网址（可重复），如 /zwgk/**', collect, [])
    .option('--exclude <glob>', '不检测匹配的网址（可重复），如 /**/download/**', collect, [])
    .option('--no-sitemap', '不读取 sitemap.xml')
    .option(
      '--min-interval <ms>',
      '对同一网站两次请求的最小间隔（毫秒）',
      intIn(0, 60000, '--min-interval '),
      250,
    )
    .option('--timeout <seconds>', '单个页面加载的超时（秒）', intIn(1, 600, '--timeout '), 30)
    .option('--screenshots', '保存问题元素截图（数据文件夹下 audit-screenshots/）')
    .option('--resume', '继续上次未完成的同一批网址的检测')
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (target: string, opts: AuditCommandOptions) => {
      const code = await runAuditCommand(target, { ...opts, dataDir: opts.dataDir ?? globalDataDir() })
      if (code !== exitCodes.ok) await exitWith(code)
    })
}
