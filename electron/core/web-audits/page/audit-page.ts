import type { Browser } from 'puppeteer-core'
import type { PageResult } from '../../../../shared/web/audit-result'
import { wellFormedDeep } from '../../../../shared/domain/text'
import {
  runDocumentChecks,
  runKeyboardChecks,
  runLayoutChecks,
  runRefreshCheck,
} from './checks/run-own-checks'
import { resolveAuditOptions, type AuditPageOptions } from './audit-options'
import { createState, pageOf, type AuditState } from './audit-state'
import { mapAxeOutcome } from './axe-results'
import { pageExtras } from './checks/page-extras'
import { runAxe } from './axe-runner'
import { fingerprintAxeNodes } from './element-lookup'
import { checkAuditUrl, failureMessages, PageAuditError, toPageAuditError } from './failure'
import { disambiguate } from './fingerprint'
import { checkDocument, navigate, settle } from './navigation'
import { closeContext, freezeNavigation, guardPage, openContext } from './page-session'
import { captureSource } from './raw-source'
import { takeScreenshots, type ShotTarget } from './screenshots'
import { remaining, withTimeout } from './timing'

export type { AuditPageOptions, ResolvedAuditOptions } from './audit-options'
export { defaultAxeTags, defaultIsolatedRules, resolveAuditOptions } from './audit-options'

/**
 * Audits one page: loads it as a first visit (a fresh incognito context, or with `reuseTab` a warm tab cleared
 * since its last page), runs axe-core (zh_CN) in the page and its frames with
 * a per-rule time budget, runs the project's own checks, and returns a PageResult. The pipeline is written as
 * pa11y writes its runner: a list of named steps over one state object, the whole run bounded by a timeout,
 * cleanup in `finally`. A bad page never throws: it ends as `ok: false` with a failureReason and a zh-CN message.
 */
export async function auditPage(
  browser: Browser,
  url: string,
  options: AuditPageOptions = {},
): Promise<PageResult> {
  const s = createState(browser, url, resolveAuditOptions(options))
  const invalid = checkAuditUrl(url)
  if (invalid) return toPageResult(s, invalid)

  const run = runSteps(s)
  run.catch(() => {}) // after a timeout or crash the abandoned run rejects once the context closes
  let timer: NodeJS.Timeout | undefined
  const overall = new Promise<never>((_, reject) => {
    const ms = s.options.pageTimeoutMs
    timer = setTimeout(
      () => reject(new PageAuditError('audit-timeout', failureMessages.auditTimeout(ms))),
      ms,
    )
  })
  let failure: PageAuditError | null = null
  try {
    await Promise.race([run, s.aborted, overall])
  } catch (err) {
    failure = s.abortError ?? toPageAuditError(err, url)
    s.abort(failure) // the abandoned run stops at its next step
  } finally {
    clearTimeout(timer)
    s.options.hooks?.onWaiting?.(false)
    await s.clock.time('release the tab', () => closeContext(s, failure?.reason ?? null))
    s.options.hooks?.onPhases?.(s.clock.times)
  }
  return toPageResult(s, failure)
}

type Step = (s: AuditState) => Promise<void>

/**
 * The pipeline, in order. Each step is one line of intent; the modules hold the how. Steps marked 'waiting' wait
 * on the network more than they work (hooks.onWaiting tells the batch runner).
 */
const steps: ReadonlyArray<readonly [name: string, step: Step, kind?: 'waiting']> = [
  ['open a tab (a first visit)', openContext],
  ['dismiss dialogs, close popups, deny downloads, watch for crashes', guardPage],
  ['navigate to DOM ready', navigate, 'waiting'],
  ['reject error statuses and non-HTML', checkDocument],
  ['keep the raw HTML source', captureSource],
  ['wait for the load event (bounded)', settle, 'waiting'],
  ['read the title', readTitle],
  ['block further navigations', freezeNavigation],
  ['run axe-core in all frames', auditWithAxe],
  ['run the own document checks', async (s) => void s.results.push(...(await runDocumentChecks(s)))],
  ['screenshot failing elements', screenshotFailures],
  ['walk the page with the Tab key', async (s) => void s.results.push(...(await runKeyboardChecks(s)))],
  ['check reflow at 320 px', async (s) => void s.results.push(...(await runLayoutChecks(s)))],
  [
    'report timed refreshes and redirects seen',
    async (s) => void s.results.push(...(await runRefreshCheck(s))),
  ],
]

async function runSteps(s: AuditState): Promise<void> {
  let waiting = false
  for (const [name, step, kind] of steps) {
    if (s.abortError) throw s.abortError
    if ((kind === 'waiting') !== waiting) {
      waiting = !waiting
      s.options.hooks?.onWaiting?.(waiting)
    }
    await timeStep(s, name, step)
  }
}

/** Runs one step under the phase clock (and, for diagnostics, the step counters). */
async function timeStep(s: AuditState, name: string, step: Step): Promise<void> {
  const counters = s.options.hooks?.stepCounters
  if (!counters) return void (await s.clock.time(name, () => step(s)))
  // A diagnostics hook that fails or hangs costs its figures, never the audit.
  const read = async (): Promise<Record<string, number> | null> =>
    s.tab
      ? withTimeout(
          Promise.resolve(s.tab.page).then((page) => counters(page)),
          5_000,
          '读取诊断计数',
        ).catch(() => null)
      : null
  const before = await read()
  await s.clock.time(name, () => step(s))
  const after = before && (await read())
  if (before && after)
    for (const [counter, value] of Object.entries(after))
      s.clock.add(`${counter} ${name}`, value - (before[counter] ?? value))
}

async function readTitle(s: AuditState): Promise<void> {
  s.title = await withTimeout(pageOf(s).title(), 5_000, '读取标题').catch(() => null)
}

/** axe results, element fingerprints, and the screenshot candidates. */
const shotTargets = new WeakMap<AuditState, ShotTarget[]>()

async function auditWithAxe(s: AuditState): Promise<void> {
  const outcome = await runAxe(s)
  s.axeVersion = outcome.version
  const { results, pending } = mapAxeOutcome(outcome, s.options.maxNodesPerRule)
  await fingerprintAxeNodes(s, pending)
  for (const r of results) {
    const prints = disambiguate(r.nodes.map((n) => n.fingerprint))
    r.nodes.forEach((n, i) => (n.fingerprint = prints[i] as string))
  }
  s.results.push(...results)
  shotTargets.set(
    s,
    pending.map((p) => ({ result: p.result, node: p.node, target: p.target })),
  )
}

async function screenshotFailures(s: AuditState): Promise<void> {
  if (!s.options.screenshotDir || remaining(s.deadline) < 15_000) return
  const own: ShotTarget[] = s.results
    .filter((r) => r.source === 'own')
    .flatMap((r) =>
      r.nodes
        .filter((n) => n.selector !== 'html' && /^[a-z#]/i.test(n.selector))
        .map((node) => ({ result: r, node, target: [node.selector] })),
    )
  await takeScreenshots(s, [...(shotTargets.get(s) ?? []), ...own])
}

/** Text from the page (title, selectors, snippets) is made well-formed here, before anything stores or writes it. */
function toPageResult(s: AuditState, failure: PageAuditError | null): PageResult {
  return wellFormedDeep({
    url: s.url,
    finalUrl: s.finalUrl,
    status: s.status,
    title: s.title,
    ok: failure === null,
    ...(failure ? { failureReason: failure.reason, failureMessage: failure.messageZh } : {}),
    startedAt: s.startedAt.toISOString(),
    durationMs: Date.now() - s.startedAt.getTime(),
    // A partial audit (crash or timeout half-way) would read as "fixed" for every rule it did not reach.
    results: failure ? [] : s.results,
    framesNotTested: s.framesNotTested,
    ...(s.axeVersion ? { axeVersion: s.axeVersion } : {}),
    ...(failure ? {} : pageExtras(s)),
  })
}
