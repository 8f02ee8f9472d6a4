import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Locale } from 'axe-core'

/** axe-core from the installed package (never a CDN), and its zh_CN locale so descriptions come out in Chinese. */

const require = createRequire(import.meta.url)

let cached: { source: string; locale: Locale; version: string } | null = null

export function axeAssets(): { source: string; locale: Locale; version: string } {
  if (!cached) {
    const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
    const locale = JSON.parse(
      fs.readFileSync(require.resolve('axe-core/locales/zh_CN.json'), 'utf8'),
    ) as Locale
    const version = /axe v([\d.]+)/.exec(source)?.[1] ?? 'unknown'
    cached = { source, locale, version }
  }
  return cached
}

/** The isolated world axe lives in (invisible to the page's own scripts, which cannot see or break it). */
export const AXE_WORLD = 'access-audit'
/**
 * Global of AXE_WORLD that loads axe into that world's document on demand and returns axe's version; `fresh`
 * loads it again (after a run was abandoned half-way).
 */
export const AXE_LOADER = '__accessAuditLoadAxe'

/** axe.configure: the zh_CN locale, and cross-origin frames answered over postMessage. */
function configuration(): string {
  return JSON.stringify({ locale: axeAssets().locale, allowedOrigins: ['<unsafe_all_origins>'] })
}

let injection: string | null = null

/** axe's source and its configuration as one script for a frame's main world (frames without AXE_WORLD). */
export function axeInjection(): string {
  injection ??= `${axeAssets().source}\n;window.axe.configure(${configuration()});window.axe.version`
  return injection
}

let loader: string | null = null

/**
 * The script a tab registers once (CDP Page.addScriptToEvaluateOnNewDocument in AXE_WORLD): it only defines
 * AXE_LOADER, so a document that is never audited pays next to nothing. The renderer keeps the script and
 * evaluates it from memory for each new document, and V8 reuses its compiled code across documents, so axe is
 * sent and compiled once per renderer instead of once per page (measured: about 150 ms of CPU a page less).
 */
export function axeLoaderScript(): string {
  loader ??= `globalThis.${AXE_LOADER} = function (fresh) {
  if (fresh || !globalThis.axe) {
${axeAssets().source}
;globalThis.axe.configure(${configuration()})
  }
  return globalThis.axe.version
}`
  return loader
}
