import path from 'node:path'
import type { Browser } from 'puppeteer-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BatchProgress } from '../../../../electron/core/web-audits/batch/batch-progress'
import {
  BatchRunner,
  defaultConcurrency,
  type BatchRunnerOptions,
} from '../../../../electron/core/web-audits/batch/batch-runner'
import { createAuditBatch, type RunOptions } from '../../../../electron/core/web-audits/batch/batch-setup'
import type { PageAudit, PageAuditor } from '../../../../electron/core/web-audits/page/page-auditor'
import { registerPortal } from '../../../support/portals'
import { queueCounts } from '../../../../electron/core/web-audits/store/queue-store'
import { openDatabase, type Db } from '../../../../electron/core/db/open-database'
import { makeTempDir } from '../../../support/temp-dir'
import { fakeBrowserFactory, fakeSite, type FakeBrowser, pageResult, rule, failedPage } from '../audit-fakes'

/** The runner's logic with a stub auditor and fake browsers: no Chromium, no network. */

let db: Db
let cleanup: () => void
beforeEach(() => {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  db = openDatabase(temp.dir)
})
afterEach(() => {
  db.close()
  cleanup()
})

const origin = 'http://gov.example'
/** Site graph: path → links. Every page has one image-alt violation keyed by its path. */
const graph: Record<string, string[]> = {
  '/': ['/a', '/b', '/c', '/a#x', 'mailto:x@y.cn', 'http://other.example/'],
  '/a': ['/a1', '/a2', '/'],
  '/b': ['/b1'],
  '/c': [],
  '/a1': ['/deep'],
  '/a2': [],
  '/b1': [],
}

type Behaviour = (browser: FakeBrowser, url: string, call: number) => Promise<PageAudit> | undefined

function stubAuditor(behaviour?: Behaviour) {
  const calls = new Map<string, number>()
  const auditor: PageAuditor = async (browser, request) => {
    const n = (calls.get(request.url) ?? 0) + 1
    calls.set(request.url, n)
    await browser.createBrowserContext()
    const special = behaviour?.(browser as unknown as FakeBrowser, request.url, n)
    if (special) return special
    await new Promise((r) => setTimeout(r, 2))
    const path = new URL(request.url).pathname
    return {
      result: pageResult(request.url, [rule('image-alt', 'critical', [{ fingerprint: `img${path}` }])]),
      links: request.collectLinks ? (graph[path] ?? []).map((p) => new URL(p, origin).href) : [],
    }
  }
  return { auditor, calls }
}

function newBatch(options: Partial<RunOptions> = {}) {
  const portal = registerPortal(
    db,
    { name: '门户', startUrl: `${origin}/`, maxPages: 50, maxDepth: 2 },
    new Date(),
  )
  return createAuditBatch(db, [{ portal, options: { sitemap: false, ...options } }], {}, new Date())
}

function runner(auditor: PageAuditor, extra: Partial<BatchRunnerOptions> = {}) {
  const browsers = fakeBrowserFactory()
  const r = new BatchRunner({
    db,
    auditor,
    launchBrowser: browsers.launch,
    concurrency: 2,
    minIntervalMs: 0,
    fetchText: fakeSite(origin, {}).fetchText,
    ...extra,
  })
  return { runner: r, browsers }
}

const pageStates = () =>
  Object.fromEntries(
    (
      db.prepare('SELECT url, status FROM audit_pages ORDER BY id').all() as Array<{
        url: string
        status: string
      }>
    ).map((r) => [r.url.replace(origin, ''), r.status]),
  )

describe('BatchRunner', () => {
  it('audits the portal breadth-first from links read during the audit, each page once, within the limits', async () => {
    const { batchId, runIds } = newBatch()
    const { auditor, calls } = stubAuditor()
    const progress: BatchProgress[] = []
    const { runner: r } = runner(auditor, { onProgress: (p) => progress.push(p) })
    const outcome = await r.run(batchId)
    expect(outcome.status).toBe('completed')
    expect(pageStates()).toEqual({
      '/': 'done',
      '/a': 'done',
      '/b': 'done',
      '/c': 'done',
      '/a1': 'done',
      '/a2': 'done',
      '/b1': 'done',
    })
    expect([...calls.values()].every((n) => n === 1)).toBe(true)
    const run = db
      .prepare('SELECT status, score, summary_json FROM audit_runs WHERE id = ?')
      .get(runIds[0]) as {
      status: string
      score: number
      summary_json: string
    }
    expect(run).toMatchObject({ status: 'completed', score: 90 })
    expect(JSON.parse(run.summary_json).pages).toMatchObject({ total: 7, audited: 7 })
    expect(db.prepare(`SELECT COUNT(*) FROM findings WHERE audit_run_id = ?`).pluck().get(runIds[0])).toBe(7)
    const last = progress[progress.length - 1]!
    expect(last).toMatchObject({ done: 7, failed: 0, remaining: 0, total: 7, etaMs: 0 })
    expect(progress.every((p) => p.done + p.failed + p.skipped + p.remaining === p.total)).toBe(true)
  })

  it('stops at the page limit and at depth 0', async () => {
    const limited = newBatch({ maxPages: 3 })
    await runner(stubAuditor().auditor).runner.run(limited.batchId)
    expect(Object.keys(pageStates())).toEqual(['/', '/a', '/b'])
    db.prepare('DELETE FROM audit_pages').run()
    const flat = newBatch({ maxDepth: 0 })
    await runner(stubAuditor().auditor).runner.run(flat.batchId)
    expect(Object.keys(pageStates())).toEqual(['/'])
  })

  it('reads links over HTTP when the auditor could not collect them', async () => {
    const { batchId } = newBatch({ maxDepth: 1 })
    const auditor: PageAuditor = async (_b, req) => ({ result: pageResult(req.url), links: null })
    const site = fakeSite(origin, { '/': '<a href="/x">x</a><a href="/y.pdf">pdf</a>' })
    await runner(auditor, { fetchText: site.fetchText }).runner.run(batchId)
    expect(pageStates()).toEqual({ '/': 'done', '/x': 'done' })
  })

  it('relaunches a browser that crashed and audits the page it took down again', async () => {
    const { batchId } = newBatch()
    const { auditor, calls } = stubAuditor((browser, url, call) => {
      if (url !== `${origin}/a` || call > 1) return undefined
      browser.crash()
      return Promise.resolve({ result: failedPage(url, 'crash', '浏览器已断开'), links: null })
    })
    const launches: string[] = []
    const { runner: r } = runner(auditor, { onBrowserLaunch: (_g, why) => launches.push(why) })
    const outcome = await r.run(batchId)
    expect(outcome.status).toBe('completed')
    expect(outcome.browserLaunches).toBe(2)
    expect(launches).toEqual(['start', 'crash'])
    expect(calls.get(`${origin}/a`)).toBe(2)
    expect(Object.values(pageStates()).every((s) => s === 'done')).toBe(true)
  })

  it('records a crash when the page takes the browser down on every attempt, and goes on', async () => {
    const { batchId } = newBatch({ maxDepth: 1 })
    const { auditor } = stubAuditor((browser, url) => {
      if (url !== `${origin}/b`) return undefined
      browser.crash()
      return Promise.resolve({ result: failedPage(url, 'crash', '崩溃'), links: null })
    })
    const outcome = await runner(auditor, { maxAttempts: 2 }).runner.run(batchId)
    expect(outcome.status).toBe('completed')
    expect(pageStates()).toEqual({ '/': 'done', '/a': 'done', '/b': 'failed', '/c': 'done' })
  })

  it('ends a page that overruns the hard limit as audit-timeout and closes its context', async () => {
    const { batchId } = newBatch({ maxDepth: 1 })
    const { auditor } = stubAuditor((_b, url) => (url === `${origin}/c` ? new Promise(() => {}) : undefined))
    const { runner: r, browsers } = runner(auditor, { pageTimeoutMs: 100 })
    const outcome = await r.run(batchId)
    expect(outcome.status).toBe('completed')
    const row = db.prepare(`SELECT status, failure_reason FROM audit_pages WHERE url = ?`).get(`${origin}/c`)
    expect(row).toEqual({ status: 'failed', failure_reason: 'audit-timeout' })
    expect(browsers.browsers[0]!.contextsClosed).toBe(1)
  })

  it('cancel stops claiming and lets in-flight pages finish; a new runner resumes without auditing a page twice', async () => {
    const { batchId } = newBatch()
    const first = stubAuditor()
    const { runner: r1 } = runner(first.auditor, {
      concurrency: 1,
      onPage: (e) => {
        if (e.url === `${origin}/a`) r1.cancel()
      },
    })
    const stopped = await r1.run(batchId)
    expect(stopped.status).toBe('cancelled')
    expect(db.prepare('SELECT status FROM audit_runs').pluck().get()).toBe('cancelled')
    expect(queueCounts(db, batchId)).toMatchObject({ done: 2, running: 0 })

    const second = stubAuditor()
    const resumed = await runner(second.auditor).runner.run(batchId)
    expect(resumed.status).toBe('completed')
    expect(queueCounts(db, batchId)).toMatchObject({ done: 7, pending: 0, running: 0 })
    const audited = [...first.calls.keys(), ...second.calls.keys()]
    expect(audited).toHaveLength(7)
    expect(new Set(audited).size).toBe(7)
  })

  it('an abort (app closing) puts in-flight pages back in the queue and pauses the batch', async () => {
    const { batchId } = newBatch()
    const controller = new AbortController()
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    const { auditor } = stubAuditor((_b, url) => {
      if (url !== `${origin}/a`) return undefined
      controller.abort()
      return held.then(() => ({ result: pageResult(url), links: [] }))
    })
    const done = runner(auditor, { signal: controller.signal }).runner.run(batchId)
    setTimeout(release, 20)
    const outcome = await done
    expect(outcome.status).toBe('paused')
    expect(pageStates()['/a']).toBe('pending')
    const resumed = await runner(stubAuditor().auditor).runner.run(batchId)
    expect(resumed.status).toBe('completed')
    expect(pageStates()['/a']).toBe('done')
  })

  it('waits for a lease left by a runner that died, then takes the page over', async () => {
    const { batchId } = newBatch({ maxDepth: 0 })
    const soon = new Date(Date.now() + 300).toISOString()
    db.prepare(`UPDATE audit_pages SET status = 'running', attempts = 1, lease_until = ?`).run(soon)
    const { auditor, calls } = stubAuditor()
    const started = Date.now()
    const outcome = await runner(auditor).runner.run(batchId)
    expect(outcome.status).toBe('completed')
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(calls.get(`${origin}/`)).toBe(1)
    expect(pageStates()).toEqual({ '/': 'done' })
  })

  it('stores screenshot evidence relative to the screenshot root, in the run folder', async () => {
    const { batchId, runIds } = newBatch({ maxDepth: 0 })
    const requests: Array<string | null> = []
    const auditor: PageAuditor = async (_b, req) => {
      requests.push(req.screenshotDir)
      return {
        result: pageResult(req.url, [
          rule('image-alt', 'critical', [{ fingerprint: 'f', screenshot: 'p1-0.png' }]),
        ]),
        links: [],
      }
    }
    await runner(auditor, { screenshotRoot: '/data/audit-screenshots' }).runner.run(batchId)
    expect(requests).toEqual([path.join('/data/audit-screenshots', `run-${runIds[0]}`)])
    const evidence = db.prepare('SELECT evidence_json FROM findings').pluck().get() as string
    expect(JSON.parse(evidence).screenshot).toBe(`run-${runIds[0]}/p1-0.png`)
  })

  it('fails the run (not the batch) when not one page could be audited', async () => {
    const { batchId, runIds } = newBatch()
    const auditor: PageAuditor = async (_b, req) => ({ result: failedPage(req.url, 'dns'), links: null })
    const outcome = await runner(auditor).runner.run(batchId)
    expect(outcome.status).toBe('completed')
    expect(db.prepare('SELECT status, score FROM audit_runs WHERE id = ?').get(runIds[0])).toEqual({
      status: 'failed',
      score: null,
    })
  })

  it('rejects when no browser can be started, leaving the batch paused and its page pending', async () => {
    const { batchId } = newBatch()
    const r = new BatchRunner({
      db,
      auditor: stubAuditor().auditor,
      launchBrowser: async (): Promise<Browser> => {
        throw new Error('未找到可用于网站检查的浏览器')
      },
      fetchText: fakeSite(origin, {}).fetchText,
    })
    await expect(r.run(batchId)).rejects.toThrow('未找到')
    expect(db.prepare('SELECT status FROM audit_batches WHERE id = ?').pluck().get(batchId)).toBe('paused')
    expect(pageStates()).toEqual({ '/': 'pending' })
  })

  it('defaults to one worker per core, between 1 and 4', () => {
    expect([
      defaultConcurrency(1),
      defaultConcurrency(2),
      defaultConcurrency(16),
      defaultConcurrency(0),
    ]).toEqual([1, 2, 4, 1])
  })
})
