import { cnGbCatalog } from '../../../shared/catalog/index'
import {
  formatChineseDate,
  type NoticeBlock,
  type NoticeListItem,
  type NoticePhoto,
} from '../../../shared/domain/notice-document'
import { sentence } from '../../../shared/domain/zh-sentences'
import { ageingDocTitles } from '../../../shared/web/ageing-rules'

/**
 * The wording of a notice's body (GB/T 9704 正文): the basis, the problems summarised by place or portal, what to
 * do, by when, how to reply and whom to ask. It is written once, when the notice is issued or previewed, and frozen
 * in the snapshot as text: a later change of this wording never changes a notice already sent.
 */

export interface BodyInput {
  issuer: string
  deadline: string
  replyInstructions: string
  contact: string | null
  items: readonly NoticeListItem[]
  photos: readonly NoticePhoto[]
  /** The days the items were last found (inspection days, audit days), by item id. */
  checkedOn: ReadonlyMap<number, string>
}

export interface NoticeBody {
  body: NoticeBlock[]
  attachments: string[]
}

export const noticeTitle = '无障碍环境问题整改通知书'
export const listAttachmentName = '问题清单'

const law = '《中华人民共和国无障碍环境建设法》'

/** Full names of the codes items cite, in the order a basis lists them; others are cited by their code. */
const standardNames: ReadonlyArray<[code: string, name: string]> = [
  ...cnGbCatalog.codes.map((c): [string, string] => [c.code, `《${c.title}》（${c.code}）`]),
  ['GB/T 37668-2019', '《信息技术 互联网内容无障碍可访问性技术要求与测试方法》（GB/T 37668-2019）'],
  ...Object.values(ageingDocTitles).map((title): [string, string] => [title, title]),
  ['WCAG 2.2', '《Web内容无障碍指南》（WCAG 2.2）'],
]

function standardsCited(items: readonly NoticeListItem[]): string[] {
  const codes = new Set(items.flatMap((i) => i.clauses.map((c) => c.code)))
  const known = standardNames.filter(([code]) => codes.has(code)).map(([, name]) => name)
  const others = [...codes].filter((code) => !standardNames.some(([known]) => known === code))
  return [...known, ...others]
}

const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

function numeral(n: number): string {
  if (n <= 10) return chineseNumerals[n - 1]!
  if (n < 20) return `十${chineseNumerals[n - 11]}`
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${chineseNumerals[tens - 1]}十${ones ? chineseNumerals[ones - 1] : ''}`
}

/** "2026年3月1日", or "2026年2月3日至2026年3月1日" when the items were found on several days. */
function dateSpan(days: readonly string[]): string {
  const sorted = [...new Set(days)].sort()
  if (sorted.length === 0) return ''
  const first = formatChineseDate(sorted[0]!)
  const last = formatChineseDate(sorted[sorted.length - 1]!)
  return first === last ? first : `${first}至${last}`
}

/** "第3项" or "第1至9项" (a group's rows are consecutive: the list is ordered by place or portal). */
function rowSpan(items: readonly NoticeListItem[]): string {
  const first = items[0]!.index
  const last = items[items.length - 1]!.index
  return first === last ? `第${first}项` : `第${first}至${last}项`
}

function listed(names: readonly string[], max: number): { text: string; more: boolean } {
  const unique = [...new Set(names.filter(Boolean))]
  return { text: unique.slice(0, max).join('、'), more: unique.length > max }
}

const isMandatory = (item: NoticeListItem) => item.clauses.some((c) => c.mandatory)

/** A site item's problem in a summary: "北门坡道的坡道坡度" from the title "北门坡道：坡道坡度". */
function siteProblem(item: NoticeListItem): string {
  const [facility, check] = item.title.split('：')
  return check ? `${facility}的${check}` : item.title
}

function groupsOf(items: readonly NoticeListItem[]): NoticeListItem[][] {
  const groups: NoticeListItem[][] = []
  for (const item of items) {
    const last = groups[groups.length - 1]
    if (last && last[0]!.source === item.source && last[0]!.subject === item.subject) last.push(item)
    else groups.push([item])
  }
  return groups
}

function siteSummary(n: number, items: readonly NoticeListItem[], days: string[]): string {
  const facilities = listed(
    items.map((i) => i.position),
    4,
  )
  const count = new Set(items.map((i) => i.position).filter(Boolean)).size
  // "北门坡道", "北门坡道、南门坡道共2处设施", "A、B、C、D等6处设施"
  const where = !facilities.text
    ? '有关设施'
    : count === 1
      ? facilities.text
      : `${facilities.text}${facilities.more ? '等' : '共'}${count}处设施`
  const mandatory = items.filter(isMandatory).length
  const problems = listed(items.map(siteProblem), 3)
  const when = dateSpan(days)
  return (
    `（${numeral(n)}）${items[0]!.subject || '有关场所'}。${when ? `${when}现场检查发现，` : '现场检查发现，'}` +
    `${where}存在问题${items.length}项${mandatory ? `，其中不符合强制性条文的${mandatory}项` : ''}，` +
    `主要是${problems.text}${problems.more ? '等' : ''}不符合要求（见附件1${rowSpan(items)}）。`
  )
}

function webSummary(n: number, items: readonly NoticeListItem[], days: string[]): string {
  const problems = listed(
    items.map((i) => i.title),
    3,
  )
  const places = items.reduce((sum, i) => sum + Math.max(i.elementCount, 1), 0)
  const when = dateSpan(days)
  return (
    `（${numeral(n)}）${items[0]!.subject || '有关网站'}。${when ? `${when}网站检测发现，` : '网站检测发现，'}` +
    `存在问题${items.length}项（共${places}处），主要是${problems.text}${problems.more ? '等' : ''}` +
    `（见附件1${rowSpan(items)}）。`
  )
}

/** 附件2's name after what it holds. */
export function photosAttachmentName(photos: readonly NoticePhoto[]): string | null {
  const photo = photos.some((p) => p.kind === 'photo')
  const screenshot = photos.some((p) => p.kind === 'screenshot')
  if (photo && screenshot) return '现场照片和网页截图'
  if (photo) return '现场照片'
  if (screenshot) return '网页截图'
  return null
}

export function noticeBody(input: BodyInput): NoticeBody {
  const { items } = input
  const site = items.filter((i) => i.source === 'site')
  const web = items.filter((i) => i.source === 'web')
  const mandatory = items.filter(isMandatory).length
  const places = [...new Set(site.map((i) => i.subject).filter(Boolean))]
  const portals = [...new Set(web.map((i) => i.subject).filter(Boolean))]
  const scope = [
    site.length ? `对你单位负责的${places.join('、') || '场所'}进行了无障碍设施现场检查` : '',
    web.length ? `对${portals.join('、') || '你单位的网站'}进行了无障碍检测` : '',
  ]
    .filter(Boolean)
    .join('，')
  const standards = standardsCited(items)
  const basis = standards.length ? `${law}和${standards.join('、')}等标准` : law
  const photosName = photosAttachmentName(input.photos)
  const attachments = [listAttachmentName, ...(photosName ? [photosName] : [])]

  const body: NoticeBlock[] = []
  const heading = (text: string) => body.push({ kind: 'heading', text })
  const paragraph = (text: string) => body.push({ kind: 'paragraph', text })

  paragraph(
    `根据${basis}，${input.issuer}${scope}，发现问题共${items.length}项` +
      `${mandatory ? `，其中不符合强制性条文的${mandatory}项` : ''}。现将有关事项通知如下：`,
  )
  heading('一、存在的主要问题')
  groupsOf(items).forEach((group, i) => {
    const days = group.map((item) => input.checkedOn.get(item.itemId)).filter((d) => d !== undefined)
    paragraph(group[0]!.source === 'site' ? siteSummary(i + 1, group, days) : webSummary(i + 1, group, days))
  })
  paragraph(`具体问题、依据条款和整改要求见附件1${photosName ? `，${photosName}见附件2` : ''}。`)
  heading('二、整改要求')
  paragraph(
    `请你单位对照问题清单逐项整改，整改结果应当符合所列条款的要求` +
      `${mandatory ? '；不符合强制性条文的问题应当优先整改' : ''}。`,
  )
  if (web.length) {
    paragraph('网站问题请组织网站建设和运维单位在网页源码或内容管理系统中修改，同类页面一并检查整改。')
  }
  heading('三、整改期限')
  paragraph(`请于${formatChineseDate(input.deadline)}前完成整改。`)
  heading('四、整改回复')
  paragraph(sentence(input.replyInstructions))
  if (input.contact) {
    const contact = input.contact.trim()
    paragraph(sentence(/^联系/.test(contact) ? contact : `联系方式：${contact}`))
  }
  return { body, attachments }
}
