import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The open CJK fonts the printed documents ship with, so a notice prints the same on every computer whatever fonts
 * it has: Noto Serif SC (body, and its Black weight for the title, standing in for 小标宋) and Noto Sans SC (the
 * 黑体 headings and labels), SIL Open Font License, from the @fontsource packages.
 *
 * Those packages cut each weight into ~100 WOFF2 slices by unicode-range (≈45 KB each). A document embeds, as
 * data: URLs in @font-face rules, only the slices holding characters its text uses (a notice needs 20–40 of them),
 * so the HTML stays self-contained (no file: or network fetch; the notice's CSP allows font-src data:).
 *
 * Why these files rather than the system's Noto CJK: their outlines are TrueType (glyf), which Chromium's PDF
 * backend embeds as small CID TrueType subsets; the system's Noto Serif/Sans CJK are CFF-based .ttc collections,
 * which it embeds as Type 3 fonts — slow to write, large, and badly handled by some printers' RIPs.
 *
 * When the fonts cannot be found (a broken install) the faces are simply empty and the stacks fall back to the
 * fonts the system has: the document still prints, only not identically everywhere.
 */

export type DocumentFontRole = 'serif' | 'serifHeavy' | 'sans'

interface RoleSource {
  /** The family name the documents' CSS uses; distinct from any installed font's name, so no local font shadows it. */
  family: string
  packageName: '@fontsource/noto-serif-sc' | '@fontsource/noto-sans-sc'
  weight: 400 | 900
}

export const documentFontFamilies: Record<DocumentFontRole, string> = {
  serif: 'AA Noto Serif SC',
  serifHeavy: 'AA Noto Serif SC Black',
  sans: 'AA Noto Sans SC',
}

const sources: Record<DocumentFontRole, RoleSource> = {
  serif: { family: documentFontFamilies.serif, packageName: '@fontsource/noto-serif-sc', weight: 400 },
  serifHeavy: {
    family: documentFontFamilies.serifHeavy,
    packageName: '@fontsource/noto-serif-sc',
    weight: 900,
  },
  sans: { family: documentFontFamilies.sans, packageName: '@fontsource/noto-sans-sc', weight: 400 },
}

interface Slice {
  file: string
  /** Inclusive code point ranges, sorted. */
  ranges: Array<[number, number]>
  /** The unicode-range descriptor as written, repeated in our rule so the browser picks slices the same way. */
  rangeText: string
}

const require = createRequire(import.meta.url)

/** Where a package's files are: an installed app's resources/fonts/<name> first, then node_modules. */
function packageDir(packageName: string): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath
  const candidates: string[] = []
  if (resources) candidates.push(path.join(resources, 'fonts', packageName.replace('@fontsource/', '')))
  try {
    candidates.push(path.dirname(require.resolve(`${packageName}/package.json`)))
  } catch {
    // Not installed next to the code: only the resources folder can have it.
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'files'))) ?? null
}

function parseRanges(text: string): Array<[number, number]> {
  return text
    .split(',')
    .map((part) => /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m): [number, number] => [parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)])
    .sort((a, b) => a[0] - b[0])
}

/** The slices of one weight, read from the package's own CSS (the authority on which file covers what). */
function readSlices(dir: string, weight: number): Slice[] {
  const css = fs.readFileSync(path.join(dir, `${weight}.css`), 'utf8')
  const slices: Slice[] = []
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1]
    const rangeText = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim()
    if (!file || !rangeText || file.includes('/')) continue
    slices.push({ file: path.join(dir, 'files', file), ranges: parseRanges(rangeText), rangeText })
  }
  return slices
}

const sliceCache = new Map<DocumentFontRole, Slice[]>()
/** File → data: URL; bounded by the slice count (≈100 per role, ≈60 KB each as base64). */
const dataUrlCache = new Map<string, string>()

function slicesOf(role: DocumentFontRole): Slice[] {
  let slices = sliceCache.get(role)
  if (!slices) {
    const source = sources[role]
    const dir = packageDir(source.packageName)
    try {
      slices = dir ? readSlices(dir, source.weight) : []
    } catch {
      slices = []
    }
    sliceCache.set(role, slices)
  }
  return slices
}

function dataUrl(file: string): string {
  let url = dataUrlCache.get(file)
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`
    dataUrlCache.set(file, url)
  }
  return url
}

function covers(slice: Slice, codePoint: number): boolean {
  for (const [lo, hi] of slice.ranges) {
    if (codePoint < lo) return false
    if (codePoint <= hi) return true
  }
  return false
}

/** The code points of a text, each once. */
function codePointsOf(text: string): Set<number> {
  const points = new Set<number>()
  for (const ch of text) points.add(ch.codePointAt(0)!)
  return points
}

/** True when the shipped fonts were found (tests and the README's claim rest on it). */
export function documentFontsAvailable(): boolean {
  return (Object.keys(sources) as DocumentFontRole[]).every((role) => slicesOf(role).length > 0)
}

/**
 * @font-face rules giving each role's family exactly the slices `texts[role]` needs, as data: URLs. Pass the text
 * each family will draw (or more: the whole document is fine; unused slices only cost HTML size, never PDF size,
 * since Chromium embeds only the glyphs drawn).
 */
export function documentFontFaces(texts: Partial<Record<DocumentFontRole, string>>): string {
  const rules: string[] = []
  for (const role of Object.keys(texts) as DocumentFontRole[]) {
    const text = texts[role]
    if (!text) continue
    const points = [...codePointsOf(text)]
    const source = sources[role]
    for (const slice of slicesOf(role)) {
      if (!points.some((p) => covers(slice, p))) continue
      rules.push(`@font-face {
  font-family: "${source.family}";
  font-style: normal;
  font-weight: normal;
  font-display: block;
  src: url(${dataUrl(slice.file)}) format("woff2");
  unicode-range: ${slice.rangeText};
}`)
    }
  }
  return rules.join('\n')
}
