import type { Page } from 'puppeteer-core'
import { z } from 'zod'
import { axeRunTags } from '../../../../shared/web/axe-rule-choices'
import { ownRuleIds, type OwnRuleId } from '../../../../shared/web/own-rules'
import type { PhaseTimes } from './phase-times'

/**
 * axe tags run by default: every WCAG level and version (2.0/2.1 are the basis of GB/T 37668-2019), best practices,
 * and axe's experimental and deprecated rules, less the rules shared/web/axe-rule-choices.ts turns off; that file
 * also says which rules report failures as needs-review.
 */
export const defaultAxeTags: readonly string[] = axeRunTags

/**
 * axe rules known to take many seconds on large, link-heavy pages (each walks every text node or target and
 * computes styles and geometry). When the single axe call for all rules overruns `ruleTimeoutMs`, each of these
 * runs in its own call under `ruleTimeoutMs`, so one slow rule becomes a needs-review result instead of sinking
 * the page.
 */
export const defaultIsolatedRules: readonly string[] = [
  'color-contrast',
  'color-contrast-enhanced',
  'link-in-text-block',
  'target-size',
]

const ms = (min = 1) => z.number().int().min(min)

const hooksSchema = z
  .object({
    /** Test hook: runs after the page reached DOM ready (tests use it to crash the tab with CDP Page.crash). */
    afterNavigation: z
      .custom<(page: Page) => Promise<void> | void>((v) => typeof v === 'function')
      .optional(),
    /** Diagnostics: receives the milliseconds per pipeline step and sub-phase when the page audit ends. */
    onPhases: z.custom<(times: PhaseTimes) => void>((v) => typeof v === 'function').optional(),
    /**
     * True when the audit starts waiting on the network (loading the page, waiting for its load event), false when
     * it goes back to work (axe, checks): the batch runner's concurrency controller counts pages by what they do.
     */
    onWaiting: z.custom<(waiting: boolean) => void>((v) => typeof v === 'function').optional(),
    /**
     * Diagnostics: read before and after every pipeline step once the tab is open; the differences of each named
     * counter (e.g. CPU milliseconds of the renderer and of the browser) are added to the phase times as
     * `<counter> <step>`. The benchmark's `--cpu-steps` uses it to show where CPU goes, not only wall time.
     */
    stepCounters: z
      .custom<(page: Page) => Promise<Record<string, number>>>((v) => typeof v === 'function')
      .optional(),
  })
  .strict()

export const auditPageOptionsSchema = z
  .object({
    /** Main document must reach DOMContentLoaded within this time, else failureReason 'timeout'. */
    navigationTimeoutMs: ms().default(30_000),
    /**
     * After DOM ready, the page's load event is waited for (what a first-time visitor's browser waits for, and
     * what axe-core's own users wait for), never longer than this: subresources that never answer do not hold the
     * audit beyond it.
     */
    settleMs: ms(0).default(20_000),
    /** After the load event, requests still in flight (content fetched by scripts) are waited for this long at most. */
    postLoadMs: ms(0).default(1_000),
    /** Whole page, all steps; beyond it the page ends as 'audit-timeout'. */
    pageTimeoutMs: ms().default(180_000),
    /** All axe calls of the page together. */
    axeTimeoutMs: ms().default(90_000),
    /** Budget of one axe rule run on its own (the isolated rules, and every rule after a group timed out). */
    ruleTimeoutMs: ms().default(15_000),
    /** Injecting axe into one frame (a frame still loading can hang evaluation). */
    frameTimeoutMs: ms().default(5_000),
    /** Each own check's page-side evaluation. */
    checkTimeoutMs: ms().default(15_000),
    tags: z
      .array(z.string().min(1))
      .min(1)
      .default([...defaultAxeTags]),
    isolatedRules: z.array(z.string().min(1)).default([...defaultIsolatedRules]),
    /** Own checks to run (ids from shared/web/own-rules); default all. */
    ownRules: z.array(z.enum(ownRuleIds as [OwnRuleId, ...OwnRuleId[]])).default([...ownRuleIds]),
    /** Nodes kept per rule result (nodeCount keeps the total). */
    maxNodesPerRule: ms().default(50),
    /** Folder for element screenshots (PNG); none are taken when null. */
    screenshotDir: z.string().min(1).nullable().default(null),
    /** File name prefix for this page's screenshots; default a hash of the URL. */
    screenshotPrefix: z
      .string()
      .regex(/^[\w.-]{1,64}$/)
      .optional(),
    maxScreenshots: ms(0).default(20),
    maxScreenshotsPerRule: ms(0).default(3),
    /** Tab presses for the keyboard checks (0 skips aa-keyboard-trap / reach-by-tab / focus-visible). */
    maxTabPresses: ms(0).default(250),
    /** Time for the Tab walk; a walk cut short by it (or by maxTabPresses) is reported as needs-review. */
    keyboardBudgetMs: ms().default(10_000),
    /** Time for the 320 px reflow check; cut short, it is reported as needs-review. */
    reflowBudgetMs: ms().default(5_000),
    /**
     * Audit in a warm tab of the browser's pool, cleared between pages (no cookies, storage, service workers,
     * permissions, cache or history of an earlier page remain), instead of a fresh incognito context per page.
     * For batches: it saves a new renderer and a cold axe per page. A one-off audit opens its own tab.
     */
    reuseTab: z.boolean().default(false),
    viewport: z.object({ width: ms(200), height: ms(200) }).default({ width: 1280, height: 800 }),
    hooks: hooksSchema.optional(),
  })
  .strict()

export type AuditPageOptions = z.input<typeof auditPageOptionsSchema>
export type ResolvedAuditOptions = z.output<typeof auditPageOptionsSchema>

/** Validates options first, as pa11y does: a wrong option is a caller bug and throws (a bad page never does). */
export function resolveAuditOptions(options: AuditPageOptions = {}): ResolvedAuditOptions {
  const parsed = auditPageOptionsSchema.safeParse(options)
  if (parsed.success) return parsed.data
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`).join('; ')
  throw new TypeError(`auditPage 选项无效 (invalid options): ${detail}`)
}
