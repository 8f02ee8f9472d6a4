import fs from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { launchBrowser } from '../electron/core/browser/browser-provider'
import type { AuditPageOptions } from '../electron/core/web-audits/page/audit-page'
import type { PhaseTimes } from '../electron/core/web-audits/page/phase-times'
import { defaultConcurrency } from '../electron/core/web-audits/batch/batch-runner'
import { sampleMemory } from '../electron/core/web-audits/batch/process-memory'
import type { CDPSession, Page } from 'puppeteer-core'
import { kindCpuMs, processCpuMs, sampleProcessCpu } from './process-cpu'
import { normalizeUrlOrNull } from '../shared/web/url-normalize'
import { runBaseline, type RuleKeys } from './baseline-audit'
import { corpusPaths, corpusUrls, startCorpus, type CorpusMode } from './corpus'
import { runRealPath } from './real-audit'

/**
 * Audit throughput and memory, in two corpus modes (bench/corpus.ts): 'cpu' (every response at once: auditing is
 * all CPU) and 'real-world' (slow server, third-party counters, font and share widget that answer after 3–15 s
 * or never, large images). Each mode compares the real audit path (the batch runner with the app's defaults:
 * adaptive concurrency, warm tabs cleared between pages, every own check) with the baseline (the bare puppeteer +
 * axe-core loop, as many tabs as the real path's default concurrency, waiting for `load`), measured in the same
 * run, in alternating rounds so that the machine's load swings hit both alike. Prints pages per minute of both
 * and their ratio, whether both found identical axe violations and needs-review results, the real path's time
 * per pipeline step, its pages in flight, and its peak memory (Node + browser) at two sizes. Each figure comes
 * with the load average it was measured under: only ratios from one run mean anything on a shared machine.
 *
 *   npx tsx bench/audit-throughput.ts                both modes, 100 pages in 2 rounds, memory at 100 and 1000
 *   npx tsx bench/audit-throughput.ts --quick        both modes, 55 pages in 1 round, no large run
 *   options: --mode cpu|real-world|both  --pages N  --large N (0 skips)  --rounds N  --concurrency auto|N
 *            --tabs N (baseline)  --sweep 1,2,3 (also the real path at these fixed concurrencies)
 *            --screenshots (as the app: element screenshots of failures)  --browser PATH  --auditor JSON
 *            --only REGEX (diagnostics: only the corpus paths matching it)
 *            --cpu-steps (diagnostics: the real path again, one page at a time, with CPU of renderer, browser
 *            and GPU process per pipeline step)  --browser-arg=FLAG (diagnostics: a Chromium flag, repeatable)
 *
 * Nothing here asserts on time: it prints numbers and verdicts for a person to read.
 */

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    /** Diagnostics: only the corpus paths matching this regular expression (e.g. '^/article/(8|13)$'). */
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    pages: { type: 'string' },
    large: { type: 'string' },
    rounds: { type: 'string' },
    concurrency: { type: 'string', default: 'auto' },
    tabs: { type: 'string' },
    sweep: { type: 'string' },
    screenshots: { type: 'boolean', default: false },
    browser: { type: 'string' },
    /** Diagnostics: auditPage options as JSON, e.g. '{"maxTabPresses":0}' (the default is the production path). */
    auditor: { type: 'string' },
    /** Diagnostics: an extra Chromium flag for both paths (repeatable), e.g. --browser-arg=--disable-smooth-scrolling */
    'browser-arg': { type: 'string', multiple: true },
    /** Also audit the pages one at a time and print CPU milliseconds of the renderer and the browser per step. */
    'cpu-steps': { type: 'boolean', default: false },
  },
})

const modes: CorpusMode[] =
  args.mode === 'both' ? ['cpu', 'real-world'] : args.mode === 'cpu' ? ['cpu'] : ['real-world']
const pages = Number(args.pages ?? (args.quick ? corpusPaths.length : 100))
const large = Number(args.large ?? (args.quick ? 0 : 1000))
const rounds = Math.max(1, Number(args.rounds ?? (args.quick ? 1 : 2)))
const concurrency: number | 'auto' = args.concurrency === 'auto' ? 'auto' : Number(args.concurrency)
const tabs = Number(args.tabs ?? defaultConcurrency())
const sweep = (args.sweep ?? '').split(',').filter(Boolean).map(Number)
const auditorOptions = args.auditor ? (JSON.parse(args.auditor) as AuditPageOptions) : {}

/** Busy CPU time of the whole machine so far (all cores), in seconds: /proc/stat, Linux only (else null). */
function machineBusySeconds(): number | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] as string
    const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number)
    const ticks = [user, nice, system, irq, softirq].reduce<number>((a, b) => a + (b ?? 0), 0)
    return ticks / 100 // USER_HZ
  } catch {
    return null
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const perMinute = (count: number, ms: number) => (count * 60_000) / ms
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

async function launch() {
  // closed network: nothing leaves the machine
  const extraArgs = ['--proxy-server=127.0.0.1:9', ...(args['browser-arg'] ?? [])]
  return (await launchBrowser({ configuredPath: args.browser ?? null, extraArgs })).browser
}

type Results = Map<string, RuleKeys | { error: string }>

/**
 * Step counters for `--cpu-steps`: CPU milliseconds of the tab's renderer (CDP Performance metric ProcessTime, one
 * renderer per warm tab) and of the browser process (/proc). Read with one page audited at a time, so the browser's
 * CPU belongs to that page.
 */
const metricSessions = new WeakMap<Page, Promise<CDPSession>>()
async function cpuCounters(page: Page): Promise<Record<string, number>> {
  let session = metricSessions.get(page)
  if (!session) {
    session = page.createCDPSession().then(async (cdp) => {
      await cdp.send('Performance.enable')
      return cdp
    })
    metricSessions.set(page, session)
  }
  const { metrics } = await (await session).send('Performance.getMetrics')
  const renderer = metrics.find((m) => m.name === 'ProcessTime')?.value ?? 0
  const pid = page.browser().process()?.pid
  const browser = pid === undefined ? null : processCpuMs(pid)
  const gpu = pid === undefined ? null : kindCpuMs(pid, 'gpu-process')
  return {
    'renderer CPU': renderer * 1000,
    ...(browser === null ? {} : { 'browser CPU': browser }),
    ...(gpu === null ? {} : { 'GPU CPU': gpu }),
  }
}

/** The real path over `urls` one page at a time, printing CPU per step (renderer and browser) and wall time. */
async function printCpuSteps(urls: readonly string[]): Promise<void> {
  const totals = new Map<string, number>()
  let pages = 0
  const sampler = sampleProcessCpu()
  await runRealPath(urls, {
    concurrency: 1,
    launchBrowser: launch,
    auditorOptions: {
      ...auditorOptions,
      hooks: {
        stepCounters: cpuCounters,
        onPhases: (times: PhaseTimes) => {
          pages++
          for (const [phase, ms] of Object.entries(times)) totals.set(phase, (totals.get(phase) ?? 0) + ms)
        },
      },
    },
  })
  const byKind = sampler.stop()
  const per = (ms: number | undefined) => ((ms ?? 0) / Math.max(1, pages)).toFixed(0)
  const steps = [...totals.keys()].filter(
    (k) =>
      !k.startsWith(' ') &&
      !k.startsWith('renderer CPU ') &&
      !k.startsWith('browser CPU ') &&
      !k.startsWith('GPU CPU '),
  )
  console.log(`CPU per step, the real path one page at a time, ${pages} pages (ms per page; load ${load()}):`)
  console.log('| step | renderer CPU | browser CPU | GPU CPU | wall |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  let renderer = 0
  let browser = 0
  let gpu = 0
  for (const step of steps) {
    renderer += totals.get(`renderer CPU ${step}`) ?? 0
    browser += totals.get(`browser CPU ${step}`) ?? 0
    gpu += totals.get(`GPU CPU ${step}`) ?? 0
    console.log(
      `| ${step} | ${per(totals.get(`renderer CPU ${step}`))} | ${per(totals.get(`browser CPU ${step}`))} | ${per(totals.get(`GPU CPU ${step}`))} | ${per(totals.get(step))} |`,
    )
  }
  if (byKind) {
    const all = (kind: string) => (byKind[kind] ?? 0) * 1000
    console.log(
      `| outside the steps (opening the tab, clearing it between pages, the batch runner) | ${per(all('renderer') + all('zygote') - renderer)} | ${per(all('browser') - browser)} | ${per(all('gpu-process') - gpu)} | |`,
    )
    console.log(
      `| the whole run, by process | renderer ${per(all('renderer') + all('zygote'))} | browser ${per(all('browser'))} | GPU ${per(all('gpu-process'))} | Node ${per(all('node'))} |`,
    )
  }
  console.log('')
}

/** Per URL differences between two result maps (rule keys, or an error). */
function differences(a: Results, b: Results): string[] {
  const out: string[] = []
  const key = (u: string) => normalizeUrlOrNull(u) ?? u
  const bByKey = new Map([...b].map(([u, v]) => [key(u), v]))
  for (const [url, left] of a) {
    const right = bByKey.get(key(url))
    const show = (v: RuleKeys | { error: string } | undefined) =>
      v === undefined ? '(missing)' : Array.isArray(v) ? v.join(' ') : `error ${v.error}`
    if (show(left) !== show(right))
      out.push(`${url}\n    baseline: ${show(left)}\n    real:     ${show(right)}`)
  }
  return out
}

interface Measured {
  label: string
  pages: number
  elapsedMs: number
  peakBytes: number
  loadBefore: string
  loadAfter: string
  /** Busy CPU seconds of the machine per page while the run lasted (all processes: on a quiet machine, ours). */
  cpuPerPage: number | null
  note: string
}

async function measure<T extends { elapsedMs: number }>(
  label: string,
  count: number,
  work: () => Promise<T>,
  note: (value: T) => string = () => '',
): Promise<{ value: T; row: Measured }> {
  const loadBefore = load()
  process.stdout.write(`… ${label} (load ${loadBefore})\n`)
  const sampler = sampleMemory()
  const busyBefore = machineBusySeconds()
  const cpuSampler = sampleProcessCpu()
  try {
    const value = await work()
    const peakBytes = sampler.stop().peakBytes
    const byKind = cpuSampler.stop()
    const busyAfter = machineBusySeconds()
    const cpuPerPage = busyBefore !== null && busyAfter !== null ? (busyAfter - busyBefore) / count : null
    const row = {
      label,
      pages: count,
      elapsedMs: value.elapsedMs,
      peakBytes,
      loadBefore,
      loadAfter: load(),
      cpuPerPage,
      note: note(value),
    }
    if (byKind)
      process.stdout.write(
        `    CPU a page by process: ${Object.entries(byKind)
          .filter(([kind, sec]) => !kind.endsWith(' processes') && sec > 0)
          .sort((a, b) => b[1] - a[1])
          .map(([kind, sec]) => `${kind} ${(sec / count).toFixed(2)} s`)
          .join(', ')}; processes seen: ${Object.entries(byKind)
          .filter(([kind]) => kind.endsWith(' processes'))
          .map(([kind, n]) => `${kind.replace(' processes', '')} ${n}`)
          .join(', ')}\n`,
      )
    process.stdout.write(
      `    ${perMinute(count, value.elapsedMs).toFixed(1)} pages/min, ${cpuText(cpuPerPage)} CPU a page, peak ${mb(peakBytes)}, load after ${row.loadAfter}${row.note ? `, ${row.note}` : ''}\n`,
    )
    return { value, row }
  } catch (error) {
    sampler.stop()
    cpuSampler.stop()
    throw error
  }
}

const cpuText = (seconds: number | null) => (seconds === null ? '?' : `${seconds.toFixed(2)} s`)

function printTable(rows: Measured[]): void {
  console.log('')
  console.log(
    '| run | pages | time | pages/min | machine CPU a page | peak RSS (Node + browser) | load average before → after | notes |',
  )
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |')
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.pages} | ${(r.elapsedMs / 1000).toFixed(1)} s | ${perMinute(r.pages, r.elapsedMs).toFixed(1)} | ${cpuText(r.cpuPerPage)} | ${mb(r.peakBytes)} | ${r.loadBefore} → ${r.loadAfter} | ${r.note} |`,
    )
  console.log('')
}

/** Where the real path's page audits spent their time (wall time per page; pages in flight overlap). */
function printPhases(phaseTotals: Map<string, number>, phasePages: number): void {
  if (phasePages === 0) return
  const pipeline = [...phaseTotals].filter(([phase]) => !phase.startsWith(' '))
  const total = pipeline.reduce((sum, [, ms]) => sum + ms, 0)
  console.log(
    `per-phase wall time of the real path, ${phasePages} pages (ms per page; pages in flight overlap):`,
  )
  console.log('| phase | ms per page | share |')
  console.log('| --- | ---: | ---: |')
  for (const [phase, ms] of phaseTotals) {
    const share = phase.startsWith(' ') ? '' : `${((ms / total) * 100).toFixed(0)} %`
    console.log(
      `| ${phase.startsWith(' ') ? `↳ ${phase.trim()}` : phase} | ${(ms / phasePages).toFixed(0)} | ${share} |`,
    )
  }
  console.log('')
}

const concurrencyNote = (c: { mode: string; peak: number; meanLimit: number }) =>
  `${c.mode === 'auto' ? 'auto' : 'fixed'}: peak ${c.peak} in flight, mean limit ${c.meanLimit}`

async function benchMode(mode: CorpusMode): Promise<void> {
  const corpus = await startCorpus({ mode })
  const phaseTotals = new Map<string, number>()
  let phasePages = 0
  const withPhases: AuditPageOptions = {
    ...auditorOptions,
    hooks: {
      onPhases: (times: PhaseTimes) => {
        phasePages++
        for (const [phase, ms] of Object.entries(times))
          phaseTotals.set(phase, (phaseTotals.get(phase) ?? 0) + ms)
      },
    },
  }
  const real = (urls: readonly string[], c: number | 'auto', options: AuditPageOptions = auditorOptions) =>
    runRealPath(urls, {
      concurrency: c,
      launchBrowser: launch,
      auditorOptions: options,
      screenshots: args.screenshots,
    })
  console.log('')
  console.log(
    `## ${mode} corpus — ${os.availableParallelism()} cores, baseline ${tabs} tabs, real path concurrency ${concurrency}${args.screenshots ? ', screenshots' : ''}${args.auditor ? `, auditor options ${args.auditor}` : ''}; load average ${load()}`,
  )
  const rows: Measured[] = []
  try {
    // 1. Throughput and identical results: rounds over the same URLs, the order alternating.
    const only = args.only ? new RegExp(args.only) : null
    const urls = corpusUrls(corpus.origin, pages).filter((u) => !only || only.test(new URL(u).pathname))
    const chunk = Math.ceil(urls.length / rounds)
    const baselineResults: Results = new Map()
    const realResults: Results = new Map()
    let baselineMs = 0
    let realMs = 0
    for (let round = 0; round < rounds; round++) {
      const part = urls.slice(round * chunk, (round + 1) * chunk)
      if (part.length === 0) break
      const runBaselinePart = async () => {
        const { value, row } = await measure(
          `baseline, round ${round + 1}: ${part.length} pages, ${tabs} tabs, waitUntil load`,
          part.length,
          async () => {
            const browser = await launch()
            try {
              return await runBaseline(browser, part, tabs)
            } finally {
              await browser.close()
            }
          },
          (v) => (v.loadTimeouts > 0 ? `${v.loadTimeouts} pages without a load event within 30 s` : ''),
        )
        rows.push(row)
        baselineMs += value.elapsedMs
        for (const [u, r] of value.results) baselineResults.set(u, r)
      }
      const runRealPart = async () => {
        const { value, row } = await measure(
          `real path, round ${round + 1}: ${part.length} pages, concurrency ${concurrency}`,
          part.length,
          () => real(part, concurrency, withPhases),
          (v) => concurrencyNote(v.concurrency),
        )
        rows.push(row)
        realMs += value.elapsedMs
        for (const [u, r] of value.results) realResults.set(u, r)
      }
      if (round % 2 === 0) {
        await runBaselinePart()
        await runRealPart()
      } else {
        await runRealPart()
        await runBaselinePart()
      }
    }

    // 2. The real path at fixed concurrencies (is 'auto' as fast as the best fixed setting?), rotating the order.
    const sweepRows: Measured[] = []
    if (sweep.length > 0) {
      const settings: Array<number | 'auto'> = ['auto', ...sweep]
      for (let rep = 0; rep < 2; rep++)
        for (let i = 0; i < settings.length; i++) {
          const setting = settings[(i + rep) % settings.length] as number | 'auto'
          const { row } = await measure(
            `sweep ${rep + 1}: real path, ${urls.length} pages, concurrency ${setting}`,
            urls.length,
            () => real(urls, setting),
            (v) => concurrencyNote(v.concurrency),
          )
          sweepRows.push(row)
        }
    }

    // 3. Memory at two sizes: the real path over `pages` and over `large` pages (the corpus revisited).
    const memoryRows: Measured[] = []
    if (large > 0)
      for (const count of [pages, large]) {
        const { row } = await measure(
          `memory: real path, ${count} pages, concurrency ${concurrency}`,
          count,
          () => real(corpusUrls(corpus.origin, count), concurrency),
          (v) => `${concurrencyNote(v.concurrency)}, browser launches ${v.browserLaunches}`,
        )
        memoryRows.push(row)
      }

    printTable([...rows, ...sweepRows, ...memoryRows])
    if (args['cpu-steps']) await printCpuSteps(urls)
    const ratio = baselineMs / realMs
    const target = mode === 'cpu' ? 0.8 : 1.5
    console.log(
      `${mode}: baseline ${perMinute(urls.length, baselineMs).toFixed(1)} pages/min, real path ${perMinute(urls.length, realMs).toFixed(1)} pages/min`,
    )
    console.log(
      `${mode}: throughput ratio real / baseline ${ratio.toFixed(2)}× (target ≥ ${target}×) ${ratio >= target ? 'MET' : 'NOT MET'}`,
    )
    const diffs = differences(baselineResults, realResults)
    const same = diffs.length === 0 ? 'yes' : `NO — ${diffs.length} pages differ`
    console.log(`${mode}: identical axe violations and needs-review results (${urls.length} pages): ${same}`)
    for (const d of diffs.slice(0, 10)) console.log(`  ${d}`)
    if (sweepRows.length > 0) {
      const bySetting = new Map<string, number[]>()
      for (const r of sweepRows) {
        const setting = /concurrency (\S+)$/.exec(r.label)?.[1] ?? '?'
        bySetting.set(setting, [...(bySetting.get(setting) ?? []), perMinute(r.pages, r.elapsedMs)])
      }
      const summary = [...bySetting].map(
        ([s, v]) => `${s}: ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(1)}`,
      )
      console.log(`${mode}: real path pages/min by concurrency (mean of 2): ${summary.join(', ')}`)
    }
    if (memoryRows.length === 2) {
      const [small, big] = memoryRows as [Measured, Measured]
      const memoryRatio = big.peakBytes / small.peakBytes
      console.log(
        `${mode}: peak memory ${big.pages} vs ${small.pages} pages: ${mb(big.peakBytes)} vs ${mb(small.peakBytes)}, ${memoryRatio.toFixed(2)}× (target ≤ 1.2×) ${memoryRatio <= 1.2 ? 'MET' : 'NOT MET'}`,
      )
    }
    console.log('')
    printPhases(phaseTotals, phasePages)
  } finally {
    await corpus.close()
  }
}

for (const mode of modes) await benchMode(mode)
