import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const bin = path.resolve('electron/cli/bin.mjs')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs `access-audit` as a user would (a child process) with the tests' Chromium and the closed-network proxy
 * (ACCESS_AUDIT_CHROME_ARGS), and returns its exit code and output, never throwing for a non-zero exit.
 */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: {
        ...process.env,
        CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        ACCESS_AUDIT_CHROME_ARGS: '--proxy-server=127.0.0.1:9',
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
