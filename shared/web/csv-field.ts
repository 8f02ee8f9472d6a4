import { wellFormed } from '../domain/text'

/**
 * Writing CSV that spreadsheets open safely (OWASP "CSV Injection"): page titles, selectors and snippets come from
 * audited sites and are hostile.
 * - A field a spreadsheet would run as a formula — starting with = + - @, a tab or a carriage return, also after
 *   leading spaces — gets a leading apostrophe, so it is shown as text.
 * - Where Excel separates with ';' (locales whose decimal mark is a comma) or a file is read as tab-separated,
 *   cells begin inside our fields, after a ';', a tab or a line break, and quoting cannot help (the quote is not
 *   at the start of that cell). So an = + - @ after any separator-like character or line break inside a field
 *   gets an apostrophe too: `报告;=1+1` is written `"报告;'=1+1"`, never a formula in any locale.
 * - A field holding anything a spreadsheet may take as a separator is quoted (RFC 4180, "" for a quote): the
 *   comma, the semicolon and the tab.
 * - Line breaks, quotes and leading or trailing spaces are quoted as RFC 4180 says; lone surrogates become U+FFFD,
 *   so the file is valid UTF-8.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : wellFormed(String(value))
  if (/^[\t\r]|^\s*[=+\-@]/.test(text)) text = `'${text}`
  text = text.replace(/([,;\t\r\n][\s"]*)(?=[=+\-@])/g, "$1'")
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`
}
