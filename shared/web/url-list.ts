import { detectDelimiter, splitCsvLine } from './csv-line'
import { normalizeUrl } from './url-core'

/**
 * Parser for the list of portals to audit, pasted as text or loaded from a CSV/TXT file (public entry point:
 * url-normalize.ts).
 *
 * Accepted lines:
 * - `url`
 * - `name,url` or `name,url,responsible unit`
 * - CSV with a header row in the first data line; columns then follow the header and may come in any order,
 *   and columns with other headers (序号, 备注 …) are ignored.
 *   Recognised headers: url/网址/链接/地址/网站地址/域名, name/名称/网站名称/站点名称/网站, unit/责任单位/主管单位/单位/部门.
 * Fields may be double-quoted ("乌达区人民政府, 门户", with "" for a quote). A tab separates fields instead of a
 * comma when the line has one (paste from a spreadsheet). A leading BOM, blank lines and lines starting with `#`
 * are skipped; trailing empty columns are ignored. Host-only URLs without a scheme ('www.example.gov.cn') are
 * taken as http:// (the site's own redirect then moves to https). URLs are returned normalised (normalizeUrl).
 * A line that starts with http:// or https:// is one URL, whatever it contains (`https://host/a,b.html` is not
 * 名称,网址): only a header row that puts the URL column first makes such a line CSV. A tab still separates fields.
 * Malformed lines, non-http(s) schemes and repeated URLs are reported with their 1-based line number and skipped.
 */

export interface UrlListEntry {
  line: number
  name?: string
  url: string
  unit?: string
}

export interface UrlListError {
  line: number
  /** The line as written (without line break and BOM). */
  text: string
  /** zh-CN */
  message: string
}

export interface UrlListResult {
  entries: UrlListEntry[]
  errors: UrlListError[]
}

type Column = 'name' | 'url' | 'unit'

const HEADER_NAMES: ReadonlyArray<[Column, RegExp]> = [
  ['url', /^(url|网址|链接|网站链接|地址|网站地址|网址链接|域名|link|website|site url)$/i],
  ['name', /^(name|名称|网站名称|站点名称|网站|门户名称|site|site name)$/i],
  ['unit', /^(unit|责任单位|主管单位|主办单位|单位|部门|责任部门|responsible unit|department)$/i],
]

function headerColumn(field: string): Column | null {
  const f = field.trim()
  for (const [col, re] of HEADER_NAMES) if (re.test(f)) return col
  return null
}

/**
 * A header row names the URL column and holds no URL-like field. Unknown headers (序号, 备注 …) become ignored
 * columns.
 */
function readHeader(fields: readonly string[]): Array<Column | null> | null {
  const cols = fields.map(headerColumn)
  if (!cols.includes('url') || fields.some((f) => /:\/\/|^www\./i.test(f))) return null
  return cols
}

const POSITIONAL: Readonly<Record<number, Column[]>> = {
  1: ['url'],
  2: ['name', 'url'],
  3: ['name', 'url', 'unit'],
}

export function parseUrlList(text: string): UrlListResult {
  const entries: UrlListEntry[] = []
  const errors: UrlListError[] = []
  const seen = new Map<string, number>()
  let header: Array<Column | null> | null = null
  let firstDataLine = true
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)

  lines.forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    const report = (message: string): void => {
      errors.push({ line, text: raw, message })
    }

    const urlLine = /^https?:\/\//i.test(trimmed) && !trimmed.includes('\t') && header?.[0] !== 'url'
    const split = urlLine ? { ok: true as const, fields: [trimmed] } : splitCsvLine(raw, detectDelimiter(raw))
    if (!split.ok) return report(`第 ${line} 行：${split.message}`)
    const fields = [...split.fields]
    const written = fields.length
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop()

    if (firstDataLine) {
      firstDataLine = false
      header = urlLine ? null : readHeader(fields)
      if (header) return
    }

    let columns: Array<Column | null>
    if (urlLine) {
      columns = ['url']
    } else if (header) {
      columns = header
      if (fields.length > header.length)
        return report(`第 ${line} 行：列数（${fields.length}）多于表头（${header.length}）`)
    } else {
      const positional = POSITIONAL[fields.length]
      if (!positional) {
        return report(
          `第 ${line} 行：列数过多（${fields.length} 列），应为“网址”或“名称,网址[,责任单位]”；名称中含逗号时请加英文双引号`,
        )
      }
      columns = positional
    }

    const value = (col: Column): string => {
      const i = columns.indexOf(col)
      return i === -1 ? '' : (fields[i] ?? '')
    }
    const urlText = value('url')
    const hint =
      raw.includes('，') && !raw.includes(',') && !raw.includes('\t') ? '（字段请用英文逗号分隔）' : ''
    if (!urlText) return report(`第 ${line} 行：缺少网址${hint}`)
    const normalized = normalizeUrl(urlText, undefined, { assumeScheme: 'http' })
    if (!normalized.ok) {
      const { error } = normalized
      if (error.code === 'UNSUPPORTED_SCHEME') return report(`第 ${line} 行：${error.message}（${urlText}）`)
      if (!header && fields.length === 1 && written > 1)
        return report(`第 ${line} 行：缺少网址（第一列应为名称，第二列为网址）`)
      return report(`第 ${line} 行：“${urlText}”不是有效网址，应以 http:// 或 https:// 开头${hint}`)
    }
    const earlier = seen.get(normalized.url)
    if (earlier !== undefined) return report(`第 ${line} 行：网址与第 ${earlier} 行重复，已跳过`)
    seen.set(normalized.url, line)

    const entry: UrlListEntry = { line, url: normalized.url }
    const name = value('name')
    const unit = value('unit')
    if (name) entry.name = name
    if (unit) entry.unit = unit
    entries.push(entry)
  })

  return { entries, errors }
}
