import { wellFormedDeep } from '../../../../shared/domain/text'
import type { ReportSource } from './report-types'

/**
 * The JSON report, produced in pieces so a batch of thousands of pages is never one string in memory.
 * Joined, the pieces equal `JSON.stringify(report, null, 2)` of the AuditReport (with `pages` last in a portal).
 */
export function* jsonReportChunks(source: ReportSource): Generator<string> {
  // Well-formed text only (a lone surrogate from a page title would be written as "\ud800", which strict JSON
  // readers refuse), also for pages recorded before page results were made well-formed.
  const head = JSON.stringify(wellFormedDeep({ ...source.header, portals: [] }), null, 2)
  yield `${head.slice(0, head.lastIndexOf('[]'))}[`
  let first = true
  for (const { pages, ...rest } of source.portals) {
    const body = indent(JSON.stringify(wellFormedDeep({ ...rest, pages: [] }), null, 2), 4)
    const at = body.lastIndexOf('[]')
    yield `${first ? '' : ','}\n    ${body.slice(0, at)}[`
    first = false
    let n = 0
    for (const page of pages())
      yield `${n++ === 0 ? '' : ','}\n        ${indent(JSON.stringify(wellFormedDeep(page), null, 2), 8)}`
    yield `${n > 0 ? '\n      ' : ''}]${body.slice(at + 2)}`
  }
  yield source.portals.length > 0 ? '\n  ]\n}\n' : ']\n}\n'
}

function indent(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(spaces)}`)
}
