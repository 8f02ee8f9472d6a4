import { describe, expect, it } from 'vitest'
import { Command, CommanderError } from 'commander'
import {
  endpointLabel,
  endpointUrlProblem,
  farmSettingsSchema,
  FarmSpecError,
  parseEndpointSpec,
} from '../../../shared/web/browser-farm'
import { configureAuditCommand } from '../../../electron/cli/audit-command'

/** The one parser and validator of farm endpoints (CLI --browser-ws, 设置, the contract). */

describe('parseEndpointSpec', () => {
  it('reads a ws:// or wss:// URL, with #n as its pages at once (default 4)', () => {
    expect(parseEndpointSpec('ws://127.0.0.1:9222/devtools/browser/abc')).toEqual({
      url: 'ws://127.0.0.1:9222/devtools/browser/abc',
      concurrency: 4,
    })
    expect(parseEndpointSpec(' wss://farm.example:3000?token=1234#6 ')).toEqual({
      url: 'wss://farm.example:3000?token=1234',
      concurrency: 6,
    })
    expect(parseEndpointSpec('ws://grid:4444/session/5f1e/se/cdp#1').concurrency).toBe(1)
    expect(parseEndpointSpec('ws://grid:4444/session/5f1e/se/cdp#16').concurrency).toBe(16)
  })

  it('refuses other schemes, bad addresses and counts outside 1–16, in zh-CN', () => {
    const refused = (spec: string) => {
      try {
        parseEndpointSpec(spec)
      } catch (error) {
        expect(error).toBeInstanceOf(FarmSpecError)
        return (error as Error).message
      }
      throw new Error(`accepted ${spec}`)
    }
    expect(refused('http://farm:3000')).toBe(
      '远程浏览器地址须以 ws:// 或 wss:// 开头（“http://farm:3000”是 http 地址）',
    )
    expect(refused('farm:3000')).toContain('ws:// 或 wss://')
    expect(refused('not a url')).toBe('“not a url”不是有效的网址：远程浏览器地址应形如 ws://主机:端口/…')
    expect(refused('')).toBe('请填写远程浏览器地址（ws:// 或 wss:// 开头）')
    expect(refused('ws://farm:3000#0')).toContain('须为 1–16 的整数')
    expect(refused('ws://farm:3000#17')).toContain('须为 1–16 的整数')
    expect(refused('ws://farm:3000#two')).toContain('# 后应为数字')
    expect(refused('ws://farm:3000#')).toContain('# 后应为数字')
  })
})

describe('the 设置 list', () => {
  it('accepts an empty list (local browser) and valid endpoints', () => {
    expect(farmSettingsSchema.parse({ endpoints: [] })).toEqual({ endpoints: [] })
    expect(
      farmSettingsSchema.parse({ endpoints: [{ url: ' ws://a:3000?token=x ', concurrency: 2 }] }),
    ).toEqual({ endpoints: [{ url: 'ws://a:3000?token=x', concurrency: 2 }] })
  })

  it('names each bad field in zh-CN, and a duplicate endpoint', () => {
    const result = farmSettingsSchema.safeParse({
      endpoints: [
        { url: 'https://a', concurrency: 2 },
        { url: 'ws://b', concurrency: 0 },
        { url: 'ws://b', concurrency: 2.5 },
      ],
    })
    expect(result.success).toBe(false)
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message])
    expect(issues).toContainEqual([
      'endpoints.0.url',
      '远程浏览器地址须以 ws:// 或 wss:// 开头（“https://a”是 https 地址）',
    ])
    expect(issues).toContainEqual([
      'endpoints.1.concurrency',
      '每个远程浏览器同时检测的页面数须为 1–16 的整数',
    ])
    expect(issues).toContainEqual([
      'endpoints.2.concurrency',
      '每个远程浏览器同时检测的页面数须为 1–16 的整数',
    ])
    const dup = farmSettingsSchema.safeParse({
      endpoints: [
        { url: 'ws://b', concurrency: 1 },
        { url: 'ws://b ', concurrency: 2 },
      ],
    })
    expect(dup.error!.issues.map((i) => i.message)).toEqual(['远程浏览器地址“ws://b”重复填写'])
  })

  it('hides the token of an endpoint in messages', () => {
    expect(endpointLabel('ws://farm:3000?token=secret&x=1')).toBe('ws://farm:3000?token=…&x=…')
    expect(endpointLabel('ws://127.0.0.1:9222/devtools/browser/abc')).toBe(
      'ws://127.0.0.1:9222/devtools/browser/abc',
    )
    expect(endpointUrlProblem('ws://farm:3000/#x')).toContain('不能含 #')
  })
})

describe('access-audit audit --browser-ws', () => {
  function parse(args: string[]) {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined })
    const audit = configureAuditCommand(program.command('audit'), () => undefined)
    audit.action(() => undefined).exitOverride()
    program.parse(['node', 'access-audit', 'audit', 'http://gov.example/', ...args])
    return audit.opts()
  }

  it('is repeatable: one endpoint each, in order, with their own concurrency', () => {
    expect(parse([]).browserWs).toEqual([])
    expect(
      parse(['--browser-ws', 'ws://a:9222/devtools/browser/x', '--browser-ws', 'ws://b:3000?token=t#8'])
        .browserWs,
    ).toEqual([
      { url: 'ws://a:9222/devtools/browser/x', concurrency: 4 },
      { url: 'ws://b:3000?token=t', concurrency: 8 },
    ])
  })

  it('refuses a bad or repeated endpoint as a usage error, with the zh-CN reason', () => {
    const usage = (args: string[]) => {
      try {
        parse(args)
      } catch (error) {
        expect(error).toBeInstanceOf(CommanderError)
        return (error as CommanderError).message
      }
      throw new Error('accepted')
    }
    expect(usage(['--browser-ws', 'http://a:3000'])).toContain('须以 ws:// 或 wss:// 开头')
    expect(usage(['--browser-ws', 'ws://a#99'])).toContain('1–16')
    expect(usage(['--browser-ws', 'ws://a', '--browser-ws', 'ws://a#2'])).toContain('重复填写')
  })
})
