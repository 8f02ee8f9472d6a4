import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../support/temp-dir'

const run = promisify(execFile)
const bin = path.resolve('electron/cli/bin.mjs')
let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('access-audit CLI', () => {
  it('prints help in zh-CN with its commands', async () => {
    const { code, stdout } = await cli(['--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('access-audit')
    for (const command of ['web', 'backup', 'info']) expect(stdout).toContain(command)
    expect(stdout).toContain('--data-dir')
  })

  it('backs up the database with --data-dir and refuses to overwrite', async () => {
    const target = path.join(dir, 'out', 'backup.sqlite')
    const first = await cli(['--data-dir', path.join(dir, 'data'), 'backup', target])
    expect(first.code).toBe(0)
    const copy = new Database(target, { readonly: true })
    expect(copy.prepare('SELECT COUNT(*) FROM units').pluck().get()).toBeGreaterThan(5)
    copy.close()
    const second = await cli(['--data-dir', path.join(dir, 'data'), 'backup', target])
    // A refusal the command line fixes (another file name): exit 2, as for every refused output path.
    expect(second.code).toBe(2)
    expect(second.stderr).toContain('目标文件已存在')
  })

  it('uses ACCESS_AUDIT_DATA_DIR when no flag is given', async () => {
    const { stdout } = await cli(['info', '--json'], { ACCESS_AUDIT_DATA_DIR: path.join(dir, 'env-data') })
    expect(JSON.parse(stdout)).toMatchObject({
      dataDir: path.join(dir, 'env-data'),
      schemaVersion: expect.any(Number),
    })
  })

  it('reports a corrupt database in zh-CN without a stack trace and leaves it alone', async () => {
    fs.mkdirSync(path.join(dir, 'bad'))
    fs.writeFileSync(path.join(dir, 'bad', 'access-audit.sqlite'), 'garbage')
    const { code, stderr } = await cli(['--data-dir', path.join(dir, 'bad'), 'info'])
    expect(code).toBe(1)
    expect(stderr).toContain('数据库文件已损坏')
    expect(stderr).not.toContain('    at ')
    expect(fs.readFileSync(path.join(dir, 'bad', 'access-audit.sqlite'), 'utf8')).toBe('garbage')
  })

  it('prints the check catalog as a table and as JSON with inputs, units and clauses', async () => {
    const table = await cli(['catalog'])
    expect(table.code).toBe(0)
    expect(table.stdout).toContain('ramp.slope')
    expect(table.stdout).toContain('★GB 55019-2021')
    const json = JSON.parse((await cli(['catalog', '--json'])).stdout) as {
      version: string
      checks: Array<{ id: string; inputs: Array<{ id: string; unit?: string }>; clauses: unknown[] }>
    }
    expect(json.version).toMatch(/^\d+\.\d+\.\d+$/)
    const slope = json.checks.find((c) => c.id === 'ramp.slope')
    expect(slope?.inputs.find((i) => i.id === 'rise')?.unit).toBe('mm')
    expect(slope?.clauses.length).toBeGreaterThan(0)
    const unknown = await cli(['catalog', '--catalog', 'ada-2010'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('未知的检查目录')
  })

  it('exits 2 on a usage error', async () => {
    const { code } = await cli(['frobnicate'])
    expect(code).toBe(2)
  })
})
