import {
  formatChineseDate,
  formatClause,
  type NoticeColophon,
  type NoticeDocumentV2,
  type NoticeListItem,
  type NoticePhoto,
} from '../../../../shared/domain/notice-document'

/**
 * 附件1 问题清单 as cells of styled text, and the other fixed words of a version 2 notice. The HTML (PDF), Word and
 * Excel renderers all lay out these same cells, so the three files say exactly the same thing.
 */

export type RunStyle = 'plain' | 'strong' | 'note' | 'code' | 'url'
export interface CellRun {
  text: string
  style: RunStyle
}
/** A cell is paragraphs of runs. */
export type CellParagraph = CellRun[]
export type Cell = CellParagraph[]

/** Column widths in mm add up to the 156 mm type area. */
export const listColumns = [
  { header: '序号', mm: 11, excelWidth: 6 },
  { header: '问题位置', mm: 25, excelWidth: 24 },
  { header: '存在的问题', mm: 47, excelWidth: 46 },
  { header: '依据条款', mm: 32, excelWidth: 30 },
  { header: '整改要求', mm: 41, excelWidth: 44 },
] as const

const run = (text: string, style: RunStyle = 'plain'): CellRun => ({ text, style })

export const noClauseText = '无对应的标准条款，建议整改'

/** `withSubject`: the place or portal too (Excel rows stand alone; the printed list gives it in a group row). */
function whereCell(item: NoticeListItem, withSubject: boolean): Cell {
  const lines = item.position.split('\n').filter(Boolean)
  return [
    ...(withSubject && item.subject ? [[run(item.subject)]] : []),
    ...lines.map((line) => [run(line, /^https?:\/\//.test(line) ? 'url' : 'plain')]),
  ]
}

/** A site item's title without its facility, which the 问题位置 cell beside it already names. */
function shortTitle(item: NoticeListItem): string {
  const prefix = `${item.position}：`
  return item.source === 'site' && item.title.startsWith(prefix) && item.title.length > prefix.length
    ? item.title.slice(prefix.length)
    : item.title
}

function elementsHeading(item: NoticeListItem): string {
  return item.elementCount > item.elements.length
    ? `涉及元素共${item.elementCount}处，其中${item.elements.length}处的网页代码为：`
    : '涉及元素的网页代码为：'
}

/** "现场照片见附件2图1、图3", "网页截图见附件2图5". */
export function picturesLine(item: NoticeListItem, photos: readonly NoticePhoto[]): string | null {
  if (item.photoNumbers.length === 0) return null
  const kinds = new Set(
    item.photoNumbers.map((n) => photos.find((p) => p.number === n)?.kind).filter((k) => k !== undefined),
  )
  const what = kinds.size === 1 && kinds.has('screenshot') ? '网页截图' : '现场照片'
  return `${what}见附件2${item.photoNumbers.map((n) => `图${n}`).join('、')}`
}

function problemCell(item: NoticeListItem, photos: readonly NoticePhoto[]): Cell {
  const cell: Cell = [[run(shortTitle(item), 'strong')]]
  if (item.found) cell.push([run(item.found)])
  const quoted = item.elements.filter((e) => e.html)
  if (quoted.length > 0) {
    cell.push([run(elementsHeading(item), 'note')])
    for (const e of quoted) cell.push([run(e.html, 'code')])
  }
  const pictures = picturesLine(item, photos)
  if (pictures) cell.push([run(`${pictures}。`, 'note')])
  return cell
}

function clausesCell(item: NoticeListItem): Cell {
  if (item.clauses.length === 0) return [[run(noClauseText)]]
  return item.clauses.map((c) => [run(formatClause(c, { names: true }))])
}

/** The five cells of a row of the 问题清单; `withSubject` as for whereCell. */
export function listRow(item: NoticeListItem, photos: readonly NoticePhoto[], withSubject = true): Cell[] {
  return [
    [[run(String(item.index))]],
    whereCell(item, withSubject),
    problemCell(item, photos),
    clausesCell(item),
    item.remedy ? [[run(item.remedy)]] : [],
  ]
}

export type ListRow = { kind: 'group'; text: string } | { kind: 'item'; item: NoticeListItem; cells: Cell[] }

/**
 * The printed list: the rows of each place or portal under a row naming it ("乌达区图书馆（现场检查）"), so the
 * 问题位置 cells name only the facility or the pages.
 */
export function listRows(doc: Pick<NoticeDocumentV2, 'items' | 'photos'>): ListRow[] {
  const rows: ListRow[] = []
  let group = ''
  for (const item of doc.items) {
    const key = `${item.source}|${item.subject}`
    if (key !== group && item.subject) {
      rows.push({
        kind: 'group',
        text: `${item.subject}（${item.source === 'site' ? '现场检查' : '网站检测'}）`,
      })
    }
    group = key
    rows.push({ kind: 'item', item, cells: listRow(item, doc.photos, !item.subject) })
  }
  return rows
}

/** A cell as plain text (Excel, text checks): paragraphs on their own lines. */
export function cellText(cell: Cell): string {
  return cell.map((p) => p.map((r) => r.text).join('')).join('\n')
}

/** Words of the notice that are not in its snapshot. */
export const noticeWords = {
  previewNumber: '（预览，签发时编号）',
  attachment: (n: number) => `附件${n}`,
  attachmentsLabel: '附件：',
  missingPhoto: '照片缺失',
  caption: (photo: NoticePhoto) =>
    `图${photo.number}\u3000${photo.caption}（问题清单第${photo.itemIndexes.join('、')}项）`,
  copyTo: '抄送：',
  printed: (colophon: NoticeColophon) => `${formatChineseDate(colophon.printedOn)}印发`,
  documentTitle: (doc: Pick<NoticeDocumentV2, 'number' | 'unitName'>) =>
    `整改通知书 ${doc.number ?? '（预览）'} ${doc.unitName}`,
}

/** 抄送 ends with a full stop (GB/T 9704 7.4.2). */
export function copyToText(copyTo: string): string {
  const text = copyTo.trim().replace(/[，,、；;。.]+$/, '')
  return `${text}。`
}
