import { describe, expect, it } from 'vitest'
import {
  checkAuditUrl,
  classifyNavigationError,
  PageAuditError,
  toPageAuditError,
} from '../../../../electron/core/web-audits/page/failure'
import { StepTimeoutError } from '../../../../electron/core/web-audits/page/timing'

describe('classifyNavigationError', () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['net::ERR_NAME_RESOLUTION_FAILED at http://x', 'dns'],
    ['net::ERR_TOO_MANY_REDIRECTS', 'redirect-loop'],
    ['net::ERR_CONNECTION_REFUSED', 'connection'],
    ['net::ERR_CONNECTION_RESET', 'connection'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'connection'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'connection'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'connection'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'connection'],
    ['net::ERR_EMPTY_RESPONSE', 'connection'],
    ['net::ERR_ABORTED', 'not-html'],
    ['Protocol error (Page.navigate): Target closed', 'crash'],
    ['something odd', 'internal'],
  ] as const)('%s → %s', (message, reason) => {
    const e = classifyNavigationError(message, 'http://www.example.gov.cn/')
    expect(e.reason).toBe(reason)
    expect(e.messageZh).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('names the host for DNS failures and the code for connection failures', () => {
    expect(
      classifyNavigationError('net::ERR_NAME_NOT_RESOLVED', 'http://a.example.gov.cn/x').messageZh,
    ).toContain('a.example.gov.cn')
    expect(classifyNavigationError('net::ERR_CONNECTION_REFUSED', 'http://x/').messageZh).toContain(
      'net::ERR_CONNECTION_REFUSED',
    )
  })
})

describe('toPageAuditError', () => {
  it('keeps PageAuditErrors, maps timeouts of page calls and crashes', () => {
    const own = new PageAuditError('timeout', '超时')
    expect(toPageAuditError(own, 'http://x/')).toBe(own)
    expect(toPageAuditError(new StepTimeoutError('页面脚本执行', 5000), 'http://x/').reason).toBe(
      'audit-timeout',
    )
    expect(toPageAuditError(new Error('Protocol error: Session closed'), 'http://x/').reason).toBe('crash')
    expect(toPageAuditError(new Error('net::ERR_NAME_NOT_RESOLVED'), 'http://x/').reason).toBe('dns')
    expect(toPageAuditError('weird', 'http://x/').reason).toBe('internal')
  })
})

describe('checkAuditUrl', () => {
  it('accepts http and https only', () => {
    expect(checkAuditUrl('http://www.example.gov.cn/')).toBeNull()
    expect(checkAuditUrl('https://www.example.gov.cn/a?b=1')).toBeNull()
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ftp://x/',
      'data:text/html,x',
      '',
      'www.x.cn',
    ])
      expect(checkAuditUrl(url)?.reason, url).toBe('invalid-url')
  })
})
