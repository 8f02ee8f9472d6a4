import fs from 'node:fs'
import path from 'node:path'
import { InvalidArgumentError, Option, type Command } from 'commander'
import { ApiError } from '../../shared/api/errors'
import type { AxeImpactLevel } from '../../shared/web/audit-result'
import { webStandardsMappingVersion } from '../../shared/web/standards'
import {
  duplicateEndpointProblem,
  endpointLabel,
  FarmSpecError,
  parseEndpointSpec,
  type FarmEndpoint,
} from '../../shared/web/browser-farm'
import { refusedBrowserFlags } from '../core/browser/browser-flags'
import { assertWritableTarget, writeFileAtomically } from '../core/files/atomic-write'
import { FileWriteError } from '../core/files/fs-errors'
import { assertNotDataFile } from '../core/files/output-guard'
import { openCore } from '../core/open-core'
import { resolveDataDir } from '../core/paths'
import type { TargetSource } from '../core/web-audits/audit-targets'
import { reportChunks } from '../core/web-audits/report/render-report'
import {
  auditReportSchemaVersion,
  type ReportFormat,
  type ReportSource,
} from '../core/web-audits/report/report-types'
import type { RunOverrides } from '../core/web-audits/web-audit-service'
import { readAppVersion } from './app-version'
import { exitCodeFor, progressPrinter, summaryLines } from './audit-summary'
import { exitCodes, exitWith, out } from './output'

/**
 * `access-audit audit <url|file>`: a thin client of the WebAuditService. It reads the command line and the list
 * file, lets the service decide what to audit (the app's rules) and run the batch in the foreground, then writes
 * the JSON, CSV or JUnit report. Exit codes: 0 nothing at or above --fail-on, 3 violations found, 4 a website had
 * not one page audited, 1 the audit could not run or was interrupted, 2 usage.
 */

export interface AuditCommandOptions {
  maxPages: number
  depth: number
  /** Pages at once; none: adaptive (more while pages wait on a slow site, one per core when they all compute). */
  concurrency?: number
  out?: string
  format: ReportFormat
  failOn: AxeImpactLevel
  browser?: string
  /** Remote browser endpoints (a farm); none: the list saved in 设置, else the local browser. */
  browserWs: FarmEndpoint[]
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

/** Options whose value was typed on the command line (a default is not an override of a portal's settings). */
export type GivenOptions = ReadonlySet<keyof AuditCommandOptions>

function intIn(min: number, max: number, label: string) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${label}须为 ${min}–${max} 的整数`)
    return n
  }
}
const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** `--browser-arg`: only the allowed flags (browser-flags.ts), refused as a usage error before anything runs. */
function collectBrowserFlag(value: string, previous: string[]): string[] {
  if (refusedBrowserFlags([value]).length > 0) {
    throw new InvalidArgumentError(
      `不允许的浏览器启动参数 ${value.split('=')[0]}（只接受代理、语言、窗口大小等参数，见 README“Which browser audits”）`,
    )
  }
  return [...previous, value]
}

/**
 * `--browser-ws <url>[#<n>]`, repeatable: one farm endpoint each, read by the one parser of shared/web/browser-farm
 * (ws:// or wss://, 1–16 pages at once, default 4); an endpoint given twice is refused.
 */
export function collectEndpoint(value: string, previous: FarmEndpoint[]): FarmEndpoint[] {
  try {
    const endpoints = [...previous, parseEndpointSpec(value)]
    const duplicate = duplicateEndpointProblem(endpoints)
    if (duplicate) throw new FarmSpecError(duplicate)
    return endpoints
  } catch (error) {
    if (error instanceof FarmSpecError) throw new InvalidArgumentError(error.message)
    throw error
  }
}

/** A URL, or the text of an existing list file (a target with a scheme is always a URL). */
export function targetSource(target: string): TargetSource {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && fs.existsSync(target) && fs.statSync(target).isFile()) {
    return { list: fs.readFileSync(target, 'utf8'), label: `文件 ${target}` }
  }
  return { url: target }
}

/** The flags given for this run only: they override each portal's saved settings and are never saved. */
export function runOverrides(opts: AuditCommandOptions, given: GivenOptions): RunOverrides {
  return {
    ...(given.has('maxPages') ? { maxPages: opts.maxPages } : {}),
    ...(given.has('depth') ? { maxDepth: opts.depth } : {}),
    ...(given.has('include') ? { include: opts.include } : {}),
    ...(given.has('exclude') ? { exclude: opts.exclude } : {}),
    ...(opts.sitemap ? {} : { sitemap: false }),
  }
}

/** A refusal by the service that the command line can fix (an archived portal, a list with no URL): exit 2. */
function printRefusal(error: ApiError): number {
  out.error(`错误：${error.message}`)
  for (const field of error.fields ?? []) out.error(`  ${field.message}`)
  return exitCodes.usage
}

const refusalCodes = new Set(['VALIDATION', 'INVALID_STATE', 'NOT_FOUND', 'DUPLICATE'])

/** Runs the command; returns the exit code. */
export async function runAuditCommand(
  target: string,
  opts: AuditCommandOptions,
  given: GivenOptions = new Set(),
): Promise<number> {
  const source = targetSource(target)
  const dataDir = resolveDataDir(opts.dataDir)
  if (opts.out) {
    try {
      await checkReportTarget(opts.out, dataDir)
    } catch (error) {
      if (error instanceof FileWriteError) return printRefusal(new ApiError('VALIDATION', error.message))
      throw error
    }
  }
  const core = openCore(dataDir, readAppVersion())
  const audits = core.webAudits
  const interrupt = new AbortController()
  const onSigint = () => interrupt.abort()
  process.once('SIGINT', onSigint)
  const printer = progressPrinter(Boolean(process.stderr.isTTY))
  const startedAt = new Date()
  try {
    let prepared
    try {
      prepared = audits.prepareTargets(source)
    } catch (error) {
      if (!(error instanceof ApiError && refusalCodes.has(error.code))) throw error
      const noSuchFile =
        'url' in source && !/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && error.code === 'VALIDATION'
      return printRefusal(
        noSuchFile
          ? new ApiError(
              'VALIDATION',
              `“${target}”既不是有效网址（应以 http:// 或 https:// 开头），也不是存在的文件`,
            )
          : error,
      )
    }
    for (const problem of prepared.problems)
      out.error(`${'label' in source ? source.label : target}：${problem.message}`)
    for (const note of prepared.notes) out.error(note)
    const { batchId, outcome } = await audits.runInForeground({
      targets: prepared.targets,
      overrides: runOverrides(opts, given),
      resume: Boolean(opts.resume),
      concurrency: opts.concurrency,
      minIntervalMs: opts.minInterval,
      navigationTimeoutMs: opts.timeout * 1000,
      screenshots: Boolean(opts.screenshots),
      browser: { configuredPath: opts.browser ?? null, extraArgs: opts.browserArg },
      ...(opts.browserWs.length > 0 ? { farm: opts.browserWs } : {}),
      onEndpointLost: (url, reason) =>
        out.error(
          `远程浏览器 ${endpointLabel(url)} 已断开或无法连接，本批次不再使用；它的页面已放回队列（${reason}）`,
        ),
      signal: interrupt.signal,
      onBatch: (id, resumed) =>
        out.error(resumed ? `继续检测批次 ${id}` : `检测批次 ${id}（数据文件夹：${dataDir}）`),
      onProgress: (p) => printer.progress(p),
      onPage: (e) => printer.page(e),
    })
    printer.end()
    const report = audits.reportSource(batchId, {
      schemaVersion: auditReportSchemaVersion,
      tool: { name: 'access-audit', version: readAppVersion(), mappingVersion: webStandardsMappingVersion },
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      options: {
        maxPages: opts.maxPages,
        maxDepth: opts.depth,
        concurrency: opts.concurrency ?? outcome.concurrency.peak,
        failOn: opts.failOn,
        include: opts.include,
        exclude: opts.exclude,
      },
    })
    await writeReport(opts.format, report, dataDir, opts.out)
    if (outcome.status !== 'completed') {
      out.error(`✗ 检测未完成（批次 ${batchId} 已暂停），可加 --resume 继续，退出码 1`)
      return exitCodes.failure
    }
    for (const line of summaryLines(report, opts.failOn)) out.error(line)
    return exitCodeFor(report.portals, opts.failOn)
  } finally {
    printer.end()
    process.removeListener('SIGINT', onSigint)
    core.close()
  }
}

/**
 * Before the audit (which may take hours): `--out` is none of the data folder's files (the database above all),
 * its folder exists or is made, and it accepts a new file. Throws FileWriteError with the zh-CN reason.
 */
async function checkReportTarget(file: string, dataDir: string): Promise<void> {
  const target = path.resolve(file)
  assertNotDataFile(target, dataDir)
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true })
  } catch {
    // assertWritableTarget names the problem (not a folder, no permission …)
  }
  await assertWritableTarget(target, { dataDir })
}

/** The report to stdout, or to `--out` atomically: a failed write leaves no partial file (files/atomic-write). */
async function writeReport(format: ReportFormat, source: ReportSource, dataDir: string, file?: string) {
  if (!file) {
    for (const chunk of reportChunks(format, source)) process.stdout.write(chunk)
    return
  }
  const target = path.resolve(file)
  await writeFileAtomically(target, reportChunks(format, source), { dataDir })
  out.error(`报告已写入 ${target}`)
}

const optionKeys: ReadonlyArray<keyof AuditCommandOptions> = ['maxPages', 'depth', 'include', 'exclude']

/** Options and action of `access-audit audit`; `globalDataDir` reads the program-level --data-dir. */
export function configureAuditCommand(command: Command, globalDataDir: () => string | undefined): Command {
  return command
    .argument('<target>', '网址，或网址列表文件（每行一个网址，或 CSV：名称,网址[,责任单位]）')
    .description(
      '检测网站无障碍：抓取同源页面，用 axe-core 与本软件的检查项检测，输出 JSON / CSV / JUnit 报告',
    )
    .option(
      '--max-pages <n>',
      '每个网站最多检测的页面数（只用于本次；已登记网站默认用其保存的设置，未登记的默认 50）',
      intIn(1, 10000, '--max-pages '),
      50,
    )
    .option(
      '--depth <n>',
      '从首页起的链接层数，0 只检测首页（只用于本次；已登记网站默认用其保存的设置，未登记的默认 3）',
      intIn(0, 20, '--depth '),
      3,
    )
    .option(
      '--concurrency <n>',
      '同时检测的页面数（默认自动：网站慢时多开页面，按处理器核数封顶，每个网站至多 4 个）',
      intIn(1, 16, '--concurrency '),
    )
    .option('--out <file>', '报告文件（默认输出到标准输出）')
    .addOption(new Option('--format <format>', '报告格式').choices(['json', 'csv', 'junit']).default('json'))
    .addOption(
      new Option('--fail-on <impact>', '出现该级别及以上的违规时退出码为 3')
        .choices(['critical', 'serious', 'moderate', 'minor'])
        .default('serious'),
    )
    .option('--browser <path>', '浏览器程序路径（Chrome、Edge 或 Chromium）')
    .option(
      '--browser-ws <endpoint>',
      '远程浏览器地址 ws://… 或 wss://…，可重复（浏览器集群，页面分给各个浏览器）；#n 为该浏览器同时检测的页面数（1–16，默认 4），如 ws://farm1:3000?token=…#6',
      collectEndpoint,
      [],
    )
    .option(
      '--browser-arg <flag>',
      '附加的浏览器启动参数（可重复），如 --proxy-server=…',
      collectBrowserFlag,
      [],
    )
    .option('--include <glob>', '只检测匹配的网址（可重复），如 /zwgk/**（只用于本次）', collect, [])
    .option('--exclude <glob>', '不检测匹配的网址（可重复），如 /**/download/**（只用于本次）', collect, [])
    .option('--no-sitemap', '不读取 sitemap.xml')
    .option(
      '--min-interval <ms>',
      '对同一网站两次请求的最小间隔（毫秒）',
      intIn(0, 60000, '--min-interval '),
      250,
    )
    .option('--timeout <seconds>', '单个页面加载的超时（秒）', intIn(1, 600, '--timeout '), 30)
    .option('--screenshots', '保存问题元素截图（数据文件夹下 screenshots/，应用和整改通知书读取同一位置）')
    .option('--resume', '继续上次未完成的同一批网址的检测')
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (target: string, opts: AuditCommandOptions, cmd: Command) => {
      const given = new Set(optionKeys.filter((key) => cmd.getOptionValueSource(key) === 'cli'))
      const code = await runAuditCommand(target, { ...opts, dataDir: opts.dataDir ?? globalDataDir() }, given)
      if (code !== exitCodes.ok) await exitWith(code)
    })
}
