import type { PageResult } from '../../../../shared/web/audit-result'
import type { ReportSource } from './report-types'

/**
 * JUnit XML for CI dashboards: one <testsuite> per page, a "page loads" test case (an <error> when the page
 * could not be audited), then one test case per rule result: a <failure> for a violation, <skipped> for a result
 * that needs manual review. Everything from the page is XML-escaped.
 */

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry. */
export function xmlEscape(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const attr = (name: string, value: string | number | null | undefined) => ` ${name}="${xmlEscape(value)}"`

function suite(portal: string, page: PageResult): string {
  const failures = page.ok ? page.results.filter((r) => !r.needsReview).length : 0
  const skipped = page.ok ? page.results.filter((r) => r.needsReview).length : 0
  const cases: string[] = []
  const loadCase = `    <testcase${attr('name', '页面加载 page-load')}${attr('classname', page.url)}${attr('time', page.durationMs / 1000)}`
  cases.push(
    page.ok
      ? `${loadCase}/>`
      : `${loadCase}>\n      <error${attr('type', page.failureReason ?? 'internal')}${attr('message', page.failureMessage ?? '')}/>\n    </testcase>`,
  )
  if (page.ok) {
    for (const rule of page.results) {
      const head = `    <testcase${attr('name', rule.ruleId)}${attr('classname', page.url)}>`
      const refs = [
        rule.refs.wcag.length ? `WCAG ${rule.refs.wcag.join(', ')}` : '',
        rule.refs.gbt37668.length ? `GB/T 37668-2019 ${rule.refs.gbt37668.join(', ')}` : '',
      ].filter(Boolean)
      const nodes = rule.nodes.map((n) => `${n.selector}\n  ${n.html}`).join('\n')
      const text = xmlEscape([rule.help, ...refs, nodes].filter(Boolean).join('\n'))
      cases.push(
        rule.needsReview
          ? `${head}\n      <skipped${attr('message', `需人工复核：${rule.help}`)}/>\n    </testcase>`
          : `${head}\n      <failure${attr('type', rule.impact ?? 'unknown')}${attr('message', rule.help)}>${text}</failure>\n    </testcase>`,
      )
    }
  }
  return [
    `  <testsuite${attr('name', page.url)}${attr('package', portal)}${attr('tests', cases.length)}${attr('failures', failures)}${attr('errors', page.ok ? 0 : 1)}${attr('skipped', skipped)}${attr('timestamp', page.startedAt)}${attr('time', page.durationMs / 1000)}>`,
    ...cases,
    '  </testsuite>',
  ].join('\n')
}

export function* junitReportChunks(source: ReportSource): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attr('name', 'access-audit')}>\n`
  for (const portal of source.portals) {
    for (const page of portal.pages()) yield `${suite(portal.name ?? portal.startUrl, page)}\n`
  }
  yield '</testsuites>\n'
}
