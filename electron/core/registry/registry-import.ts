import type { z } from 'zod'
import type { ParsedInputOf } from '../../../shared/api/contract'
import { ApiError } from '../../../shared/api/errors'
import { normaliseInputText } from '../../../shared/api/input-text'
import { placeCreateSchema, placeTypeLabels, placeTypes, type PlaceType } from '../../../shared/domain/places'
import { portalCreateSchema } from '../../../shared/domain/portals'
import {
  maxImportFileBytes,
  registryImportKindLabels,
  type ImportRow,
  type ImportRowProblem,
  type RegistryImportKind,
  type RegistryImportPreview,
  type RegistryImportResult,
} from '../../../shared/domain/registry-import'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { inTransaction } from '../db/transaction'
import { readTable, type TableRow } from './import-table'
import { createPlace } from './places-service'
import { createPortal, findPortalByStartUrl, findUnitIdByName } from './portals-service'
import { getUnit } from './units-service'

/**
 * Bulk registry import (issue #15 item 4), the one service behind 'registry:importPreview' and
 * 'registry:importCommit' (app, browser door, `access-audit import`). Every row is validated by the same schema as
 * the 新建场所 / 登记网站 forms (placeCreateSchema, portalCreateSchema, after the contract's text normaliser), so an
 * imported row obeys the rules of a typed one. A row is new, already registered (places: same name and address;
 * portals: same normalised start URL; archived records included) or refused with its reasons in zh-CN (row,
 * column, reason). The preview writes nothing; the commit reads the file again and re-checks every row against the
 * database inside one IMMEDIATE transaction (the preview may be stale), then writes every new row in it.
 */

type PlaceField = 'name' | 'address' | 'type' | 'unit' | 'longitude' | 'latitude' | 'coordinates' | 'note'
type PortalField = 'name' | 'url' | 'unit'
type Field = PlaceField | PortalField

const unitHeader =
  /^(责任单位|主管单位|管理单位|所属单位|主办单位|单位|责任部门|部门|unit|responsibleunit|department)$/

const headers: Record<RegistryImportKind, ReadonlyArray<[Field, RegExp]>> = {
  places: [
    ['name', /^(名称|场所名称|场所|地点名称|点位名称|设施名称|name|placename)$/],
    ['address', /^(地址|场所地址|详细地址|所在地址|位置|address)$/],
    ['type', /^(类型|场所类型|场所类别|类别|type)$/],
    ['unit', unitHeader],
    ['longitude', /^(经度|longitude|lng|lon)$/],
    ['latitude', /^(纬度|latitude|lat)$/],
    ['coordinates', /^(坐标|经纬度|gps|gps坐标|位置坐标|coordinates)$/],
    ['note', /^(备注|说明|note)$/],
  ],
  portals: [
    ['name', /^(名称|网站名称|站点名称|网站|门户名称|name|sitename)$/],
    ['url', /^(网址|网站地址|起始网址|网址链接|链接|网站链接|域名|地址|url|website|link|siteurl)$/],
    ['unit', unitHeader],
  ],
}

/** The field's zh-CN name when its column is missing from the file. */
const fieldNames: Record<Field, string> = {
  name: '名称',
  address: '地址',
  type: '类型',
  unit: '责任单位',
  longitude: '经度',
  latitude: '纬度',
  coordinates: '坐标',
  note: '备注',
  url: '网址',
}

/** “名称*”, “经度（E）”, “ 场所 名称 ” → 名称, 经度, 场所名称: marks of required columns and hints are ignored. */
function headerKey(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*＊:：\s\u3000]/g, '')
    .toLowerCase()
}

interface Header {
  row: number
  columns: Map<Field, number>
  labels: Map<Field, string>
  ignored: string[]
}

/** The header is the first row (of the first ten) that names the key column: a title row above it is skipped. */
function findHeader(kind: RegistryImportKind, rows: readonly TableRow[]): Header | null {
  const key: Field = kind === 'places' ? 'name' : 'url'
  for (const candidate of rows.slice(0, 10)) {
    const columns = new Map<Field, number>()
    const labels = new Map<Field, string>()
    const ignored: string[] = []
    candidate.cells.forEach((cell, index) => {
      const field = headers[kind].find(([, re]) => re.test(headerKey(cell)))?.[0]
      if (field && !columns.has(field)) {
        columns.set(field, index)
        labels.set(field, cell.trim())
      } else if (cell.trim() !== '') ignored.push(cell.trim())
    })
    if (columns.has(key)) return { row: candidate.row, columns, labels, ignored }
  }
  return null
}

const typeByLabel = new Map<string, PlaceType>([
  ...placeTypes.map((t) => [placeTypeLabels[t], t] as [string, PlaceType]),
  ...placeTypes.map((t) => [t, t] as [string, PlaceType]),
])

function numberOrNaN(text: string): number {
  const cleaned = text.replace(/[°\s]/g, '')
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN
}

/**
 * “111.78,40.82”, “40.82 111.78”, “111.78，40.82”: two numbers in either order. In China (and wherever one figure
 * exceeds 90) the longitude is the one above 90; when both are 90 or less the order cannot be told and the row
 * is refused rather than guessed.
 */
function splitCoordinates(text: string): { latitude: number; longitude: number } | string {
  const parts = text.split(/[,，;；/\s]+/).filter((p) => p !== '')
  const [a, b] = parts.map(numberOrNaN)
  if (parts.length !== 2 || Number.isNaN(a) || Number.isNaN(b))
    return '应为用逗号分开的两个数字（经度,纬度），如 106.82,39.50'
  if (Math.abs(a!) > 90 && Math.abs(b!) <= 90) return { longitude: a!, latitude: b! }
  if (Math.abs(b!) > 90 && Math.abs(a!) <= 90) return { longitude: b!, latitude: a! }
  return '无法判断哪个是经度、哪个是纬度，请改为分列填写“经度”和“纬度”'
}

interface Analysed {
  row: ImportRow
  /** The validated input for the create operation, for rows still new. */
  place?: z.output<typeof placeCreateSchema>
  portal?: z.output<typeof portalCreateSchema>
}

function blankRow(row: number): ImportRow {
  return {
    row,
    status: 'error',
    name: '',
    address: null,
    url: null,
    typeLabel: null,
    unitName: null,
    latitude: null,
    longitude: null,
    existingId: null,
    problems: [],
  }
}

class RowChecker {
  readonly problems: ImportRowProblem[] = []
  constructor(
    private readonly header: Header,
    private readonly rowNumber: number,
    private readonly cells: readonly string[],
  ) {}

  value(field: Field): string {
    const index = this.header.columns.get(field)
    return index === undefined ? '' : (this.cells[index] ?? '').trim()
  }

  column(field: Field): string {
    return this.header.labels.get(field) ?? fieldNames[field]
  }

  add(field: Field, reason: string): void {
    const column = this.column(field)
    this.problems.push({ column, reason, message: `第 ${this.rowNumber} 行，${column}：${reason}` })
  }

  /** zod issues of the form's schema, on the file's columns. */
  addIssues(error: z.ZodError, fieldOf: Record<string, Field>): void {
    for (const issue of error.issues) {
      const key = String(issue.path[0] ?? '')
      this.add(fieldOf[key] ?? 'name', issue.message)
    }
  }

  /** The unit named in the row; `row.unitName` becomes the registered unit's full name, so a partial match shows. */
  unitId(db: Db, row: ImportRow): number | null {
    const unit = this.value('unit')
    if (!unit) return null
    const id = findUnitIdByName(db, unit)
    if (id !== null) row.unitName = getUnit(db, id).name
    else
      this.add(
        'unit',
        `未找到责任单位“${unit}”（或有多个单位名称含有它），请先在“责任单位”页登记，或写单位全称`,
      )
    return id
  }
}

/** The schema sees what a form would send: every string through the contract's text normaliser (NFC). */
function normalised<T>(value: T): T {
  return normaliseInputText(value).value as T
}

function analysePlace(db: Db, header: Header, table: TableRow, seen: Map<string, number>): Analysed {
  const check = new RowChecker(header, table.row, table.cells)
  const row = blankRow(table.row)
  row.name = check.value('name')
  row.address = check.value('address') || null
  row.unitName = check.value('unit') || null

  const typeText = check.value('type')
  const type = typeText ? typeByLabel.get(typeText.replace(/\s/g, '')) : undefined
  if (typeText && !type)
    check.add(
      'type',
      `“${typeText}”不是可选的场所类型（可选：${placeTypes.map((t) => placeTypeLabels[t]).join('、')}）`,
    )
  row.typeLabel = type ? placeTypeLabels[type] : typeText || null

  let latitude: number | null = null
  let longitude: number | null = null
  const coordinates = check.value('coordinates')
  const latText = check.value('latitude')
  const lngText = check.value('longitude')
  if (latText || lngText) {
    latitude = latText ? numberOrNaN(latText) : null
    longitude = lngText ? numberOrNaN(lngText) : null
  } else if (coordinates) {
    const split = splitCoordinates(coordinates)
    if (typeof split === 'string') check.add('coordinates', split)
    else ({ latitude, longitude } = split)
  }
  const unitId = check.unitId(db, row)

  const input = normalised({
    name: row.name,
    // An unknown type is already reported in words the user can act on; zod would only add “请选择场所类型”.
    type: type ?? (typeText ? 'other' : undefined),
    address: row.address,
    latitude,
    longitude,
    unitId,
    note: check.value('note') || null,
  })
  const parsed = placeCreateSchema.safeParse(input)
  if (!parsed.success) {
    const fieldOf: Record<string, Field> = {
      name: 'name',
      type: 'type',
      address: 'address',
      note: 'note',
      unitId: 'unit',
      latitude: header.columns.has('latitude') ? 'latitude' : 'coordinates',
      longitude: header.columns.has('longitude') ? 'longitude' : 'coordinates',
    }
    check.addIssues(parsed.error, fieldOf)
  }
  row.latitude = typeof latitude === 'number' && !Number.isNaN(latitude) ? latitude : null
  row.longitude = typeof longitude === 'number' && !Number.isNaN(longitude) ? longitude : null
  if (check.problems.length > 0 || !parsed.success) return finish(row, check)

  const place = parsed.data
  row.name = place.name
  row.address = place.address
  const known = () =>
    db
      .prepare('SELECT id FROM places WHERE name = ? AND address IS ? ORDER BY archived, id LIMIT 1')
      .get(place.name, place.address) as { id: number } | undefined
  return classify(row, check, {
    key: `${place.name}\u0000${place.address ?? ''}`,
    seen,
    repeated: (earlier) => ['name', `与第 ${earlier} 行重复（名称和地址相同），已跳过`],
    known,
    valid: { place },
  })
}

function analysePortal(db: Db, header: Header, table: TableRow, seen: Map<string, number>): Analysed {
  const check = new RowChecker(header, table.row, table.cells)
  const row = blankRow(table.row)
  row.name = check.value('name')
  row.url = check.value('url') || null
  row.unitName = check.value('unit') || null
  const unitId = check.unitId(db, row)
  const parsed = portalCreateSchema.safeParse(normalised({ name: row.name, startUrl: row.url ?? '', unitId }))
  if (!parsed.success) check.addIssues(parsed.error, { name: 'name', startUrl: 'url', unitId: 'unit' })
  if (check.problems.length > 0 || !parsed.success) return finish(row, check)

  const portal = parsed.data
  row.name = portal.name
  row.url = portal.startUrl
  return classify(row, check, {
    key: portal.startUrl,
    seen,
    repeated: (earlier) => ['url', `与第 ${earlier} 行的网址相同，已跳过`],
    known: () => findPortalByStartUrl(db, portal.startUrl),
    valid: { portal },
  })
}

/** A valid row: repeated earlier in the file (refused), already registered, or new (with its create input). */
function classify(
  row: ImportRow,
  check: RowChecker,
  how: {
    key: string
    seen: Map<string, number>
    repeated: (earlier: number) => [Field, string]
    known: () => { id: number } | null | undefined
    valid: Omit<Analysed, 'row'>
  },
): Analysed {
  const earlier = how.seen.get(how.key)
  if (earlier !== undefined) {
    check.add(...how.repeated(earlier))
    return finish(row, check)
  }
  how.seen.set(how.key, row.row)
  const known = how.known()
  if (known) {
    row.status = 'existing'
    row.existingId = known.id
    return { row }
  }
  row.status = 'new'
  return { row, ...how.valid }
}

function finish(row: ImportRow, check: RowChecker): Analysed {
  row.status = 'error'
  row.problems = check.problems
  return { row }
}

interface Analysis {
  preview: RegistryImportPreview
  items: Analysed[]
}

function decodeBase64(data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(data)) {
    throw new ApiError('VALIDATION', '文件内容不是有效的 base64 编码', [
      { path: 'dataBase64', message: '文件内容：不是有效的 base64 编码' },
    ])
  }
  const bytes = Buffer.from(data, 'base64')
  if (bytes.length > maxImportFileBytes) {
    const message = `文件过大（上限 ${maxImportFileBytes / 1024 / 1024} MB），请分成几个文件导入`
    throw new ApiError('VALIDATION', message, [{ path: 'dataBase64', message }])
  }
  return bytes
}

async function readRows(input: ParsedInputOf<'registry:importPreview'>): Promise<TableRow[]> {
  return readTable(decodeBase64(input.dataBase64), input.fileName)
}

function analyse(db: Db, input: ParsedInputOf<'registry:importPreview'>, table: TableRow[]): Analysis {
  const { kind, fileName } = input
  const header = findHeader(kind, table)
  if (!header) {
    const expected =
      kind === 'places'
        ? '名称（或场所名称）、地址、类型、责任单位、经度、纬度（或坐标）'
        : '名称（或网站名称）、网址、责任单位'
    const message = `“${fileName}”中没有找到表头：导入${registryImportKindLabels[kind]}时第一行应为列名，如 ${expected}`
    throw new ApiError('VALIDATION', message, [{ path: 'dataBase64', message }])
  }
  const seen = new Map<string, number>()
  const items = table
    .filter((r) => r.row > header.row)
    .map((r) => {
      if (r.error) {
        const row = blankRow(r.row)
        row.problems = [{ column: '', reason: r.error, message: `第 ${r.row} 行：${r.error}` }]
        return { row }
      }
      return kind === 'places' ? analysePlace(db, header, r, seen) : analysePortal(db, header, r, seen)
    })
  if (items.length === 0) {
    const message = `“${fileName}”只有表头，没有要导入的行`
    throw new ApiError('VALIDATION', message, [{ path: 'dataBase64', message }])
  }
  const rows = items.map((i) => i.row)
  const count = (status: ImportRow['status']) => rows.filter((r) => r.status === status).length
  return {
    items,
    preview: {
      kind,
      fileName,
      columns: [...header.columns.keys()].map((field) => ({
        header: header.labels.get(field)!,
        field: fieldNames[field],
      })),
      ignoredColumns: header.ignored,
      rows,
      counts: { new: count('new'), existing: count('existing'), error: count('error') },
    },
  }
}

/** What the file would do: nothing is written. */
export async function previewRegistryImport(
  ctx: CoreContext,
  input: ParsedInputOf<'registry:importPreview'>,
): Promise<RegistryImportPreview> {
  const table = await readRows(input)
  return analyse(ctx.db, input, table).preview
}

/**
 * Reads and checks the file again against the database as it is now, inside one transaction, and writes every
 * row that is still new; rows in error or already registered are left alone. All or nothing: a failure rolls
 * every row back. Importing the same file again writes nothing (every row is then “already registered”).
 */
export async function commitRegistryImport(
  ctx: CoreContext,
  input: ParsedInputOf<'registry:importCommit'>,
): Promise<RegistryImportResult> {
  const table = await readRows(input)
  return inTransaction(ctx.db, () => {
    const { preview, items } = analyse(ctx.db, input, table)
    let created = 0
    for (const item of items) {
      if (item.place) item.row.existingId = createPlace(ctx, item.place).id
      else if (item.portal) item.row.existingId = createPortal(ctx, item.portal).id
      else continue
      created++
    }
    return { ...preview, created }
  })
}
