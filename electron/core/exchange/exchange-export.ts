import fs from 'node:fs'
import { ApiError } from '../../../shared/api/errors'
import {
  exchangeFormat,
  exchangeFormatVersion,
  maxPackageBytes,
  type ExchangeExportSummary,
} from '../../../shared/domain/exchange'
import { makeGlobalId } from '../../../shared/domain/global-id'
import type { CoreContext } from '../context'
import { dataLayout } from '../data-layout'
import { loadInstallation } from '../db/installation'
import { latestSchemaVersion } from '../db/migrations/index'
import type { PhotoStorePort } from '../inspections/inspection-photos'
import { safeFileName } from '../rectification/notice-exports'
import { RecordIndex, toGlobal } from './exchange-records'
import { isPackagePath, writePackage } from './exchange-package'
import { contentHash, exchangeShapes, quoteName, type TableShape } from './exchange-tables'
import { aliasesKey, historyKey, versionKey, VersionStore } from './exchange-versions'
import { readTeamKey } from './team-key'

/**
 * Export: every travelling record (or, with `since`, those made or changed on or after that day, with the
 * records they refer to so the package stands on its own), each with the version it was last agreed on
 * (`_base`, which lets the importer tell "changed here only" from "changed on both sides"), plus the photo
 * originals and the element screenshots of the runs in it. Read in one transaction: one consistent moment.
 */

export interface ExportDeps {
  ctx: CoreContext
  photos: Pick<PhotoStorePort, 'readOriginal' | 'exists'>
}

export interface ExportedPackage {
  bytes: Buffer
  fileName: string
  summary: ExchangeExportSummary
}

const timeColumns = [
  'created_at',
  'updated_at',
  'submitted_at',
  'started_at',
  'finished_at',
  'checked_at',
  'at',
  'proposed_at',
  'decided_at',
  'notified_at',
  'verified_at',
]

type Row = Record<string, unknown> & { rowid: number }

interface Selection {
  shape: TableShape
  rows: Row[]
  included: Set<number>
}

function select(ctx: CoreContext, shapes: TableShape[], since: string | undefined): Map<string, Selection> {
  const { db } = ctx
  const selections = new Map<string, Selection>()
  // Which row a reference points at: by the referenced column's value.
  const lookup = new Map<string, Map<unknown, number>>()
  const rowidOf = (table: string, column: string, value: unknown): number | undefined => {
    const key = `${table}.${column}`
    let map = lookup.get(key)
    if (!map) {
      map = new Map()
      for (const row of selections.get(table)?.rows ?? []) map.set(row[column], row.rowid)
      lookup.set(key, map)
    }
    return map.get(value)
  }
  for (const shape of shapes) {
    const rows = db
      .prepare(`SELECT rowid AS rowid, * FROM ${quoteName(shape.name)} ORDER BY rowid`)
      .all() as Row[]
    const times = timeColumns.filter((c) => shape.columns.includes(c))
    const included = new Set<number>()
    for (const row of rows) {
      if (since === undefined) included.add(row.rowid)
      else if (times.length > 0) {
        if (times.some((c) => typeof row[c] === 'string' && (row[c] as string) >= since))
          included.add(row.rowid)
      } else if (
        // A part without a time of its own (a facility, a photo's place on it) goes with what it belongs to.
        shape.references.some((ref) => {
          if (ref.table === shape.name) return false
          const target = rowidOf(ref.table, ref.to, row[ref.column])
          return target !== undefined && selections.get(ref.table)!.included.has(target)
        })
      )
        included.add(row.rowid)
    }
    selections.set(shape.name, { shape, rows, included })
  }
  if (since === undefined) return selections
  // Then everything the chosen records refer to, so the package can be imported where those are missing.
  for (const shape of [...shapes].reverse()) {
    const selection = selections.get(shape.name)!
    let grew = true
    while (grew) {
      grew = false
      for (const row of selection.rows) {
        if (!selection.included.has(row.rowid)) continue
        for (const ref of shape.references) {
          if (row[ref.column] === null || row[ref.column] === undefined) continue
          const target = rowidOf(ref.table, ref.to, row[ref.column])
          const targetSelection = selections.get(ref.table)!
          if (target !== undefined && !targetSelection.included.has(target)) {
            targetSelection.included.add(target)
            if (ref.table === shape.name) grew = true
          }
        }
      }
    }
  }
  return selections
}

export async function exportPackage(
  deps: ExportDeps,
  input: { since?: string | undefined },
): Promise<ExportedPackage> {
  const { ctx } = deps
  const { db } = ctx
  const shapes = exchangeShapes(db)
  const index = new RecordIndex(db)
  const installation = loadInstallation(db)
  const versions = new VersionStore(db)
  const identity = (table: string, g: string) => index.identityOf(table, g)
  const aliasesOf = db
    .prepare('SELECT alias_id FROM exchange_aliases WHERE table_name = ? AND record_id = ? ORDER BY alias_id')
    .pluck()

  // One write transaction: a consistent moment, and the versions exported are remembered as known here.
  const { records, photoFiles, runs } = db
    .transaction(() => {
      const selections = select(ctx, shapes, input.since)
      const records = new Map<string, unknown[]>()
      const photoFiles: Array<{ sha256: string; ext: string }> = []
      const runs: Array<{ id: number; globalId: string }> = []
      for (const { shape, rows, included } of selections.values()) {
        const out: unknown[] = []
        for (const row of rows) {
          if (!included.has(row.rowid)) continue
          const record = toGlobal(shape, row, index)
          const globalId = record.global_id as string
          // The version it is at; a change made here since its last exchange becomes a version of its own.
          const hash = contentHash(shape, record, identity)
          const version = versions.current(shape.name, globalId, hash)
          versions.setHead(shape.name, globalId, { version, hash }, null)
          const history = [...versions.known(shape.name, globalId)].sort()
          const aliases = aliasesOf.all(shape.name, globalId) as string[]
          out.push({
            ...record,
            [versionKey]: version,
            [historyKey]: history,
            ...(aliases.length > 0 ? { [aliasesKey]: aliases } : {}),
          })
          if (shape.name === 'photos') photoFiles.push({ sha256: String(row.sha256), ext: String(row.ext) })
          if (shape.name === 'audit_runs') runs.push({ id: Number(row.id), globalId: String(row.global_id) })
        }
        if (out.length > 0) records.set(shape.name, out)
      }
      return { records, photoFiles, runs }
    })
    .immediate()

  const files = new Map<string, Uint8Array>()
  const counts: Record<string, number> = {}
  let total = 0
  const add = (name: string, bytes: Uint8Array) => {
    total += bytes.byteLength
    if (total > maxPackageBytes)
      throw new ApiError(
        'EXPORT_FAILED',
        `数据包超过 ${maxPackageBytes / 1024 / 1024} MB（照片和截图较多），请填写“起始日期”分批导出。未生成任何文件`,
      )
    files.set(name, bytes)
  }
  for (const [table, rows] of records) {
    add(`records/${table}.json`, Buffer.from(JSON.stringify(rows)))
    counts[table] = rows.length
  }
  // A photo whose original has gone from this folder travels as its record only (shown as 照片缺失 there too).
  for (const photo of photoFiles) {
    if (!deps.photos.exists(photo.sha256)) continue
    add(`photos/${photo.sha256}.${photo.ext}`, await deps.photos.readOriginal(photo.sha256))
  }
  const layout = dataLayout(ctx.dataDir)
  for (const run of runs) {
    let names: string[]
    try {
      names = fs.readdirSync(layout.runScreenshots(run.id))
    } catch {
      continue // a run without screenshots
    }
    for (const name of names.sort()) {
      const inPackage = `screenshots/${run.globalId}/${name}`
      if (!isPackagePath(inPackage)) continue
      add(inPackage, fs.readFileSync(`${layout.runScreenshots(run.id)}/${name}`))
    }
  }

  const teamKey = readTeamKey(db)
  const now = ctx.now()
  const packageId = makeGlobalId()
  const bytes = await writePackage(
    {
      manifest: {
        format: exchangeFormat,
        formatVersion: exchangeFormatVersion,
        schemaVersion: latestSchemaVersion,
        packageId,
        deviceId: installation.deviceId,
        inspector: installation.profileName,
        role: installation.role,
        appVersion: ctx.appVersion,
        createdAt: now.toISOString(),
        since: input.since ?? null,
        counts,
      },
      files,
    },
    teamKey,
  )
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  const who = safeFileName(installation.profileName ?? '未署名', 40)
  return {
    bytes,
    fileName: `交换数据包-${who}-${stamp}.zip`,
    summary: {
      packageId,
      records: Object.values(counts).reduce((a, b) => a + b, 0),
      files: files.size - records.size,
      signed: teamKey !== null,
    },
  }
}
