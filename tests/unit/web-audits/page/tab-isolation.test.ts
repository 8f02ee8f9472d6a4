import type { CDPSession } from 'puppeteer-core'
import { describe, expect, it } from 'vitest'
import { resetHistory } from '../../../../electron/core/web-audits/page/tab-isolation'

/** A CDP session whose Page.resetNavigationHistory fails `failures` times with `message`, then succeeds. */
function fakeSession(failures: number, message: string): { cdp: CDPSession; calls: () => number } {
  let calls = 0
  const cdp = {
    send: async (method: string) => {
      expect(method).toBe('Page.resetNavigationHistory')
      calls++
      if (calls <= failures) throw new Error(`Protocol error (${method}): ${message}`)
      return {}
    },
  } as unknown as CDPSession
  return { cdp, calls: () => calls }
}

describe('resetHistory (a reused tab forgets the last page)', () => {
  it('waits out the moment after about:blank commits when the tab has no active page yet', async () => {
    // Without the retry this rejected, and the pool closed the warm tab and opened a cold one.
    const s = fakeSession(2, 'Not attached to an active page')
    await expect(resetHistory(s.cdp)).resolves.toBeUndefined()
    expect(s.calls()).toBe(3)
  })

  it('does not retry other errors: the tab is then really broken and is replaced', async () => {
    const s = fakeSession(1, 'Target closed')
    await expect(resetHistory(s.cdp)).rejects.toThrow(/Target closed/)
    expect(s.calls()).toBe(1)
  })
})
