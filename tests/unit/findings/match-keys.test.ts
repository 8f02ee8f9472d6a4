import { describe, expect, it } from 'vitest'
import {
  manualCheckIdOf,
  manualMatchKey,
  parseMatchKey,
  siteMatchKey,
  webMatchKey,
  webRuleIdOf,
  webRuleKey,
} from '../../../electron/core/findings/match-keys'

describe('finding match keys', () => {
  it('makes and reads back every form', () => {
    expect(parseMatchKey(siteMatchKey(3, 17, 'ramp.slope'))).toEqual({
      kind: 'site',
      placeId: 3,
      elementId: 17,
      checkId: 'ramp.slope',
    })
    expect(parseMatchKey(manualMatchKey(2, 'ageing-voice'))).toEqual({
      kind: 'manual',
      portalId: 2,
      checkId: 'ageing-voice',
    })
    expect(parseMatchKey(webRuleKey(2, 'image-alt'))).toEqual({
      kind: 'web-rule',
      portalId: 2,
      ruleId: 'image-alt',
    })
  })

  it('reads a web key whose page URL holds colons and a port, normalised', () => {
    const key = webMatchKey(5, 'color-contrast', 'HTTP://Gov.Example:8080/a:b?x=1#top', 'f1a2~2')
    expect(key).toBe('web:portal:5:color-contrast:http://gov.example:8080/a:b?x=1:f1a2~2')
    expect(parseMatchKey(key)).toEqual({
      kind: 'web',
      portalId: 5,
      ruleId: 'color-contrast',
      pageUrl: 'http://gov.example:8080/a:b?x=1',
      fingerprint: 'f1a2~2',
    })
    expect(webRuleIdOf(key)).toBe('color-contrast')
  })

  it('answers null or empty for text that is not a key of the form asked', () => {
    expect(parseMatchKey('nonsense')).toBeNull()
    expect(manualCheckIdOf(webRuleKey(1, 'image-alt'))).toBeNull()
    expect(manualCheckIdOf(manualMatchKey(1, 'keyboard-trap'))).toBe('keyboard-trap')
    expect(webRuleIdOf(siteMatchKey(1, 2, 'x'))).toBe('')
  })
})
