import { describe, expect, it } from 'vitest'
import { checkHtmlConformance } from '../../../shared/web/html-conformance'
import { ownRuleIds } from '../../../shared/web/own-rules'
import { overlapOf, partialOverlapRules, ruleOverlaps } from '../../../shared/web/rule-overlaps'
import { axeRulesWithoutText, ruleTextIds, webRuleText } from '../../../shared/web/rule-texts'
import { axeRuleIds } from '../../../shared/web/axe-rule-map'
import { joinSentences, sentence } from '../../../shared/domain/zh-sentences'
import { lintNoticeBlocks } from '../../support/notice-lint'

/** What a notice says about web rules: the team's own zh-CN, complete sentences, nothing of the tool. */

const allRules = [...axeRuleIds, ...ownRuleIds]

describe('rule texts', () => {
  it('has a name and a remedy for every axe rule of the table and every own check', () => {
    expect(axeRulesWithoutText()).toEqual([])
    expect([...ruleTextIds].sort()).toEqual([...allRules].sort())
  })

  it('says nothing internal and ends every remedy with one full stop', () => {
    for (const id of allRules) {
      const text = webRuleText(id)!
      expect(text.title, id).not.toMatch(/[。：]$/)
      expect(text.remedy, id).toMatch(/[^。]。$/)
      expect(lintNoticeBlocks([text.title, text.remedy]), id).toEqual([])
    }
    for (const group of ruleOverlaps) {
      expect(lintNoticeBlocks([group.title, group.remedy]), group.id).toEqual([])
      expect(group.remedy).toMatch(/[^。]。$/)
    }
  })
})

describe('rule overlaps', () => {
  it('names only rules that exist, each at most once as a whole rule', () => {
    const whole = ruleOverlaps.flatMap((g) => g.members.filter((m) => !m.detail).map((m) => m.ruleId))
    expect(whole.filter((id) => !allRules.includes(id))).toEqual([])
    expect(new Set(whole).size).toBe(whole.length)
    expect(partialOverlapRules()).toEqual(['aa-html-conformance'])
  })

  it("files the source check's lines by what they report, as its messages word them", () => {
    const source = `<!DOCTYPE html><html><body>
<marquee>滚动</marquee>
<blink>闪</blink>
<p id="a">一</p><p id="a">二</p>
<div></span></div></body></html>`
    const messages = checkHtmlConformance(source).issues.map((i) => i.message)
    const groupOf = (pattern: RegExp) => {
      const message = messages.find((m) => pattern.test(m))
      expect(message, String(pattern)).toBeDefined()
      return overlapOf('aa-html-conformance', `描述\n${message}`)?.id
    }
    expect(groupOf(/marquee/)).toBe('scrolling-text')
    expect(groupOf(/blink/)).toBe('blinking-text')
    expect(groupOf(/id="a"/)).toBe('duplicate-id')
    expect(groupOf(/span/)).toBeUndefined()
    expect(overlapOf('html-has-lang', '')?.id).toBe('page-language')
    expect(overlapOf('image-alt', '')).toBeUndefined()
  })
})

describe('zh-CN sentences', () => {
  it('never leaves "：。" or "。。"', () => {
    expect(sentence('修复以下任一问题：')).toBe('修复以下任一问题。')
    expect(sentence('应在页面上说明。')).toBe('应在页面上说明。')
    expect(joinSentences(['图片缺少替代文本', '应在页面上说明。', null, '  '])).toBe(
      '图片缺少替代文本。应在页面上说明。',
    )
  })
})
