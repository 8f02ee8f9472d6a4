import { spawn, type ChildProcess } from 'node:child_process'

export interface RunningWebDoor {
  /** The printed address including ?token=… */
  url: string
  origin: string
  stop: () => Promise<void>
}

/**
 * Starts the real browser door as a user would (`access-audit web`) on a temporary data folder and waits for the
 * address it prints. The renderer is built once by the e2e global setup (the first half of `npm run web`).
 */
export function startWebDoor(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningWebDoor> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['electron/cli/bin.mjs', 'web', '--data-dir', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Extra variables for the child, e.g. ACCESS_AUDIT_CHROME_ARGS for the audit browser on a closed network.
      env: { ...process.env, ...env },
    },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web door did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        const url = match[1]
        resolve({
          url,
          origin: new URL(url).origin,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGTERM')
            }),
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web door exited with ${code}:\n${output}`))
    })
  })
}
