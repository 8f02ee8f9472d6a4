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
