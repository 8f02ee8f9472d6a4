import fs from 'node:fs'
import { Worker } from 'node:worker_threads'
import { documentLimits } from '../../../../shared/web/doc-rules'

/**
 * Reads a document's accessibility facts in a worker thread (doc-worker.mjs) with a memory cap and a time limit:
 * a file that makes the parser loop, exhaust memory or crash ends as a failure result, never as a hung or dead
 * batch. The worker file sits next to this module (source tree, tsx, vitest) or next to the bundle (desktop
 * build: electron.config.ts emits it as out/main/doc-worker.js).
 */

export interface PdfFacts {
  kind: 'pdf'
  password: boolean
  pageCount?: number
  title?: string
  lang?: string
  marked?: boolean
  structTree?: boolean
  accessibilityAllowed?: boolean
  /** First pages: characters of text (no spaces) and images drawn. */
  pages?: Array<{ chars: number; images: number }>
}

export interface OoxmlFacts {
  kind: 'ooxml'
  format: string
  title: string
  langs: string[]
  chars: number
  images: number
  imagesWithoutAlt: number
}

export type DocumentFacts = PdfFacts | OoxmlFacts

export type ParseOutcome =
  | { ok: true; facts: DocumentFacts }
  | { ok: false; reason: 'timeout' | 'memory' | 'broken' | 'too-large'; detail: string }

function workerUrl(): URL {
  for (const name of ['./doc-worker.mjs', './doc-worker.js']) {
    const url = new URL(name, import.meta.url)
    if (fs.existsSync(url)) return url
  }
  throw new Error('找不到文件检查程序（doc-worker）')
}

export interface ParseLimits {
  timeoutMs?: number
  memoryMb?: number
  pdfPages?: number
}

export function parseDocument(
  bytes: Uint8Array,
  format: string,
  limits: ParseLimits = {},
): Promise<ParseOutcome> {
  const timeoutMs = limits.timeoutMs ?? documentLimits.parseTimeoutMs
  const memoryMb = limits.memoryMb ?? documentLimits.workerMemoryMb
  const copy = bytes.slice().buffer
  return new Promise((resolve) => {
    let settled = false
    const done = (outcome: ParseOutcome): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(outcome)
    }
    const worker = new Worker(workerUrl(), {
      workerData: { bytes: copy, format, maxPages: limits.pdfPages ?? documentLimits.pdfPages },
      transferList: [copy],
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    })
    // pdf.js may print warnings; they are read and dropped, never mixed into the CLI's output.
    worker.stdout.resume()
    worker.stderr.resume()
    const timer = setTimeout(
      () => done({ ok: false, reason: 'timeout', detail: `超过 ${Math.round(timeoutMs / 1000)} 秒` }),
      timeoutMs,
    )
    worker.on(
      'message',
      (
        m: { ok: true; facts: DocumentFacts } | { ok: false; reason: 'broken' | 'too-large'; error: string },
      ) => done(m.ok ? { ok: true, facts: m.facts } : { ok: false, reason: m.reason, detail: m.error }),
    )
    worker.on('error', (error: Error & { code?: string }) =>
      done({
        ok: false,
        reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'broken',
        detail: String(error.message).slice(0, 300),
      }),
    )
    worker.on('exit', (code) => done({ ok: false, reason: 'broken', detail: `检查程序意外退出（${code}）` }))
  })
}
