import {
  documentLimits,
  type DocumentCheckResult,
  type DocumentSkipReason,
} from '../../../../shared/web/doc-rules'
import { documentFormatNames, documentFormats } from '../../../../shared/web/document-types'
import type { Db } from '../../db/open-database'
import { defaultUserAgent } from '../crawl/http-fetch'
import type { HostRateLimiter } from '../crawl/rate-limiter'
import { iterateRunResults } from '../store/queue-store'
import { parseDocument, type ParseLimits } from './doc-parse'
import { documentProblems } from './doc-verdicts'

/**
 * The documents check of a run: the PDF and Office files its pages link to (same site, recorded by the page
 * audit), each downloaded and read once per run, within the limits of `documentLimits` (count, size, download
 * and parse time, parser memory). Every document ends as a stored result — checked, failed (with the reason) or
 * not checked (format nothing reads reliably, or over the count limit) — never as an error of the batch.
 */

export type FetchBytesResult =
  | { ok: true; bytes: Uint8Array; contentType: string }
  | { ok: false; reason: Extract<DocumentSkipReason, 'download' | 'too-large' | 'timeout'>; detail: string }

export type FetchBytes = (
  url: string,
  options: { maxBytes: number; timeoutMs: number; signal?: AbortSignal },
) => Promise<FetchBytesResult>

export interface DocumentCheckDeps {
  db: Db
  now: () => Date
  limiter?: HostRateLimiter
  signal?: AbortSignal
  fetchBytes?: FetchBytes
  limits?: Partial<typeof documentLimits>
}

/** Downloads a file with Node's fetch: size checked on Content-Length and while reading, time on the whole. */
export const fetchDocumentBytes: FetchBytes = async (url, { maxBytes, timeoutMs, signal }) => {
  const timeout = AbortSignal.timeout(timeoutMs)
  const tooLarge = (): FetchBytesResult => ({
    ok: false,
    reason: 'too-large',
    detail: `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的大小限制，未下载`,
  })
  try {
    const response = await fetch(url, {
      redirect: 'follow',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { 'user-agent': defaultUserAgent, accept: '*/*' },
    })
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined)
      return { ok: false, reason: 'download', detail: `服务器返回 HTTP ${response.status}` }
    }
    const contentType = response.headers.get('content-type') ?? ''
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel().catch(() => undefined)
      return tooLarge()
    }
    const chunks: Uint8Array[] = []
    let size = 0
    if (response.body) {
      const reader = response.body.getReader()
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          size += value.byteLength
          if (size > maxBytes) return tooLarge()
          chunks.push(value)
        }
      } finally {
        await reader.cancel().catch(() => undefined)
      }
    }
    return { ok: true, bytes: Buffer.concat(chunks), contentType }
  } catch (error) {
    if (timeout.aborted)
      return { ok: false, reason: 'timeout', detail: `下载超过 ${Math.round(timeoutMs / 1000)} 秒` }
    return {
      ok: false,
      reason: 'download',
      detail: `下载失败：${String((error as Error).message ?? error).slice(0, 200)}`,
    }
  }
}

interface Candidate {
  url: string
  format: string
  foundOn: string
  linkText: string
}

/** The run's linked documents, each once, in the order the pages were crawled. */
export function runDocuments(db: Db, runId: number): Candidate[] {
  const seen = new Map<string, Candidate>()
  for (const page of iterateRunResults(db, runId))
    for (const d of page.documents ?? [])
      if (!seen.has(d.url))
        seen.set(d.url, {
          url: d.url,
          format: d.format,
          foundOn: page.finalUrl ?? page.url,
          linkText: d.text,
        })
  return [...seen.values()]
}

const reasonText: Readonly<Record<DocumentSkipReason, string>> = {
  format: '该格式无法自动读取其无障碍属性',
  count: '超过每个网站检查文件数量的上限',
  download: '下载失败',
  'too-large': '文件过大',
  timeout: '超过时间限制',
  memory: '读取时超过内存限制',
  broken: '文件已损坏或无法读取',
}

function notChecked(
  c: Candidate,
  status: 'failed' | 'not-checked',
  reason: DocumentSkipReason,
  detail: string,
): DocumentCheckResult {
  return {
    ...c,
    status,
    reason,
    reasonDetail: detail,
    problems: [
      {
        ruleId: 'aa-doc-unchecked',
        needsReview: true,
        detail: `${reasonText[reason]}：${detail}。请人工打开该文件检查。`,
      },
    ],
  }
}

/** Checks one document (download, parse in the worker, decide). Never throws. */
export async function checkDocument(
  c: Candidate,
  deps: Pick<DocumentCheckDeps, 'fetchBytes' | 'signal' | 'limiter'>,
  limits: typeof documentLimits = documentLimits,
): Promise<DocumentCheckResult> {
  const kind = documentFormats[c.format]
  if (kind !== 'pdf' && kind !== 'ooxml')
    return notChecked(c, 'not-checked', 'format', documentFormatNames[c.format] ?? c.format)
  try {
    await deps.limiter?.wait(c.url, deps.signal)
    const fetched = await (deps.fetchBytes ?? fetchDocumentBytes)(c.url, {
      maxBytes: limits.maxBytes,
      timeoutMs: limits.downloadTimeoutMs,
      signal: deps.signal,
    })
    if (!fetched.ok) return notChecked(c, 'failed', fetched.reason, fetched.detail)
    if (/^text\/html/i.test(fetched.contentType))
      return notChecked(c, 'failed', 'download', '服务器返回的是网页而不是文件')
    const parseLimits: ParseLimits = {
      timeoutMs: limits.parseTimeoutMs,
      memoryMb: limits.workerMemoryMb,
      pdfPages: limits.pdfPages,
    }
    const parsed = await parseDocument(fetched.bytes, c.format, parseLimits)
    if (!parsed.ok) return notChecked(c, 'failed', parsed.reason, parsed.detail)
    const facts = parsed.facts
    return {
      ...c,
      status: 'checked',
      bytes: fetched.bytes.byteLength,
      ...(facts.kind === 'pdf' && facts.pageCount !== undefined ? { pageCount: facts.pageCount } : {}),
      ...(facts.title ? { title: facts.title } : {}),
      problems: documentProblems(facts),
    }
  } catch (error) {
    return notChecked(c, 'failed', 'broken', String((error as Error)?.message ?? error).slice(0, 200))
  }
}

/**
 * Checks the run's documents not yet stored (a resumed batch continues where it stopped) and stores each result
 * as it is done. Returns how many were stored in this call.
 */
export async function checkRunDocuments(deps: DocumentCheckDeps, runId: number): Promise<number> {
  const limits = { ...documentLimits, ...deps.limits }
  const all = runDocuments(deps.db, runId)
  if (all.length === 0) return 0
  const done = new Set(
    deps.db.prepare('SELECT url FROM audit_documents WHERE run_id = ?').pluck().all(runId) as string[],
  )
  const insert = deps.db.prepare(
    // An upsert, not INSERT OR REPLACE: a re-checked document keeps its global id (a replace would delete the row
    // and make a new one, which another installation would see as a different record).
    `INSERT INTO audit_documents (run_id, url, status, result_json, checked_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (run_id, url) DO UPDATE SET status = excluded.status, result_json = excluded.result_json,
       checked_at = excluded.checked_at`,
  )
  const store = (r: DocumentCheckResult): void => {
    insert.run(runId, r.url, r.status, JSON.stringify(r), deps.now().toISOString())
  }
  let stored = 0
  for (const [i, c] of all.entries()) {
    if (done.has(c.url)) continue
    if (deps.signal?.aborted) break
    const result =
      i >= limits.maxPerRun
        ? notChecked(c, 'not-checked', 'count', `本次只检查前 ${limits.maxPerRun} 个文件`)
        : await checkDocument(c, deps, limits)
    if (deps.signal?.aborted && result.status === 'failed') break // cut short by a pause: check it next time
    store(result)
    stored++
  }
  return stored
}

/** The run's stored document results, in the order they were found. */
export function readRunDocuments(db: Db, runId: number): DocumentCheckResult[] {
  const order = new Map(runDocuments(db, runId).map((c, i) => [c.url, i]))
  const rows = db
    .prepare('SELECT result_json FROM audit_documents WHERE run_id = ?')
    .pluck()
    .all(runId) as string[]
  return rows
    .map((json) => JSON.parse(json) as DocumentCheckResult)
    .sort((a, b) => (order.get(a.url) ?? Infinity) - (order.get(b.url) ?? Infinity))
}

/** Counts for a portal's summary line: documents found, checked, with problems, not checked. */
export function documentCounts(results: readonly DocumentCheckResult[]): {
  found: number
  checked: number
  withProblems: number
  notChecked: number
} {
  const checked = results.filter((r) => r.status === 'checked')
  return {
    found: results.length,
    checked: checked.length,
    withProblems: checked.filter((r) => r.problems.some((p) => !p.needsReview)).length,
    notChecked: results.length - checked.length,
  }
}
