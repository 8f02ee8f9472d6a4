import { checkHtmlConformance } from '../../../../../shared/web/html-conformance'
import { partsFingerprint } from '../fingerprint'
import type { OwnNode, OwnOutcome } from './own-check'

/**
 * aa-html-conformance: the raw source (as the server sent it) through the shared conformance checker — mismatched
 * and unclosed tags, duplicate attributes and ids, obsolete elements (font, center, marquee, blink), doctype.
 */

const LINE_MAX = 200

export function conformanceOutcome(source: string | null, maxNodes: number): OwnOutcome[] {
  if (source === null)
    return [
      {
        ruleId: 'aa-html-conformance',
        needsReview: true,
        reviewReason:
          '未能取得页面的原始源码（浏览器已不保留响应内容），未做 HTML 语法检查，请人工查看源码。',
        nodes: [],
      },
    ]
  if (source.trim() === '') return []
  const result = checkHtmlConformance(source, {
    maxIssues: Math.max(maxNodes, 1),
    maxPerRule: Math.max(maxNodes, 1),
  })
  if (result.totalFound === 0) return []
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const nodes: OwnNode[] = result.issues.map((issue) => {
    const line = (lines[issue.line - 1] ?? '').trim()
    return {
      selector: `源码第 ${issue.line} 行第 ${issue.column} 列`,
      html: line.length > LINE_MAX ? `${line.slice(0, LINE_MAX - 1)}…` : line,
      // Line numbers move whenever content above changes; the issue kind, tag and line text do not.
      fingerprint: partsFingerprint('source', [issue.ruleId, issue.tag, line.replace(/\s+/g, ' ')]),
      failureSummary: issue.message,
    }
  })
  return [
    {
      ruleId: 'aa-html-conformance',
      needsReview: false,
      nodes,
      nodeCount: result.totalFound,
    },
  ]
}
