/**
 * One line of CSV (RFC 4180 quoting, no embedded line breaks): fields separated by `delimiter`, a field may be
 * wrapped in double quotes, and `""` inside quotes is a literal quote. Unquoted fields are trimmed; quoted fields
 * keep their inner text (then trimmed too — names with leading spaces are never intended in a portal list).
 */
export type CsvLineResult = { ok: true; fields: string[] } | { ok: false; message: string }

export function splitCsvLine(line: string, delimiter = ','): CsvLineResult {
  const fields: string[] = []
  let i = 0
  while (i <= line.length) {
    // skip spaces before a field
    while (i < line.length && (line[i] === ' ' || line[i] === '\u3000')) i++
    if (line[i] === '"') {
      let value = ''
      i++
      for (;;) {
        if (i >= line.length) return { ok: false, message: '引号未闭合' }
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"'
            i += 2
            continue
          }
          i++
          break
        }
        value += line[i]
        i++
      }
      while (i < line.length && line[i] !== delimiter) {
        if (line[i] !== ' ' && line[i] !== '\t') return { ok: false, message: '引号后出现多余字符' }
        i++
      }
      fields.push(value.trim())
    } else {
      const end = line.indexOf(delimiter, i)
      const stop = end === -1 ? line.length : end
      const raw = line.slice(i, stop)
      if (raw.includes('"'))
        return { ok: false, message: '字段中间出现引号，整个字段应放在引号内，其中的引号写作两个引号' }
      fields.push(raw.trim())
      i = stop
    }
    if (i >= line.length) break
    i++ // past the delimiter; a trailing delimiter yields an empty last field on the next pass
  }
  return { ok: true, fields }
}

/** Tab when the line has a tab outside quotes (pasted from a spreadsheet), else comma. */
export function detectDelimiter(line: string): ',' | '\t' {
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === '\t' && !quoted) return '\t'
  }
  return ','
}
