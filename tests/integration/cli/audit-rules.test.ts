import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../../electron/core/open-core'
import { runCli } from '../../support/run-cli'
import { makeTempDir } from '../../support/temp-dir'
import { startTestSite, type TestSite } from '../web-audits/batch/test-site'

/**
 * The CLI follows the app's rules (issue 11, item 3): an archived portal is refused with the app's message, flags
 * change only the run, an unregistered URL is audited without registering a unit-less portal, and a batch where
 * every page failed ends with its own line and exit code. Plus the URL list's edge cases and the browser flags.
 */

let site: TestSite
let dir: string
let cleanup: () => void
const data = () => path.join(dir, 'data')

beforeAll(async () => {
  site = await startTestSite()
  ;({ dir, cleanup } = makeTempDir('access-audit-cli-rules-'))
})
afterAll(async () => {
  await site.close()
  cleanup()
})

const audit = (...args: string[]) => runCli(['--data-dir', data(), 'audit', ...args, '--min-interval', '0'])

/** Work on the data folder in this process between CLI runs (the CLI opens it itself). */
function withCore<T>(work: (core: ReturnType<typeof openCore>) => T): T {
  const core = openCore(data(), 'test')
  try {
    return work(core)
  } finally {
    core.close()
  }
}

async function call<T>(op: string, input: unknown): Promise<T> {
  const core = openCore(data(), 'test')
  try {
    const result = await core.dispatch('cli')(op, input)
    if (!result.ok) throw new Error(result.error.message)
    return result.data as T
  } finally {
    core.close()
  }
}

interface PortalView {
  id: number
  version: number
  maxPages: number
  maxDepth: number
  include: string[]
}

describe('access-audit audit follows the app’s rules', { timeout: 120_000 }, () => {
  it('uses flags for this run only: the portal’s saved settings and version stay as they were', async () => {
    const portal = await call<PortalView>('portals:create', {
      name: '测试门户',
      startUrl: `${site.origin}/`,
      maxPages: 80,
      maxDepth: 2,
      include: ['/news/**'],
    })
    const result = await audit(`${site.origin}/`, '--depth', '0', '--max-pages', '1', '--fail-on', 'critical')
    expect(result.stderr).not.toContain('    at ')
    const after = await call<PortalView>('portals:get', { id: portal.id })
    expect(after).toMatchObject({ version: portal.version, maxPages: 80, maxDepth: 2, include: ['/news/**'] })
    const options = withCore((core) =>
      JSON.parse(
        core.ctx.db.prepare('SELECT options_json FROM audit_runs ORDER BY id DESC').pluck().get() as string,
      ),
    )
    // The run used the flags where given and the portal's settings elsewhere.
    expect(options).toMatchObject({ maxDepth: 0, maxPages: 1, include: ['/news/**'] })
  })

  it('refuses an archived portal with the app’s message and audits nothing', async () => {
    const portal = await call<PortalView & { name: string }>('portals:create', {
      name: '已停用门户',
      startUrl: `${site.origin}/about`,
    })
    await call('portals:setArchived', { id: portal.id, archived: true })
    const runsBefore = withCore((core) =>
      core.ctx.db.prepare('SELECT COUNT(*) FROM audit_runs').pluck().get(),
    )
    const result = await audit(`${site.origin}/about`, '--depth', '0')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('网站“已停用门户”已归档，不能检测；如需检测，请先在该网站页面点“恢复”')
    expect(withCore((core) => core.ctx.db.prepare('SELECT COUNT(*) FROM audit_runs').pluck().get())).toBe(
      runsBefore,
    )
  })

  it('audits an unregistered URL without registering a portal, and says so', async () => {
    const portalsBefore = withCore((core) =>
      core.ctx.db.prepare('SELECT COUNT(*) FROM portals').pluck().get(),
    )
    const reports = path.join(dir, 'reports')
    const result = await audit(
      `${site.origin}/clean`,
      '--depth',
      '0',
      '--fail-on',
      'critical',
      '--out',
      path.join(reports, 'r.json'),
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('尚未登记为网站')
    expect(JSON.parse(fs.readFileSync(path.join(reports, 'r.json'), 'utf8')).portals[0]).toMatchObject({
      startUrl: `${site.origin}/clean`,
      status: 'completed',
    })
    // Written through the one atomic writer: the report alone, no temporary or .partial file beside it.
    expect(fs.readdirSync(reports)).toEqual(['r.json'])
    withCore((core) => {
      expect(core.ctx.db.prepare('SELECT COUNT(*) FROM portals').pluck().get()).toBe(portalsBefore)
      expect(
        core.ctx.db.prepare('SELECT portal_id FROM audit_runs ORDER BY id DESC').pluck().get(),
      ).toBeNull()
    })
  })

  it('tells a batch where every page failed from a finished one (exit 4), and reads a URL with a comma whole', async () => {
    const list = path.join(dir, 'broken.txt')
    fs.writeFileSync(list, `${site.origin}/error500,copy.html\n`)
    const result = await audit(list, '--depth', '0')
    expect(result.code).toBe(4)
    const lines = result.stderr.trim().split('\n')
    expect(lines.at(-1)).toMatch(/^✗ 检测失败：1 个网站没有任何页面检测成功/)
    expect(result.stderr).not.toMatch(/✓|检测完成/)
    expect(JSON.parse(result.stdout).portals[0].startUrl).toBe(`${site.origin}/error500,copy.html`)
  })

  it('refuses --out naming the live database before auditing anything, and the database stays whole', async () => {
    const runsBefore = withCore((core) =>
      core.ctx.db.prepare('SELECT COUNT(*) FROM audit_runs').pluck().get(),
    )
    const result = await audit(`${site.origin}/clean`, '--out', path.join(data(), 'access-audit.sqlite'))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^错误：/)
    expect(result.stderr).toContain('数据库')
    expect(withCore((core) => core.ctx.db.prepare('SELECT COUNT(*) FROM audit_runs').pluck().get())).toBe(
      runsBefore,
    )
  })

  it('prints the reason of every line when no line of a list can be read', async () => {
    const list = path.join(dir, 'all-bad.csv')
    fs.writeFileSync(list, 'not a url\nftp://files.example/a\n"未闭合,引号\n')
    const result = await audit(list)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('没有可检测的网址')
    for (const line of ['第 1 行', '第 2 行', '第 3 行']) expect(result.stderr).toContain(line)
    expect(result.stderr).toContain('ftp')
  })

  it('refuses browser flags that could run commands, from the command line and from the environment', async () => {
    const flag = await audit(`${site.origin}/clean`, '--browser-arg=--renderer-cmd-prefix=/bin/touch')
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('不允许的浏览器启动参数 --renderer-cmd-prefix')
    const env = await runCli(['--data-dir', data(), 'audit', `${site.origin}/clean`, '--depth', '0'], {
      ACCESS_AUDIT_CHROME_ARGS: '--proxy-server=127.0.0.1:9 --no-sandbox --renderer-cmd-prefix=/bin/touch',
    })
    expect(env.code).toBe(1)
    expect(env.stderr).toContain('不允许的浏览器启动参数：--no-sandbox、--renderer-cmd-prefix')
    expect(env.stderr).not.toContain('    at ')
  })
})
