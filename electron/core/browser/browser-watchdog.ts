import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Chromium must not outlive the process that launched it: a CLI or browser-door server killed with `kill -9`
 * (or a crash) runs no exit handler, and puppeteer's own cleanup lives in such handlers, so the browser (about
 * 1 GB with its renderers) would keep running. A watchdog does it instead: a tiny shell started beside the
 * browser whose stdin is a pipe from this process. It waits for the end of that pipe — the operating system
 * closes it when this process ends, however it ends — and then kills the browser's process group (puppeteer
 * starts Chromium as a group leader on POSIX) or, on Windows, the browser's process tree.
 *
 * When the browser closes normally the watchdog is stopped first, so it never signals a reused process id.
 */

export interface Watchdog {
  /** Stops the watchdog without touching the browser (the browser closed by itself). */
  stop: () => void
}

function watchdogCommand(pid: number): { file: string; args: string[] } {
  if (process.platform === 'win32') {
    // findstr reads stdin until the pipe closes, then taskkill ends the browser and its children.
    return {
      file: process.env.ComSpec ?? 'cmd.exe',
      args: ['/d', '/s', '/c', `findstr "^$" >nul & taskkill /T /F /PID ${pid} >nul 2>&1`],
    }
  }
  const script = 'while read -r _; do :; done; kill -9 -- "-$0" 2>/dev/null || kill -9 "$0" 2>/dev/null'
  return { file: '/bin/sh', args: ['-c', script, String(pid)] }
}

/** Watches `browser` (a launched child process); a no-op when it has no pid (already gone). */
export function watchBrowserProcess(browser: ChildProcess | null | undefined): Watchdog {
  const pid = browser?.pid
  if (!browser || !pid) return { stop: () => undefined }
  const { file, args } = watchdogCommand(pid)
  let dog: ChildProcess | null
  try {
    // Own process group: a Ctrl+C in the terminal reaches this process (which closes the browser itself), not
    // the watchdog. unref: the watchdog never keeps this process alive.
    dog = spawn(file, args, { stdio: ['pipe', 'ignore', 'ignore'], detached: true, windowsHide: true })
  } catch {
    return { stop: () => undefined }
  }
  dog.on('error', () => undefined) // no shell: the browser is then only closed by the usual exit handlers
  dog.stdin?.on('error', () => undefined)
  dog.unref()
  ;(dog.stdin as unknown as { unref?: () => void } | null)?.unref?.()
  const stop = () => {
    if (!dog) return
    dog.kill('SIGKILL')
    dog = null
  }
  browser.once('exit', stop)
  return { stop }
}
