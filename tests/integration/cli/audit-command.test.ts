import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { runCli } from '../../support/run-cli'
import { makeTempDir } from '../../support/temp-dir'
import { startTestSite, type TestSite } from '../web-audits/batch/test-site'

let site: TestSite
let dir: string
let cleanup: () => void
beforeAll(async () => {
  site = await startTestSite()
  ;({ dir, cleanup } = makeTempDir('access-audit-cli-'))
})
afterAll(async () => {
  await site.close()
  cleanup()
})

/** The CLI on the file's data folder, with the closed-network proxy (see runCli). */
function cli(args: string[]) {
  return runCli(['audit', ...args, '--data-dir', path.join(dir, 'data'), '--min-interval', '0'])
}

const impact = z.enum(['critical', 'serious', 'moderate', 'minor'])
const count = z.object({ instances: z.number().int(), nodes: z.number().int() })
/** The documented schema (electron/core/web-audits/report/report-types.ts), checked strictly where it matters. */
const reportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('access-audit'), version: z.string(), mappingVersion: z.string() }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  options: z.object({
    maxPages: z.number(),
    maxDepth: z.number(),
    concurrency: z.number(),
    failOn: impact,
    include: z.array(z.string()),
    exclude: z.array(z.string()),
  }),
  portals: z.array(
    z.object({
      startUrl: z.url(),
      name: z.string().optional(),
      runId: z.number().int(),
      status: z.string(),
      summary: z.object({
        score: z.number().min(0).max(100).nullable(),
        pages: z.object({ total: z.number(), audited: z.number(), failed: z.number(), skipped: z.number() }),
        violations: count.extend({ rules: z.number() }),
        needsReview: count.extend({ rules: z.number() }),
        byImpact: z.record(impact, count),
        byWcag: z.record(z.string(), z.number()),
        byGbt37668: z.record(z.string(), z.number()),
        failures: z.record(z.string(), z.number()),
      }),
      comparison: z
        .object({ previousRunId: z.number(), counts: z.record(z.string(), z.number()) })
        .optional(),
      pages: z.array(
        z.object({
          url: z.url(),
          finalUrl: z.string().nullable(),
          status: z.number().nullable(),
          title: z.string().nullable(),
          ok: z.boolean(),
          failureReason: z.string().optional(),
          failureMessage: z.string().optional(),
          startedAt: z.string(),
          durationMs: z.number(),
          results: z.array(
            z.object({
              ruleId: z.string(),
              source: z.enum(['axe', 'own']),
              impact: impact.nullable(),
              needsReview: z.boolean(),
              description: z.string(),
              help: z.string(),
              refs: z.object({
                wcag: z.array(z.string()),
                gbt37668: z.array(z.string()),
                ageing: z.array(z.string()),
                level: z.string().nullable(),
              }),
              nodes: z.array(z.object({ selector: z.string(), html: z.string(), fingerprint: z.string() })),
              nodeCount: z.number(),
            }),
          ),
          framesNotTested: z.array(z.object({ url: z.string(), reason: z.string() })),
        }),
      ),
    }),
  ),
})

describe('access-audit audit (real Chromium, local site)', { timeout: 120_000 }, () => {
  it('crawls a portal, writes the JSON report to the documented schema and exits 3 on violations', async () => {
    const out = path.join(dir, 'report.json')
    const { code, stderr } = await cli([`${site.origin}/`, '--max-pages', '3', '--depth', '1', '--out', out])
    expect(stderr).not.toContain('    at ')
    expect(code).toBe(3)
    const report = reportSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')))
    const portal = report.portals[0]!
    expect(portal.startUrl).toBe(`${site.origin}/`)
    expect(portal.pages.map((p) => p.url.replace(site.origin, ''))).toEqual(['/', '/news', '/about'])
    expect(portal.summary.byImpact.critical.instances).toBeGreaterThan(0)
    const home = portal.pages[0]!
    expect(home.results.find((r) => r.ruleId === 'image-alt')).toMatchObject({
      needsReview: false,
      refs: { wcag: expect.arrayContaining(['1.1.1']) },
      nodes: [expect.objectContaining({ html: expect.stringContaining('<img') })],
    })
    expect(stderr).toMatch(/得分 \d/)

    // Second run of the same portal: compared with the first.
    const again = await cli([`${site.origin}/`, '--max-pages', '3', '--depth', '1', '--format', 'junit'])
    expect(again.code).toBe(3)
    expect(again.stdout).toMatch(/^<\?xml/)
    expect(again.stdout.match(/<testsuite /g)).toHaveLength(3)
  })

  it('reads a URL list file, reports malformed lines by number, and exits 0 when nothing reaches --fail-on', async () => {
    const list = path.join(dir, 'portals.csv')
    // Line 1 header, 2 valid, 3 not a URL, 4 ftp, 5 repeated, 6 unclosed quote.
    const template = fs.readFileSync(path.resolve('tests/fixtures/web-audits/portal-list.csv'), 'utf8')
    fs.writeFileSync(list, template.replaceAll('{{origin}}', site.origin))
    const { code, stdout, stderr } = await cli([
      list,
      '--depth',
      '0',
      '--format',
      'csv',
      '--fail-on',
      'critical',
    ])
    expect(stderr).toContain('第 3 行')
    expect(stderr).toContain('第 4 行')
    expect(stderr).toContain('第 5 行')
    expect(stderr).toContain('第 6 行')
    expect(code).toBe(0)
    expect(stdout.startsWith('\uFEFFportal,page_url')).toBe(true)
    // The portal is registered with the responsible unit named in the list.
    const db = new Database(path.join(dir, 'data', 'access-audit.sqlite'), { readonly: true })
    const unit = db
      .prepare('SELECT u.name FROM portals p JOIN units u ON u.id = p.unit_id WHERE p.start_url = ?')
      .pluck()
      .get(`${site.origin}/clean`)
    db.close()
    expect(unit).toBe('乌达区政务服务局')
  })

  it('refuses a non-http(s) target and bad options with exit code 2', async () => {
    const ftp = await cli(['ftp://files.example/'])
    expect(ftp.code).toBe(2)
    expect(ftp.stderr).toContain('ftp')
    const bad = await cli([`${site.origin}/`, '--max-pages', '0'])
    expect(bad.code).toBe(2)
    const format = await cli([`${site.origin}/`, '--format', 'xml'])
    expect(format.code).toBe(2)
  })
})
