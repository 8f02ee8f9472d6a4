import { ApiError } from '../../../shared/api/errors'
import type { ConflictChoice, ConflictField, ConflictView } from '../../../shared/domain/exchange'
import type { CoreContext } from '../context'
import { loadInstallation } from '../db/installation'
import type { Db } from '../db/open-database'
import { inTransaction, isUniqueViolation } from '../db/transaction'
import { findLocalRow, RecordIndex, toGlobal, toLocal, UnresolvedReference } from './exchange-records'
import {
  canonicalJson,
  comparedColumns,
  contentHash,
  exchangeShapes,
  type GlobalRow,
  type TableShape,
  type Value,
} from './exchange-tables'
import { versionId, VersionStore } from './exchange-versions'
import { updateRecord } from './exchange-write'

/**
 * Conflicts: a record changed here and on another installation since they last agreed. The package's version is
 * kept whole until a person decides, side by side with this installation's; nothing is overwritten meanwhile.
 */

const fieldLabels: Record<string, string> = {
  name: '名称',
  kind: '类别',
  type: '类型',
  address: '地址',
  contact_person: '联系人',
  phone: '电话',
  note: '备注',
  notes: '备注',
  archived: '已归档',
  latitude: '纬度',
  longitude: '经度',
  unit_id: '责任单位',
  place_id: '场所',
  portal_id: '网站',
  inspection_id: '检查',
  element_id: '设施',
  item_id: '整改项',
  inspected_on: '检查日期',
  inspectors: '检查人员',
  status: '状态',
  label: '名称',
  category: '类别',
  position: '顺序',
  check_id: '检查项',
  input_id: '测量项',
  inputs_json: '测量值',
  result_json: '结果',
  verdict: '判定',
  value_json: '数值',
  caption: '照片说明',
  title: '标题',
  detail: '详情',
  severity: '严重程度',
  clauses_json: '依据条款',
  evidence_json: '证据',
  deadline: '整改期限',
  priority: '优先级',
  drop_reason: '撤销原因',
  reply_json: '整改回复',
  start_url: '网址',
  max_pages: '最多页数',
  max_depth: '最大深度',
  number: '文号',
  issuer: '签发人',
  issued_on: '签发日期',
  value: '数值',
  target_text: '目标',
  action: '操作',
  at: '时间',
  submitted_at: '提交时间',
  state: '状态',
  explanation: '说明',
}

/** What names a record for a person, per table. */
const labelColumns: Record<string, string[]> = {
  units: ['name'],
  places: ['name'],
  portals: ['name', 'start_url'],
  inspections: ['inspected_on', 'inspectors'],
  inspection_elements: ['label', 'category'],
  check_values: ['check_id'],
  element_values: ['input_id'],
  photos: ['original_name'],
  element_photos: ['caption'],
  findings: ['title'],
  audit_runs: ['start_url', 'created_at'],
  audit_pages: ['url'],
  audit_documents: ['url'],
  manual_check_answers: ['check_id'],
  rectification_items: ['title'],
  rectification_events: ['action', 'at'],
  verification_proposals: ['explanation'],
  notices: ['number'],
  indicator_entries: ['indicator_id', 'year'],
  plan_periods: ['name'],
  plan_indicators: ['title'],
}

export function recordLabel(shape: TableShape, row: GlobalRow): string {
  const parts = (labelColumns[shape.name] ?? [])
    .map((c) => row[c])
    .filter((v): v is string | number => v !== null && v !== undefined && v !== '')
  return `${shape.label}：${parts.length > 0 ? parts.join(' · ') : String(row.global_id ?? '')}`
}

function shown(db: Db, shape: TableShape, column: string, value: Value | undefined): string {
  if (value === null || value === undefined || value === '') return '（空）'
  const ref = shape.references.find((r) => r.column === column && r.to === 'id')
  if (ref) {
    const target = exchangeShapes(db).find((s) => s.name === ref.table)!
    const row = findLocalRow(db, target, String(value), new RecordIndex(db))
    return row
      ? recordLabel(target, toGlobal(target, row, new RecordIndex(db)))
      : `${target.label}（本机没有）`
  }
  const text = String(value)
  return text.length > 500 ? `${text.slice(0, 500)}…` : text
}

interface ConflictRow {
  id: number
  table_name: string
  record_id: string
  incoming_hash: string
  incoming_version: string
  incoming_json: string
  from_device: string | null
  from_inspector: string | null
  detected_at: string
  state: ConflictView['state']
  resolved_at: string | null
  resolved_by: string | null
}

function view(db: Db, row: ConflictRow): ConflictView {
  const shape = exchangeShapes(db).find((s) => s.name === row.table_name)!
  const incoming = JSON.parse(row.incoming_json) as GlobalRow
  const localRow = findLocalRow(db, shape, row.record_id, new RecordIndex(db))
  const local = localRow ? toGlobal(shape, localRow, new RecordIndex(db)) : null
  const fields: ConflictField[] = []
  for (const column of comparedColumns(shape)) {
    const mine = local ? (local[column] ?? null) : null
    const theirs = incoming[column] ?? null
    if (local && canonicalJson(mine) === canonicalJson(theirs)) continue
    fields.push({
      column,
      label: fieldLabels[column] ?? column,
      local: local ? shown(db, shape, column, mine) : '（本机已没有这条记录）',
      incoming: shown(db, shape, column, theirs),
    })
  }
  return {
    id: row.id,
    table: shape.name,
    tableLabel: shape.label,
    recordLabel: recordLabel(shape, local ?? incoming),
    globalId: row.record_id,
    fields,
    local: {
      by: (localRow?.updated_by as string | null | undefined) ?? null,
      device: (localRow?.updated_device as string | null | undefined) ?? null,
    },
    incoming: {
      by: (incoming.updated_by as string | null) ?? row.from_inspector,
      device: (incoming.updated_device as string | null) ?? row.from_device,
    },
    detectedAt: row.detected_at,
    state: row.state,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  }
}

export function listConflicts(db: Db, opts: { includeResolved?: boolean | undefined } = {}): ConflictView[] {
  const rows = db
    .prepare(
      `SELECT * FROM exchange_conflicts ${opts.includeResolved ? '' : "WHERE state = 'open'"} ORDER BY id`,
    )
    .all() as ConflictRow[]
  return rows.map((r) => view(db, r))
}

/** The open ones among `ids` (an import's conflicts), in order. */
export function conflictsById(db: Db, ids: readonly number[]): ConflictView[] {
  const get = db.prepare("SELECT * FROM exchange_conflicts WHERE id = ? AND state = 'open'")
  return [...new Set(ids)]
    .sort((a, b) => a - b)
    .map((id) => get.get(id) as ConflictRow | undefined)
    .filter((r): r is ConflictRow => r !== undefined)
    .map((r) => view(db, r))
}

export function resolveConflict(
  ctx: CoreContext,
  input: { conflictId: number; keep: ConflictChoice },
): ConflictView {
  const { db } = ctx
  return inTransaction(db, () => {
    const row = db.prepare('SELECT * FROM exchange_conflicts WHERE id = ?').get(input.conflictId) as
      (ConflictRow & { incoming_hash: string }) | undefined
    if (!row) throw new ApiError('NOT_FOUND', `冲突（编号 ${input.conflictId}）不存在`)
    if (row.state !== 'open') throw new ApiError('INVALID_STATE', '这条冲突已经处理过了')
    const shape = exchangeShapes(db).find((s) => s.name === row.table_name)!
    const index = new RecordIndex(db)
    const local = findLocalRow(db, shape, row.record_id, index)
    if (!local) throw new ApiError('INVALID_STATE', '本机的这条记录已不存在，无法对照处理')
    const now = ctx.now().toISOString()
    const versions = new VersionStore(db)
    const identity = (table: string, g: string) => index.identityOf(table, g)
    const localHash = contentHash(shape, toGlobal(shape, local, index), identity)
    const localVersion = versions.current(shape.name, row.record_id, localHash)
    if (input.keep === 'incoming') {
      let values: Record<string, Value>
      try {
        values = toLocal(shape, JSON.parse(row.incoming_json) as GlobalRow, index)
      } catch (error) {
        if (error instanceof UnresolvedReference)
          throw new ApiError(
            'INVALID_STATE',
            `数据包中的版本引用的${shape.label}所依赖的记录在本机已不存在，无法采用`,
          )
        throw error
      }
      try {
        updateRecord(db, shape, local.rowid, values, local.version)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        throw new ApiError(
          'INVALID_STATE',
          `数据包中的版本与本机另一条${shape.label}同名（或网址、文号相同），不能采用。请先修改那一条，再处理这条冲突`,
        )
      }
    }
    // The decision is a version of its own, made from both: the other side's version, arriving again, is an old
    // one; this one, exported, replaces it there. Two people deciding the same way on two installations make the
    // same version.
    const hash = input.keep === 'incoming' ? row.incoming_hash : localHash
    const parents = [localVersion, row.incoming_version]
    versions.addKnown(shape.name, row.record_id, parents)
    versions.setHead(
      shape.name,
      row.record_id,
      { version: versionId(hash, parents), hash },
      input.keep === 'incoming' ? now : null,
    )
    db.prepare('UPDATE exchange_conflicts SET state = ?, resolved_at = ?, resolved_by = ? WHERE id = ?').run(
      input.keep === 'incoming' ? 'took-incoming' : 'kept-local',
      now,
      loadInstallation(db).profileName,
      row.id,
    )
    return view(db, db.prepare('SELECT * FROM exchange_conflicts WHERE id = ?').get(row.id) as ConflictRow)
  })
}
