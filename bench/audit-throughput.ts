import os from 'node:os'
import { parseArgs } from 'node:util'
import { launchBrowser } from '../electron/core/browser/browser-provider'
import type { AuditPageOptions } from '../electron/core/web-audits/page/audit-page'
import type { PhaseTimes } from '../electron/core/web-audits/page/phase-times'
import { defaultConcurrency } from '../electron/core/web-audits/batch/batch-runner'
import { normalizeUrlOrNull } from '../shared/web/url-normalize'
import { runBaseline, type RuleKeys } from './baseline-audit'
import { runContextFloor } from './context-floor'
import { corpusPaths, corpusUrls, startCorpus } from './corpus'
import { sampleMemory } from './process-memory'
import { runRealPath } from './real-audit'

/**
 * Audit throughput and memory: the real audit path (batch runner + page auditor) against a baseline measured in
 * the same run (axe-core sequentially through one puppeteer page, waiting for `load`), on a generated
 * government-portal-like corpus served from 127.0.0.1. Prints pages per minute both ways and their ratio,
 * whether both found identical violations and needs-review results, and the real path's peak memory (RSS of
 * Node + browser processes) at two page counts, to show it stays flat. Also prints the floor: a fresh incognito
 * context and tab per page with no audit at all, the most any auditor that must isolate each page can reach.
 *
 *   npx tsx bench/audit-throughput.ts            100 and 1000 pages (35–45 minutes on 2 cores)
 *   npx tsx bench/audit-throughput.ts --quick    55 and 150 pages (5–8 minutes)
 *   options: --pages N --large N (0 skips) --concurrency N --latency MS (server delay per response)
 *            --browser PATH --auditor JSON (auditPage options, for diagnostics only)
 *
 * Nothing here asserts on time: it prints numbers and verdicts for a person to read.
 */

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    pages: { type: 'string' },
    large: { type: 'string' },
    concurrency: { type: 'string' },
    latency: { type: 'string', default: '0' },
    browser: { type: 'string' },
    /** Diagnostics: auditPage options as JSON, e.g. '{"maxTabPresses":0}' (the default is the production path). */
    auditor: { type: 'string' },
  },
})

const pages = Number(args.pages ?? (args.quick ? corpusPaths.length : 100))
const large = Number(args.large ?? (args.quick ? 150 : 1000))
const concurrency = Number(args.concurrency ?? defaultConcurrency())
const latencyMs = Number(args.latency)
const auditorOptions = args.auditor ? (JSON.parse(args.auditor) as AuditPageOptions) : {}
/** Per-phase milliseconds summed over the pages of the measured real-path run (first run only). */
const phaseTotals = new Map<string, number>()
let phasePages = 0
let collectPhases = false
const withPhases: AuditPageOptions = {
  ...auditorOptions,
  hooks: {
    onPhases: (times: PhaseTimes) => {
      if (!collectPhases) return
      phasePages++
      for (const [phase, ms] of Object.entries(times))
        phaseTotals.set(phase, (phaseTotals.get(phase) ?? 0) + ms)
    },
  },
}
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const perMinute = (count: number, ms: number) => (count * 60_000) / ms

async function launch() {
  const extraArgs = ['--proxy-server=127.0.0.1:9'] // closed network: nothing leaves the machine
  return (await launchBrowser({ configuredPath: args.browser ?? null, extraArgs })).browser
}

/** Per URL differences between two result maps (rule keys, or an error). */
function differences(
  a: Map<string, RuleKeys | { error: string }>,
  b: Map<string, RuleKeys | { error: string }>,
): string[] {
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

async function measure<T>(label: string, work: () => Promise<T>): Promise<{ value: T; peakBytes: number }> {
  process.stdout.write(`… ${label}\n`)
  const sampler = sampleMemory()
  try {
    const value = await work()
    return { value, peakBytes: sampler.stop().peakBytes }
  } catch (error) {
    sampler.stop()
    throw error
  }
}

interface Measured {
  label: string
  pages: number
  elapsedMs: number
  peakBytes: number
}

function printTable(rows: Measured[]): void {
  console.log('')
  console.log('| run | pages | time | pages/min | peak RSS (Node + browser) |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  for (const r of rows) {
    const ppm = perMinute(r.pages, r.elapsedMs).toFixed(1)
    console.log(
      `| ${r.label} | ${r.pages} | ${(r.elapsedMs / 1000).toFixed(1)} s | ${ppm} | ${mb(r.peakBytes)} |`,
    )
  }
  console.log('')
}

/** Where the real path's page audits spent their time (wall time per page; workers overlap). */
function printPhases(elapsedMs: number): void {
  if (phasePages === 0) return
  const pipeline = [...phaseTotals].filter(([phase]) => !phase.startsWith(' '))
  const total = pipeline.reduce((sum, [, ms]) => sum + ms, 0)
  console.log('')
  console.log(
    `per-phase breakdown of the real path, ${phasePages} pages (page audits ${(total / 1000).toFixed(1)} s summed over workers, run ${(elapsedMs / 1000).toFixed(1)} s):`,
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

async function main(): Promise<void> {
  const corpus = await startCorpus(latencyMs)
  const cores = os.availableParallelism()
  console.log(
    `AccessAudit audit throughput — ${cores} cores, concurrency ${concurrency}, corpus ${corpusPaths.length} pages, latency ${latencyMs} ms${args.auditor ? `, auditor options ${args.auditor}` : ''}`,
  )
  try {
    const urls = corpusUrls(corpus.origin, pages)
    const baseline = await measure(
      `baseline: ${pages} pages, one page, sequential, waitUntil load`,
      async () => {
        const browser = await launch()
        try {
          return await runBaseline(browser, urls)
        } finally {
          await browser.close()
        }
      },
    )
    const floor = await measure(
      `floor: ${pages} pages, a fresh incognito context and tab per page, no audit, concurrency ${concurrency}`,
      async () => {
        const browser = await launch()
        try {
          return await runContextFloor(browser, urls, concurrency)
        } finally {
          await browser.close()
        }
      },
    )
    collectPhases = true
    const real = await measure(`real path: ${pages} pages, concurrency ${concurrency}`, () =>
      runRealPath(urls, { concurrency, launchBrowser: launch, auditorOptions: withPhases }),
    )
    collectPhases = false
    const realLarge =
      large > 0
        ? await measure(`real path: ${large} pages (corpus revisited), concurrency ${concurrency}`, () =>
            runRealPath(corpusUrls(corpus.origin, large), {
              concurrency,
              launchBrowser: launch,
              auditorOptions,
            }),
          )
        : null

    const realLabel = `real path (concurrency ${concurrency})`
    printTable([
      {
        label: 'baseline (1 page, sequential, load)',
        pages,
        elapsedMs: baseline.value.elapsedMs,
        peakBytes: baseline.peakBytes,
      },
      {
        label: `floor: fresh context per page, no audit (concurrency ${concurrency})`,
        pages,
        elapsedMs: floor.value.elapsedMs,
        peakBytes: floor.peakBytes,
      },
      { label: realLabel, pages, elapsedMs: real.value.elapsedMs, peakBytes: real.peakBytes },
      ...(realLarge
        ? [
            {
              label: realLabel,
              pages: large,
              elapsedMs: realLarge.value.elapsedMs,
              peakBytes: realLarge.peakBytes,
            },
          ]
        : []),
    ])
    const ratio = baseline.value.elapsedMs / real.value.elapsedMs
    console.log(
      `throughput ratio real / baseline: ${ratio.toFixed(2)}× (target ≥ 1.5×) ${ratio >= 1.5 ? 'MET' : 'NOT MET'}`,
    )
    const ceiling = baseline.value.elapsedMs / floor.value.elapsedMs
    console.log(
      `ceiling for any auditor with a fresh incognito context per page (the floor, no audit at all): ${ceiling.toFixed(2)}× the baseline${floor.value.failures > 0 ? ` (${floor.value.failures} pages failed to open)` : ''}`,
    )
    const diffs = differences(baseline.value.results, real.value.results)
    const same = diffs.length === 0 ? 'yes' : `NO — ${diffs.length} pages differ`
    console.log(`identical violations and needs-review results (axe rules, ${pages} pages): ${same}`)
    for (const d of diffs.slice(0, 5)) console.log(`  ${d}`)
    printPhases(real.value.elapsedMs)
    if (realLarge) {
      const memoryRatio = realLarge.peakBytes / real.peakBytes
      const verdict = memoryRatio <= 1.5 ? 'MET' : 'NOT MET'
      console.log(
        `peak memory ${large} vs ${pages} pages: ${memoryRatio.toFixed(2)}× (target ≤ 1.5×) ${verdict}`,
      )
      console.log(`browser launches: ${real.value.browserLaunches} + ${realLarge.value.browserLaunches}`)
    }
  } finally {
    await corpus.close()
  }
}

await main()
