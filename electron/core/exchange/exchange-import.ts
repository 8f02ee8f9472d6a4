import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import {
  exchangeTableLabels,
  type ExchangeImportReport,
  type ExchangeOutcome,
  type ExchangeTableCount,
} from '../../../shared/domain/exchange'
import { isGlobalId } from '../../../shared/domain/global-id'
import type { CoreContext } from '../context'
import { dataLayout } from '../data-layout'
import { latestSchemaVersion } from '../db/migrations/index'
import type { Db } from '../db/open-database'
import { inTransaction } from '../db/transaction'
import { writeFileAtomically } from '../files/atomic-write'
import type { PhotoStorePort } from '../inspections/inspection-photos'
import { conflictsById } from './exchange-conflicts'
import {
  findLocalRow,
  findSameKeyRow,
  RecordIndex,
  toGlobal,
  toLocal,
  UnresolvedReference,
  withLocalIds,
} from './exchange-records'
import { describeFile, readPackage, type Manifest } from './exchange-package'
import {
  contentHash,
  exchangeShapes,
  sha256Hex,
  type GlobalRow,
  type TableShape,
  type Value,
} from './exchange-tables'
import { maxPhotoBytes } from '../photos/photo-limits'
import { sniffImageType } from '../photos/sniff-image-type'
import { aliasesKey, historyKey, maxAliases, maxHistory, versionKey, VersionStore } from './exchange-versions'
import { insertRecord, updateRecord } from './exchange-write'
import { readTeamKey } from './team-key'

/**
 * Import: a pipeline of named steps over one state.
 *   open      the zip, its manifest (ours, not newer), the team signature, every file against its SHA-256
 *   parse     each records file against this installation's schema (known table, known columns, global ids)
 *   merge     in ONE transaction, table by table, parents first: each record is new, updated, unchanged or a
 *             conflict (three-way, against the version both sides last agreed on); any refusal rolls it all back
 *   files     photo originals (through the photo store) and screenshots not yet here, after the commit; a file
 *             missed by a stop half-way is written by importing the same package again
 * The package is refused whole, with a zh-CN reason and nothing written, when any step before `files` fails.
 */

/** The oldest schema a package may come from: the one that gave records their global ids. */
const minSchemaVersion = 10

export interface ImportDeps {
  ctx: CoreContext
  photos: Pick<PhotoStorePort, 'ingest' | 'exists'>
}

export interface ImportHooks {
  /** Called after each record is merged, inside the transaction (tests stop the process here). */
  onRecord?: (count: number) => void
}

interface ImportState {
  bytes: Buffer
  manifest?: Manifest
  signature?: ExchangeImportReport['signature']
  files?: Map<string, Buffer>
  records?: Map<string, GlobalRow[]>
  /** Per `table/global id`: the record's version and the versions its exporter knew of it. */
  versions?: Map<string, Received>
  counts?: Map<string, ExchangeTableCount>
  seenBefore?: boolean
  conflictIds?: number[]
  written?: { written: number; present: number; failed: number }
}

const reject = (message: string) => new ApiError('PACKAGE_REJECTED', message)

interface Received {
  version: string
  history: string[]
  aliases: string[]
}

export async function importPackage(
  deps: ImportDeps,
  input: { fileName: string; dataBase64: string },
  hooks: ImportHooks = {},
): Promise<ExchangeImportReport> {
  const state: ImportState = { bytes: Buffer.from(input.dataBase64, 'base64') }
  await open(deps, state)
  parse(deps.ctx.db, state)
  merge(deps.ctx, state, hooks)
  await writeFiles(deps, state)
  return report(deps.ctx.db, state)
}

async function open(deps: ImportDeps, state: ImportState): Promise<void> {
  const opened = await readPackage(state.bytes, {
    teamKey: readTeamKey(deps.ctx.db),
    schemaVersion: latestSchemaVersion,
    minSchemaVersion,
  })
  state.manifest = opened.manifest
  state.signature = opened.signature
  state.files = opened.files
}

const hexHash = /^[0-9a-f]{64}$/

function parse(db: Db, state: ImportState): void {
  const shapes = new Map(exchangeShapes(db).map((s) => [s.name, s]))
  const records = new Map<string, GlobalRow[]>()
  const versionsOf = new Map<string, Received>()
  for (const [name, bytes] of state.files!) {
    const match = /^records\/([a-z_]+)\.json$/.exec(name)
    if (!match) continue
    const table = match[1]!
    const shape = shapes.get(table)
    if (!shape) throw reject(`数据包中有本机不认识的记录类别（${table}），无法导入`)
    let rows: unknown
    try {
      rows = JSON.parse(bytes.toString('utf8'))
    } catch {
      throw reject(`数据包中的${shape.label}记录文件无法读取`)
    }
    if (!Array.isArray(rows)) throw reject(`数据包中的${shape.label}记录文件格式不对`)
    const known = new Set([...shape.columns, historyKey, versionKey, aliasesKey])
    const seen = new Set<string>()
    rows.forEach((row: unknown, i) => {
      const where = `数据包中的第 ${i + 1} 条${shape.label}记录`
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw reject(`${where}格式不对`)
      for (const [key, value] of Object.entries(row)) {
        if (!known.has(key)) throw reject(`${where}有本机数据结构中没有的内容（${key}），无法导入`)
        if (key === historyKey || key === versionKey || key === aliasesKey) continue
        if (value !== null && typeof value !== 'string' && typeof value !== 'number')
          throw reject(`${where}的内容格式不对`)
      }
      const r = row as GlobalRow
      if (!isGlobalId(r.global_id)) throw reject(`${where}缺少有效的全局编号`)
      if (seen.has(r.global_id)) throw reject(`${where}与同类的另一条记录编号重复`)
      seen.add(r.global_id)
      const raw = row as Record<string, unknown>
      const version = raw[versionKey]
      const history = raw[historyKey]
      if (
        typeof version !== 'string' ||
        !hexHash.test(version) ||
        !Array.isArray(history) ||
        history.length > maxHistory ||
        !history.every((h) => typeof h === 'string' && hexHash.test(h))
      )
        throw reject(`${where}的版本记录缺失或格式不对`)
      const aliases = raw[aliasesKey] ?? []
      if (!Array.isArray(aliases) || aliases.length > maxAliases || !aliases.every((a) => isGlobalId(a)))
        throw reject(`${where}的编号记录格式不对`)
      versionsOf.set(`${table}/${r.global_id}`, {
        version,
        history: history as string[],
        aliases: aliases as string[],
      })
      delete raw[historyKey]
      delete raw[versionKey]
      delete raw[aliasesKey]
      for (const column of shape.columns) {
        // A JSON column holds JSON: screens and notices parse it.
        const v = r[column]
        if (column.endsWith('_json') && typeof v === 'string' && !isJson(v))
          throw reject(`${where}的内容已损坏（${shape.label}的一项数据不是有效的格式），无法导入`)
      }
      for (const ref of shape.references) {
        const v = r[ref.column]
        if (ref.to === 'id' && v !== null && v !== undefined && !isGlobalId(v))
          throw reject(`${where}对${exchangeTableLabels[ref.table] ?? ref.table}的引用格式不对`)
      }
    })
    if (state.manifest!.counts[table] !== rows.length)
      throw reject(`数据包中的${shape.label}记录数与清单不符，数据包可能被改动`)
    records.set(table, rows as GlobalRow[])
  }
  // Photos are checked here, before anything is written: each is an image this program takes, named by its hash.
  for (const [name, bytes] of state.files!) {
    const photo = /^photos\/([0-9a-f]{64})\.[a-z0-9]+$/.exec(name)
    if (!photo) continue
    if (sha256Hex(bytes) !== photo[1]) throw reject(`数据包中的${describeFile(name)}与其校验值不符`)
    if (bytes.byteLength > maxPhotoBytes || sniffImageType(bytes).kind !== 'photo')
      throw reject(`数据包中的${describeFile(name)}不是本软件接受的照片（JPEG、PNG、WebP、GIF 或 HEIC）`)
  }
  for (const table of Object.keys(state.manifest!.counts))
    if (!records.has(table) && state.manifest!.counts[table]! > 0)
      throw reject(`数据包不完整：缺少${exchangeTableLabels[table] ?? table}的记录文件`)
  state.records = records
  state.versions = versionsOf
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** A table's records with each one after the records of the same table it refers to (revisions, merges). */
function selfOrdered(shape: TableShape, rows: GlobalRow[]): GlobalRow[] {
  const selfRefs = shape.references.filter((r) => r.table === shape.name && r.to === 'id')
  if (selfRefs.length === 0) return rows
  const byId = new Map(rows.map((r) => [r.global_id as string, r]))
  const done = new Set<string>()
  const out: GlobalRow[] = []
  for (const start of rows) {
    // Walk up to the first parent not yet placed, then place the chain from there down (no recursion: chains of
    // revisions may be long).
    const chain: GlobalRow[] = []
    const onChain = new Set<string>()
    let row: GlobalRow | undefined = start
    while (row && !done.has(row.global_id as string)) {
      if (onChain.has(row.global_id as string))
        throw reject(`数据包中的${shape.label}记录互相引用成环，无法导入`)
      onChain.add(row.global_id as string)
      chain.push(row)
      const current: GlobalRow = row
      row = selfRefs
        .map((ref) => current[ref.column])
        .map((target) => (typeof target === 'string' ? byId.get(target) : undefined))
        .find((parent) => parent !== undefined && parent !== current && !done.has(parent.global_id as string))
    }
    for (const r of chain.reverse()) {
      if (done.has(r.global_id as string)) continue
      done.add(r.global_id as string)
      out.push(r)
    }
  }
  return out
}

function merge(ctx: CoreContext, state: ImportState, hooks: ImportHooks): void {
  const { db } = ctx
  const manifest = state.manifest!
  const now = ctx.now().toISOString()
  const counts = new Map<string, ExchangeTableCount>()
  const conflictIds: number[] = []
  inTransaction(db, () => {
    const index = new RecordIndex(db)
    const versions = new VersionStore(db)
    const deletedHere = db.prepare('SELECT 1 FROM exchange_tombstones WHERE table_name = ? AND record_id = ?')
    const addAlias = db.prepare(
      'INSERT OR IGNORE INTO exchange_aliases (table_name, alias_id, record_id) VALUES (?, ?, ?)',
    )
    const addConflict = db.prepare(
      `INSERT OR IGNORE INTO exchange_conflicts (table_name, record_id, incoming_id, incoming_json, incoming_hash,
         incoming_version, package_id, from_device, from_inspector, detected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const supersedeOne = db.prepare(
      `UPDATE exchange_conflicts SET state = 'superseded', resolved_at = ?
       WHERE table_name = ? AND record_id = ? AND incoming_version = ? AND state = 'open'`,
    )
    const conflictIdOf = db
      .prepare(
        'SELECT id FROM exchange_conflicts WHERE table_name = ? AND record_id = ? AND incoming_version = ?',
      )
      .pluck()
    let merged = 0
    for (const shape of exchangeShapes(db)) {
      const rows = state.records!.get(shape.name)
      if (!rows) continue
      const count: ExchangeTableCount = {
        table: shape.name,
        label: shape.label,
        new: 0,
        updated: 0,
        unchanged: 0,
        conflict: 0,
      }
      counts.set(shape.name, count)
      for (const row of selfOrdered(shape, rows)) {
        let outcome: ExchangeOutcome
        try {
          outcome = mergeOne(shape, row)
        } catch (error) {
          if (error instanceof UnresolvedReference)
            throw reject(
              `数据包中的一条${shape.label}记录引用了本机和数据包中都没有的${exchangeTableLabels[error.target] ?? error.target}` +
                '，数据包不完整（导出时可能漏选了起始日期之前的记录）。请让导出方不填起始日期重新导出',
            )
          if (error instanceof ApiError) throw error
          if (/^SQLITE_CONSTRAINT/.test(String((error as { code?: unknown }).code)))
            throw reject(
              `数据包中的一条${shape.label}记录不符合本机的数据规则（内容缺失或超出允许的取值），无法导入`,
            )
          throw error
        }
        count[outcome] += 1
        hooks.onRecord?.(++merged)
      }
    }

    function mergeOne(shape: TableShape, received: GlobalRow): ExchangeOutcome {
      const row = withLocalIds(shape, received, index)
      const incomingId = row.global_id as string
      const identity = (table: string, g: string) => index.identityOf(table, g)
      const incomingHash = contentHash(shape, row, identity)
      const sent = state.versions!.get(`${shape.name}/${incomingId}`)!
      const { version: incomingVersion, history: exporterKnew, aliases } = sent
      // Every version the package's one comes from, and itself.
      const history = new Set([...exporterKnew, incomingVersion])
      const incomingHead = { version: incomingVersion, hash: incomingHash }
      // The record by its id, or by another id it has elsewhere that is known here (a unit renamed on a laptop
      // that knew it under the coordinator's id).
      let local = findLocalRow(db, shape, incomingId, index)
      for (const alias of aliases) {
        if (local) break
        local = findLocalRow(db, shape, alias, index)
        if (local) addAlias.run(shape.name, incomingId, local.global_id)
      }
      if (!local) {
        // Deleted here, or part of a record deleted here: a package that still holds it does not bring it back.
        if (deletedHere.get(shape.name, index.canonicalId(shape.name, incomingId))) return 'unchanged'
        let values: Record<string, Value>
        try {
          values = toLocal(shape, row, index)
        } catch (error) {
          if (error instanceof UnresolvedReference && deletedHere.get(error.target, error.globalId))
            return 'unchanged'
          throw error
        }
        local = findSameKeyRow(db, shape, values)
        if (!local) {
          const rowid = insertRecord(db, shape, values)
          if (shape.integerKey) index.remember(shape.name, incomingId, rowid)
          versions.addKnown(shape.name, incomingId, history)
          versions.setHead(shape.name, incomingId, incomingHead, now)
          return 'new'
        }
        // The same record made on two installations (the same unit name, the same value of a facility's check):
        // from now on the other installation's id stands for the one here.
        addAlias.run(shape.name, incomingId, local.global_id)
      }
      const canonical = local.global_id as string
      if (shape.integerKey) index.remember(shape.name, incomingId, Number(local.id))
      const localHash = contentHash(shape, toGlobal(shape, local, index), identity)
      const localVersion = versions.current(shape.name, canonical, localHash)
      const knownHere = versions.known(shape.name, canonical)
      if (
        localHash === incomingHash || // the same content
        knownHere.has(incomingVersion) || // an older version, or one a person here already decided against
        shape.name === 'photos' // a photo is its file: the first description of it stays, as when attached twice
      ) {
        versions.addKnown(shape.name, canonical, history)
        return 'unchanged'
      }
      const values = toLocal(shape, row, index)
      // A newer version whose name (or address, number…) another record here already has cannot replace this one
      // without a person: it is a conflict, not a refused package.
      const clash = findSameKeyRow(db, shape, values)
      if (history.has(localVersion) && !(clash && clash.rowid !== local.rowid)) {
        // The package's version was made from the one here: it is newer.
        updateRecord(db, shape, local.rowid, values, local.version)
        versions.addKnown(shape.name, canonical, history)
        versions.setHead(shape.name, canonical, incomingHead, now)
        return 'updated'
      }
      // Changed on both sides. What the package's version came from is known now; the version itself waits for a
      // person (arriving again, it is the same conflict). An open conflict with an older version of it is replaced.
      history.delete(incomingVersion)
      versions.addKnown(shape.name, canonical, history)
      for (const older of history) supersedeOne.run(now, shape.name, canonical, older)
      addConflict.run(
        shape.name,
        canonical,
        incomingId,
        JSON.stringify(row),
        incomingHash,
        incomingVersion,
        manifest.packageId,
        manifest.deviceId,
        manifest.inspector,
        now,
      )
      // The same version met before (another package, or this one again) is the same conflict, listed once.
      conflictIds.push(conflictIdOf.get(shape.name, canonical, incomingVersion) as number)
      return 'conflict'
    }

    // Notices issued elsewhere count here: should this installation become the coordinator's, its next number
    // follows the last one the team issued, never repeats it.
    if (state.records!.has('notices'))
      db.prepare(
        `INSERT INTO notice_sequences (year, last_seq) SELECT year, MAX(seq) FROM notices WHERE true GROUP BY year
         ON CONFLICT (year) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)`,
      ).run()
    const before = db.prepare('SELECT 1 FROM exchange_imports WHERE package_id = ?').get(manifest.packageId)
    state.seenBefore = before !== undefined
    if (!state.seenBefore)
      db.prepare(
        `INSERT INTO exchange_imports (package_id, device_id, inspector, created_at, imported_at, report_json)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        manifest.packageId,
        manifest.deviceId,
        manifest.inspector,
        manifest.createdAt,
        now,
        JSON.stringify([...counts.values()]),
      )
  })
  state.counts = counts
  state.conflictIds = conflictIds
}

async function writeFiles(deps: ImportDeps, state: ImportState): Promise<void> {
  const { db } = deps.ctx
  const layout = dataLayout(deps.ctx.dataDir)
  const index = new RecordIndex(db)
  const photoNames = new Map(
    (state.records!.get('photos') ?? []).map((p) => [String(p.sha256), String(p.original_name ?? '照片')]),
  )
  let written = 0
  let present = 0
  let failed = 0
  for (const [name, bytes] of state.files!) {
    const photo = /^photos\/([0-9a-f]{64})\.[a-z0-9]+$/.exec(name)
    if (photo) {
      const sha256 = photo[1]!
      if (deps.photos.exists(sha256)) present += 1
      else {
        const stored = await deps.photos.ingest({
          bytes,
          fileName: photoNames.get(sha256) ?? `${sha256}.jpg`,
        })
        if (stored.sha256 !== sha256) throw reject(`数据包中的${describeFile(name)}与其校验值不符`)
        written += 1
      }
      continue
    }
    const shot = /^screenshots\/([0-9a-f-]{36})\/(.+)$/.exec(name)
    if (shot) {
      const runId = index.localIdOf('audit_runs', shot[1]!)
      if (runId === null) continue
      const target = path.join(layout.runScreenshots(runId), shot[2]!)
      if (fs.existsSync(target)) present += 1
      else {
        try {
          await fs.promises.mkdir(path.dirname(target), { recursive: true })
          await writeFileAtomically(target, bytes)
          written += 1
        } catch {
          failed += 1
        }
      }
    }
  }
  state.written = { written, present, failed }
}

function report(db: Db, state: ImportState): ExchangeImportReport {
  const manifest = state.manifest!
  const tables = [...state.counts!.values()]
  const totals: Record<ExchangeOutcome, number> = { new: 0, updated: 0, unchanged: 0, conflict: 0 }
  for (const t of tables) for (const k of Object.keys(totals) as ExchangeOutcome[]) totals[k] += t[k]
  return {
    origin: {
      packageId: manifest.packageId,
      deviceId: manifest.deviceId,
      inspector: manifest.inspector,
      role: manifest.role,
      createdAt: manifest.createdAt,
      schemaVersion: manifest.schemaVersion,
      since: manifest.since,
    },
    signature: state.signature!,
    seenBefore: state.seenBefore!,
    totals,
    tables,
    files: state.written!,
    conflicts: conflictsById(db, state.conflictIds!),
  }
}
