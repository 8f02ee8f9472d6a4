import { describe, expect, it } from 'vitest'
import {
  disambiguate,
  elementFingerprint,
  looksGenerated,
  partsFingerprint,
  stableClasses,
  urlPath,
} from '../../../../electron/core/web-audits/page/fingerprint'
import type { ElementFacts } from '../../../../electron/core/web-audits/page/page-helpers'

const link: ElementFacts = {
  tag: 'a',
  id: '',
  classes: ['news-link', 'active'],
  name: '关于开展无障碍环境建设专项检查的通知',
  href: 'http://www.example.gov.cn/tzgg/2024/0501.html?from=index#top',
  role: '',
  landmark: 'main|',
  landmarkId: 'content',
  heading: '通知公告',
  siblingIndex: 3,
}

describe('looksGenerated', () => {
  it.each([
    'ember123',
    'yui_3_5_1_2',
    'ext-gen1234',
    ':r1:',
    '«r3»',
    'mui-37',
    'a1b2c3d4e5f6a7b8',
    'x-123',
    'j_idt12',
  ])('treats %s as generated', (id) => expect(looksGenerated(id)).toBe(true))
  it.each(['main', 'wza-entry', 'nav1', 'search-box', 'footer', 'zwgk_list'])('keeps %s', (id) =>
    expect(looksGenerated(id)).toBe(false),
  )
})

describe('stableClasses', () => {
  it('drops state and generated classes, sorts and caps', () => {
    expect(
      stableClasses([
        'nav-item',
        'active',
        'is-open',
        'css-1x2y3z',
        'item-12345',
        'swiper-slide-active',
        'a',
      ]),
    ).toEqual(['a', 'nav-item'])
    expect(stableClasses(['e', 'd', 'c', 'b', 'a', 'a'])).toEqual(['a', 'b', 'c', 'd'])
  })
})

describe('urlPath', () => {
  it('keeps the path only', () => {
    expect(urlPath('https://x.gov.cn/a/b.html?id=1#x')).toBe('/a/b.html')
    expect(urlPath('javascript:void(0)')).toBe('javascript:')
    expect(urlPath('')).toBe('')
    expect(urlPath('not a url')).toBe('')
  })
})

describe('elementFingerprint', () => {
  const base = elementFingerprint(link)

  it('is a 16-digit hex string and deterministic', () => {
    expect(base).toMatch(/^[0-9a-f]{16}$/)
    expect(elementFingerprint({ ...link })).toBe(base)
  })

  it('survives layout shifts: sibling position, state classes, query strings, whitespace', () => {
    expect(elementFingerprint({ ...link, siblingIndex: 7 })).toBe(base)
    expect(elementFingerprint({ ...link, classes: ['news-link', 'hover', 'current'] })).toBe(base)
    expect(
      elementFingerprint({ ...link, href: 'http://www.example.gov.cn/tzgg/2024/0501.html?from=list' }),
    ).toBe(base)
    expect(elementFingerprint({ ...link, name: ` ${link.name}\n ` })).toBe(base)
    expect(elementFingerprint({ ...link, id: 'ember4711' })).toBe(base)
  })

  it('tells different elements apart', () => {
    expect(elementFingerprint({ ...link, name: '另一条通知' })).not.toBe(base)
    expect(elementFingerprint({ ...link, heading: '政策解读' })).not.toBe(base)
    expect(elementFingerprint({ ...link, tag: 'button' })).not.toBe(base)
    expect(elementFingerprint(link, '/frame.html')).not.toBe(base)
  })

  it('uses the sibling position only for elements with nothing else to identify them', () => {
    const img: ElementFacts = { ...link, tag: 'img', name: '', href: '', classes: [] }
    expect(elementFingerprint({ ...img, siblingIndex: 1 })).not.toBe(
      elementFingerprint({ ...img, siblingIndex: 2 }),
    )
  })
})

describe('disambiguate and partsFingerprint', () => {
  it('numbers repeated fingerprints in order', () => {
    expect(disambiguate(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a~2', 'a~3'])
  })
  it('separates kinds', () => {
    expect(partsFingerprint('page', ['x'])).not.toBe(partsFingerprint('source', ['x']))
  })
})
