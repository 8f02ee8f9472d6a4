import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { makeTempDir } from '../../support/temp-dir'

export interface DoorProcess {
  port: number
  token: string
  dataDir: string
  child: ChildProcess
  stop: () => Promise<void>
}

/** Starts tests/security/support/door-process.ts on a fresh data folder and a tiny built "renderer". */
export function startDoorProcess(): Promise<DoorProcess> {
  const { dir, cleanup } = makeTempDir('access-audit-door-')
  const staticDir = path.join(dir, 'static')
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>无障碍督查</title>')
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  const dataDir = path.join(dir, 'data')
  const token = 'security-suite-token-0123456789abcdef'
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('tests/security/support/door-process.ts'), dataDir, staticDir, token],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /PORT (\d+)/.exec(output)
      if (match)
        resolve({
          port: Number(match[1]),
          token,
          dataDir,
          child,
          stop: () =>
            new Promise<void>((done) => {
              const finish = () => {
                cleanup()
                done()
              }
              if (child.exitCode !== null || child.signalCode !== null) return finish()
              child.once('exit', finish)
              child.kill('SIGTERM')
            }),
        })
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`door process exited (${code}):\n${output}`)))
  })
}

/**
 * Sends `text` as it is over a raw socket and returns what came back when the server closed the connection (or
 * when the client gives up, for requests that wait for a body that never comes: `endAfterSend`).
 */
export function rawRequest(port: number, text: string | Buffer, endAfterSend = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('close', done)
    socket.on('error', done)
    socket.write(text)
    if (endAfterSend) socket.end()
  })
}

export function statusOf(response: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(response)
  return match ? Number(match[1]) : null
}
