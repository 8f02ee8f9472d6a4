import { csvReportChunks } from './csv-report'
import { jsonReportChunks } from './json-report'
import { junitReportChunks } from './junit-report'
import type { ReportFormat, ReportSource } from './report-types'

/** The reporters by format: pure functions from a report source to text pieces (only the CLI writes them). */
export function reportChunks(format: ReportFormat, source: ReportSource): Generator<string> {
  switch (format) {
    case 'json':
      return jsonReportChunks(source)
    case 'csv':
      return csvReportChunks(source)
    case 'junit':
      return junitReportChunks(source)
  }
}

export function renderReport(format: ReportFormat, source: ReportSource): string {
  return [...reportChunks(format, source)].join('')
}
