import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sessionsFolderName } from './database-file'

/**
 * How the app knows the previous shutdown was not clean: every process that opens the database leaves a marker
 * file in `access-audit.sqlite-sessions/` and removes it when it closes the database. A marker whose process is
 * gone — crashed, killed, or stopped by a power cut — means the database was last closed uncleanly, and the next
 * open runs SQLite's full `integrity_check` before writing anything (opening-database.ts).
 *
 * One marker per process, not one flag: the app, the browser door and CLI commands (a backup while the app runs)
 * may have the database open at once, and one closing must not vouch for another that is still running.
 * A marker's process is gone when the machine has restarted since (boot time), when no process has its pid, when
 * it was written on another computer (a data folder copied or moved while open), or when it cannot be read.
 */

interface Marker {
  pid: number
  host: string
  /** Boot time of the machine, in seconds since the epoch (rounded): a restart makes every marker stale. */
  boot: number
  openedAt: string
}

export function sessionsFolder(dataDir: string): string {
  return path.join(dataDir, sessionsFolderName)
}

function bootTime(): number {
  return Math.round(Date.now() / 1000 - os.uptime())
}

/** Markers this process wrote and still holds: its own pid on a foreign marker means a recycled pid. */
const ownMarkers = new Set<string>()

function processAlive(pid: number, file: string): boolean {
  if (pid === process.pid) return ownMarkers.has(file)
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isLive(marker: Partial<Marker>, file: string): boolean {
  return (
    typeof marker.pid === 'number' &&
    marker.host === os.hostname() &&
    typeof marker.boot === 'number' &&
    // Uptime is measured against a wall clock that may be adjusted; two minutes absorb that.
    Math.abs(marker.boot - bootTime()) <= 120 &&
    processAlive(marker.pid, file)
  )
}

/** The markers left by processes that are gone (their database was not closed cleanly). */
export function staleSessions(dataDir: string): string[] {
  const folder = sessionsFolder(dataDir)
  let names: string[]
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith('.json'))
  } catch {
    return []
  }
  return names
    .map((name) => path.join(folder, name))
    .filter((file) => {
      try {
        return !isLive(JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Marker>, file)
      } catch (error) {
        // Removed meanwhile by its own process: not stale. Unreadable or half-written: stale.
        return (error as NodeJS.ErrnoException).code !== 'ENOENT'
      }
    })
}

export function removeSessions(files: readonly string[]): void {
  for (const file of files) {
    fs.rmSync(file, { force: true })
    ownMarkers.delete(file)
  }
}

/** Writes this process's marker, flushed to disk (a power cut right after opening must still be seen). */
export function writeSession(dataDir: string): string {
  const folder = sessionsFolder(dataDir)
  fs.mkdirSync(folder, { recursive: true })
  const marker: Marker = {
    pid: process.pid,
    host: os.hostname(),
    boot: bootTime(),
    openedAt: new Date().toISOString(),
  }
  const file = path.join(folder, `${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`)
  const fd = fs.openSync(file, 'wx', 0o644)
  try {
    fs.writeSync(fd, JSON.stringify(marker))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  ownMarkers.add(file)
  return file
}
