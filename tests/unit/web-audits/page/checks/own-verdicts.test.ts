import { describe, expect, it } from 'vitest'
import { isEntryLabel } from '../../../../../electron/core/web-audits/page/checks/ageing-entry'
import { roundRatio } from '../../../../../electron/core/web-audits/page/checks/ageing-text'
import {
  autoplayVerdict,
  type MediaFacts,
} from '../../../../../electron/core/web-audits/page/checks/autoplay-media'
import {
  generatedText,
  isMeaningfulGenerated,
} from '../../../../../electron/core/web-audits/page/checks/generated-content'
import { conformanceOutcome } from '../../../../../electron/core/web-audits/page/checks/html-conformance-check'
import { htmlLangProblem } from '../../../../../electron/core/web-audits/page/checks/html-lang'
import {
  findCycle,
  OPAQUE_FRAME_TRAP,
  unreachedKeys,
} from '../../../../../electron/core/web-audits/page/checks/keyboard-verdicts'
import {
  isTimedRefresh,
  observedRedirectNodes,
  parseRefresh,
} from '../../../../../electron/core/web-audits/page/checks/timed-refresh'
import { pageHelpers } from '../../../../../electron/core/web-audits/page/page-helpers'
import {
  isRedirectSource,
  waitForTimersMs,
} from '../../../../../electron/core/web-audits/page/checks/redirect-timers'

const chinese = '本网站是区人民政府的官方门户网站，提供政务公开、办事服务和互动交流等栏目。'

describe('aa-html-lang', () => {
  it.each([
    ['zh-CN', null],
    ['zh', null],
    ['zh-Hans', null],
    ['zh-Hans-CN', null],
    ['ZH-cn', null],
    ['yue-HK', null],
  ])('%s passes on a Chinese page', (lang, expected) =>
    expect(htmlLangProblem({ lang, sample: chinese })).toBe(expected),
  )

  it.each([
    [null, /未声明/],
    ['', /未声明/],
    ['zh_CN', /BCP 47/],
    ['chinese', /BCP 47/],
    ['cn', /国家/],
    ['zh-CHS', /旧式/],
    ['en', /中文为主/],
    ['en-US', /中文为主/],
  ])('%s fails', (lang, reason) => expect(htmlLangProblem({ lang, sample: chinese })).toMatch(reason))

  it('accepts en on an English page and ja on Japanese text with kanji', () => {
    expect(
      htmlLangProblem({ lang: 'en', sample: 'An English page about accessibility services.' }),
    ).toBeNull()
    expect(
      htmlLangProblem({
        lang: 'ja',
        sample: 'アクセシビリティに関する情報を提供します。日本語のページです。漢字も含みます',
      }),
    ).toBeNull()
  })
})

describe('aa-css-generated-content', () => {
  it('reads the text of computed content values', () => {
    expect(generatedText('"（必填）"')).toBe('（必填）')
    expect(generatedText('"\\e900"')).toBe('\ue900')
    expect(generatedText('"更多" " »"')).toBe('更多 »')
    expect(generatedText("'a\\'b'")).toBe("a'b")
    expect(generatedText('counter(item)')).toBe('')
  })

  it('counts letters and CJK, not icons, symbols, punctuation or digits', () => {
    expect(isMeaningfulGenerated('（必填）')).toBe(true)
    expect(isMeaningfulGenerated('New')).toBe(true)
    expect(isMeaningfulGenerated(' » ')).toBe(false)
    expect(isMeaningfulGenerated('“')).toBe(false)
    expect(isMeaningfulGenerated('×')).toBe(false)
    expect(isMeaningfulGenerated('\ue900')).toBe(false)
    expect(isMeaningfulGenerated('1.')).toBe(false)
    expect(isMeaningfulGenerated('home', '"Material Icons"')).toBe(false)
    expect(isMeaningfulGenerated('新', 'iconfont')).toBe(false)
  })
})

describe('aa-autoplay-media', () => {
  const base: MediaFacts = {
    autoplay: true,
    paused: true,
    muted: false,
    volume: 1,
    duration: 30,
    loop: false,
    controls: false,
  }
  it('fails audible autoplay longer than 3 s without controls', () => {
    expect(autoplayVerdict(base)).toBe('fail')
    expect(autoplayVerdict({ ...base, autoplay: false, paused: false })).toBe('fail')
    expect(autoplayVerdict({ ...base, duration: -1 })).toBe('fail')
    expect(autoplayVerdict({ ...base, duration: 2, loop: true })).toBe('fail')
  })
  it('passes muted, controlled, short or not-autoplaying media', () => {
    expect(autoplayVerdict({ ...base, muted: true })).toBe('pass')
    expect(autoplayVerdict({ ...base, volume: 0 })).toBe('pass')
    expect(autoplayVerdict({ ...base, controls: true })).toBe('pass')
    expect(autoplayVerdict({ ...base, duration: 3 })).toBe('pass')
    expect(autoplayVerdict({ ...base, autoplay: false })).toBe('pass')
  })
  it('asks for review when the duration is unknown', () => {
    expect(autoplayVerdict({ ...base, duration: null })).toBe('review')
  })
})

describe('aa-timed-refresh', () => {
  it('parses refresh values leniently, as browsers do', () => {
    expect(parseRefresh('5; url=/next')).toEqual({ delay: 5, url: '/next' })
    expect(parseRefresh("0;URL='http://x/'")).toEqual({ delay: 0, url: 'http://x/' })
    expect(parseRefresh('30')).toEqual({ delay: 30, url: null })
    expect(parseRefresh('2.5, /a')).toEqual({ delay: 2, url: '/a' })
    expect(parseRefresh('soon')).toBeNull()
  })
  it('counts delays above 0 up to 20 hours', () => {
    expect(isTimedRefresh({ delay: 0, url: '/a' })).toBe(false)
    expect(isTimedRefresh({ delay: 1, url: null })).toBe(true)
    expect(isTimedRefresh({ delay: 72_000, url: null })).toBe(true)
    expect(isTimedRefresh({ delay: 72_001, url: null })).toBe(false)
  })
  it('turns redirects seen while the page was left alone into nodes', () => {
    const nodes = observedRedirectNodes([
      { url: 'http://x/next', afterMs: 3_200, phase: 'passive' },
      { url: 'http://x/focus', afterMs: 5_000, phase: 'interactive' },
    ])
    expect(nodes).toHaveLength(1)
    expect(nodes[0]?.failureSummary).toBe('页面加载约 3 秒后由脚本自动跳转到 http://x/next')
  })
})

describe('keyboard walk verdicts', () => {
  it('finds the set focus cycles in', () => {
    expect(findCycle(['e1', 'e2', 'e3'])).toBeNull()
    expect(findCycle(['e1', 'e2', 'e3', 'e2'])).toEqual(['e2', 'e3'])
    expect(findCycle(['e1', 'e1'])).toEqual(['e1'])
  })
  it('lets Tab pass through a cross-origin frame, but not forever', () => {
    expect(findCycle(['e1', 'f2:?', 'f2:?', 'f2:?', 'e3'])).toBeNull()
    expect(findCycle(['e1', ...Array<string>(OPAQUE_FRAME_TRAP).fill('f2:?')])).toEqual(['f2:?'])
    expect(findCycle(['f2:?', 'e3', 'f2:?'])).toEqual(['f2:?', 'e3'])
  })
  it('lists candidates never reached', () => {
    expect(unreachedKeys(['e1', 'e2', 'e3'], ['e1', 'e3'])).toEqual(['e2'])
  })
})

describe('aa-ageing-entry labels', () => {
  it.each([
    '无障碍浏览',
    '无障碍',
    '适老化版',
    '长者模式',
    '关怀版',
    '长辈版',
    '大字版',
    '無障礙',
    'Accessibility',
  ])('recognises %s', (label) => expect(isEntryLabel(label)).toBe(true))
  it('ignores headlines that merely mention accessibility', () => {
    expect(isEntryLabel('我区召开无障碍环境建设推进会，部署信息无障碍改造工作')).toBe(false)
    expect(isEntryLabel('政务公开')).toBe(false)
  })
})

describe('contrast maths (page helpers, run in Node)', () => {
  const h = pageHelpers()
  it('parses computed colours', () => {
    expect(h.parseColor('rgb(17, 17, 17)')).toEqual([17, 17, 17, 1])
    expect(h.parseColor('rgba(0, 0, 0, 0.5)')).toEqual([0, 0, 0, 0.5])
    expect(h.parseColor('rgb(0 0 0 / 50%)')).toEqual([0, 0, 0, 0.5])
    expect(h.parseColor('transparent')).toEqual([0, 0, 0, 0])
    expect(h.parseColor('oklch(0.5 0.1 200)')).toBeNull()
  })
  it('computes WCAG contrast ratios', () => {
    expect(h.contrast([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 5)
    expect(roundRatio(h.contrast([118, 118, 118, 1], [255, 255, 255, 1]))).toBe(4.54)
    expect(roundRatio(h.contrast([170, 170, 170, 1], [255, 255, 255, 1]))).toBe(2.32)
    expect(h.blend([0, 0, 0, 0.5], [255, 255, 255, 1])).toEqual([127.5, 127.5, 127.5, 1])
  })
})

describe('aa-html-conformance', () => {
  it('turns raw-source issues into nodes with line, snippet and a line-independent fingerprint', () => {
    const source =
      '<!DOCTYPE html>\n<html lang="zh-CN"><body>\n<center><font color=red>旧</font></center>\n<a href="/a" href="/b">x</a>\n</body></html>'
    const [outcome] = conformanceOutcome(source, 50)
    expect(outcome?.ruleId).toBe('aa-html-conformance')
    expect(outcome?.nodes.map((n) => n.selector)).toEqual([
      '源码第 3 行第 1 列',
      '源码第 3 行第 9 列',
      '源码第 4 行第 14 列',
    ])
    expect(outcome?.nodes[0]?.html).toBe('<center><font color=red>旧</font></center>')
    const shifted = conformanceOutcome(source.replace('<body>\n', '<body>\n<p>新增一行</p>\n'), 50)[0]
    expect(shifted?.nodes.map((n) => n.fingerprint)).toEqual(outcome?.nodes.map((n) => n.fingerprint))
    expect(conformanceOutcome('<!DOCTYPE html><html lang="zh"><body><p>好</p></body></html>', 50)).toEqual([])
    expect(conformanceOutcome(null, 50)).toEqual([expect.objectContaining({ needsReview: true, nodes: [] })])
  })
})

describe('script-timed redirects', () => {
  it('recognises callbacks that navigate', () => {
    for (const src of [
      "() => { location.href = '/next' }",
      'function(){window.location="/a"}',
      "location.replace('/x')",
      'top.location.assign(u)',
      'location.reload()',
    ])
      expect(isRedirectSource(src), src).toBe(true)
    for (const src of ['() => slide(1)', 'if (location.href === x) show()', 'console.log(location.pathname)'])
      expect(isRedirectSource(src), src).toBe(false)
  })

  it('waits for timers due within the watch window only', () => {
    const t = (dueInMs: number) => ({ kind: 'timeout' as const, delayMs: 3_000, dueInMs, source: '' })
    expect(waitForTimersMs([t(1_200), t(800)], 5_000)).toBe(1_500)
    expect(waitForTimersMs([t(-10), t(30_000)], 5_000)).toBe(0)
    expect(waitForTimersMs([], 5_000)).toBe(0)
  })
})
