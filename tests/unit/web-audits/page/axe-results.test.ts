import type * as Axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import {
  joinTarget,
  mapAxeOutcome,
  truncateSnippet,
} from '../../../../electron/core/web-audits/page/axe-results'
import type { AxeRunOutcome } from '../../../../electron/core/web-audits/page/axe-runner'

const node = (target: Axe.UnlabelledFrameSelector, html = '<img src="a.png">'): Axe.NodeResult => ({
  html,
  target,
  any: [{ id: 'x', impact: 'critical', message: '元素没有 alt 属性', data: null, relatedNodes: [] }],
  all: [],
  none: [],
  failureSummary: '修复以下任一问题：\n  元素没有 alt 属性',
})

const result = (
  id: string,
  tags: string[],
  nodes: Axe.NodeResult[],
  impact?: Axe.ImpactValue,
): Axe.Result => ({
  id,
  tags: tags as Axe.TagValue[],
  impact,
  description: `${id} 的说明`,
  help: `${id} 的帮助`,
  helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${id}`,
  nodes,
})

const axeResults = (violations: Axe.Result[], incomplete: Axe.Result[]): Axe.AxeResults =>
  ({ violations, incomplete, passes: [], inapplicable: [] }) as unknown as Axe.AxeResults

describe('joinTarget and truncateSnippet', () => {
  it('joins iframe and shadow hops with " >>> "', () => {
    expect(joinTarget(['#main img'])).toBe('#main img')
    expect(joinTarget(['iframe[title="地图"]', '#x'])).toBe('iframe[title="地图"] >>> #x')
    expect(joinTarget([['#host', 'button'], '.y'] as Axe.UnlabelledFrameSelector)).toBe(
      '#host >>> button >>> .y',
    )
  })
  it('cuts long snippets to 500 characters', () => {
    expect(truncateSnippet('a'.repeat(600))).toHaveLength(500)
    expect(truncateSnippet('<b>x</b>')).toBe('<b>x</b>')
  })
})

describe('mapAxeOutcome', () => {
  const outcome: AxeRunOutcome = {
    results: [
      axeResults(
        [
          result(
            'image-alt',
            ['cat.text-alternatives', 'wcag2a', 'wcag111'],
            [node(['img']), node(['iframe', '#i'])],
            'critical',
          ),
        ],
        [result('color-contrast', ['wcag2aa', 'wcag143'], [node(['p'])])],
      ),
      axeResults([result('region', ['best-practice'], [node(['div'])], 'moderate')], []),
    ],
    notRun: [{ ruleId: 'link-in-text-block', reviewReason: '规则执行超时（超过 15 秒）' }],
    rules: {
      'link-in-text-block': {
        description: '确保链接与周围文字可区分',
        help: '链接必须与周围文本可区分',
        helpUrl: 'https://x/link-in-text-block',
        tags: ['wcag2a', 'wcag141'],
      },
    },
    version: '4.14.1',
  }
  const { results, pending } = mapAxeOutcome(outcome, 1)

  it('lists violations, then incomplete, then rules that did not run', () => {
    expect(results.map((r) => [r.ruleId, r.needsReview])).toEqual([
      ['image-alt', false],
      ['region', false],
      ['color-contrast', true],
      ['link-in-text-block', true],
    ])
  })

  it('maps clauses, level and impact (falling back to the rule table for incomplete results)', () => {
    const [imageAlt, region, contrast] = results
    expect(imageAlt).toMatchObject({
      source: 'axe',
      impact: 'critical',
      level: 'A',
      refs: { wcag: ['1.1.1'] },
    })
    expect(region).toMatchObject({ level: null, refs: { wcag: [] } })
    expect(contrast).toMatchObject({
      impact: 'serious',
      level: 'AA',
      reviewReason: 'axe 无法自动判定：元素没有 alt 属性',
    })
  })

  it('keeps at most maxNodes nodes but the full count', () => {
    expect(results[0]?.nodes).toHaveLength(1)
    expect(results[0]?.nodeCount).toBe(2)
    expect(results[0]?.nodes[0]).toMatchObject({
      selector: 'img',
      html: '<img src="a.png">',
      failureSummary: expect.stringMatching(/修复/),
    })
    expect(pending).toHaveLength(3)
    expect(pending[0]?.result).toBe(results[0])
  })

  it('reports a timed-out rule with its localized text and the reason, never dropping it', () => {
    expect(results[3]).toMatchObject({
      ruleId: 'link-in-text-block',
      needsReview: true,
      reviewReason: '规则执行超时（超过 15 秒）',
      help: '链接必须与周围文本可区分',
      level: 'A',
      impact: 'serious',
      nodes: [],
      nodeCount: 0,
    })
  })
})
