import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { desktopNodeProblem, requirements, satisfies } from '../../../electron/build/node-version.mjs'

/** `npm start` first checks the Node.js version and says in zh-CN what to install (package.json states both). */
describe('Node.js requirements', () => {
  const required = requirements(path.resolve(__dirname, '../../../package.json'))

  it('states the services’ and the desktop’s needs in package.json', () => {
    expect(required).toEqual({ services: '^20.19.0 || >=22.12.0', desktop: '>=22.12.0' })
  })

  it('reads the ranges package.json uses', () => {
    expect(satisfies('v20.19.0', required.services)).toBe(true)
    expect(satisfies('20.18.3', required.services)).toBe(false)
    expect(satisfies('22.11.0', required.services)).toBe(false)
    expect(satisfies('22.12.0', required.services)).toBe(true)
    expect(satisfies('24.1.0', required.desktop)).toBe(true)
    expect(() => satisfies('22.12.0', '~22.12')).toThrow('unsupported version range')
  })

  it('lets Node 22.12 start the desktop app, and tells a Node 20 user what to install and what still works', () => {
    expect(desktopNodeProblem('v22.12.0', required)).toBeNull()
    const message = desktopNodeProblem('v20.20.2', required)!
    expect(message).toContain('桌面应用需要 Node.js 22.12.0 或更高版本，当前为 20.20.2。')
    expect(message).toContain('nvm install 22')
    expect(message).toContain('浏览器模式（npm run web）')
    expect(desktopNodeProblem('v18.20.0', required)).toContain(
      '浏览器模式、命令行和测试也需要 Node.js ^20.19.0 || >=22.12.0',
    )
  })
})
