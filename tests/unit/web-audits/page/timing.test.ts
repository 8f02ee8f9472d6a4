import { describe, expect, it } from 'vitest'
import {
  secondsText,
  sleep,
  StepTimeoutError,
  withTimeout,
} from '../../../../electron/core/web-audits/page/timing'

describe('timing', () => {
  it('withTimeout resolves in time and rejects late calls with StepTimeoutError', async () => {
    await expect(withTimeout(Promise.resolve(1), 100, 'x')).resolves.toBe(1)
    await expect(withTimeout(sleep(200), 20, '等待')).rejects.toBeInstanceOf(StepTimeoutError)
    await expect(withTimeout(new Promise(() => {}), 0, '等待')).rejects.toMatchObject({ ms: 0 })
  })

  it('does not leak the late rejection of an abandoned call', async () => {
    const late = sleep(30).then(() => Promise.reject(new Error('late')))
    await expect(withTimeout(late, 5, 'x')).rejects.toBeInstanceOf(StepTimeoutError)
    await sleep(50) // an unhandled rejection would fail the run here
  })

  it('writes seconds for zh-CN messages', () => {
    expect(secondsText(15_000)).toBe('15 秒')
    expect(secondsText(200)).toBe('0.2 秒')
    expect(secondsText(1_500)).toBe('1.5 秒')
  })
})
