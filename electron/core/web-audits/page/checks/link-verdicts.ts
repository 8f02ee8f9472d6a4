/**
 * Pure decisions of the link rules (aa-link-*), on facts gathered in the page by link-checks.ts. Unit-tested
 * without a browser; the word lists are data a reviewer can read.
 */

export interface LinkFacts {
  /** Index into the page's list of links (for describing flagged ones). */
  i: number
  /** Accessible name approximation: aria-labelledby, aria-label, text with image alt, else title. */
  name: string
  /** The href attribute as written ('' when absent). */
  href: string
  /** The resolved URL ('' for a non-http(s) target). */
  url: string
  target: string
  /** role attribute when it is not "link" (a link styled as a button that says so). */
  role: string
  title: string
  /** Text of the elements aria-describedby points to. */
  described: string
  /** Other text of the enclosing paragraph, list item, table cell or definition ('' when none). */
  context: string
  /** Text of the heading of the link's own block (WCAG technique H80), '' when none. */
  heading: string
  /** Nothing perceivable (text or another focusable element) between the previous link and this one. */
  adjacentToPrevious: boolean
}

/** Link texts that do not say where the link goes (compared after `normalizeLinkText`). */
export const NONSPECIFIC_TEXTS: ReadonlySet<string> = new Set([
  // zh
  '更多',
  '更多内容',
  '更多信息',
  '更多资讯',
  '更多新闻',
  '查看更多',
  '点击查看更多',
  '了解更多',
  '阅读更多',
  '详情',
  '详细',
  '详细信息',
  '详细内容',
  '详细情况',
  '查看详情',
  '点击查看详情',
  '查看详细',
  '点击这里',
  '点击此处',
  '点这里',
  '点此',
  '点此查看',
  '点击',
  '点击进入',
  '进入',
  '点击查看',
  '查看',
  '这里',
  '此处',
  '链接',
  '阅读全文',
  '查看全文',
  '全文',
  '原文',
  '原文链接',
  '点击下载',
  '下载',
  '下载附件',
  '详见',
  '更多>>',
  // en
  'here',
  'clickhere',
  'click',
  'more',
  'readmore',
  'moreinfo',
  'moreinformation',
  'seemore',
  'viewmore',
  'learnmore',
  'details',
  'detail',
  'link',
  'thislink',
  'thispage',
  'continue',
  'go',
  'download',
  'view',
])

/** Lower case without spaces, punctuation, arrows and other symbols: '更多>>' → '更多', 'Read more…' → 'readmore'. */
export function normalizeLinkText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')
}

export function isNonspecificText(name: string): boolean {
  const n = normalizeLinkText(name)
  return n.length > 0 && NONSPECIFIC_TEXTS.has(n)
}

/** Words that announce a new window or tab. */
const NEW_WINDOW_WORDS =
  /新窗口|新标签|新页面|新网页|新视窗|新的窗口|新的页面|新开|外部链接|外链|new\s*(window|tab)|opens\s+in|external/i

/** Targets that stay in the same window (in the top frame). */
const SAME_WINDOW_TARGETS = new Set(['', '_self', '_parent', '_top'])

/**
 * The page's link context (WCAG 2.4.4 "programmatically determined link context") says where it goes. A heading
 * counts only when `headingIsDistinct` (no same-named link under the same heading goes elsewhere).
 */
export function hasLinkContext(link: LinkFacts, headingIsDistinct = true): boolean {
  if (link.heading && headingIsDistinct) return true
  if (link.described.trim()) return true
  const title = normalizeLinkText(link.title)
  if (title && !NONSPECIFIC_TEXTS.has(title) && title !== normalizeLinkText(link.name)) return true
  // At least two letters (or CJK characters) of other text beside the link in its paragraph / item / cell.
  return (link.context.match(/\p{L}/gu) ?? []).length >= 2
}

/** A link that targets nothing: empty, "#", or a javascript: URL, and no role saying it is a button. */
export function hasNoTarget(link: LinkFacts): boolean {
  if (link.role) return false
  const href = link.href.trim()
  return href === '' || href === '#' || /^javascript:/i.test(href)
}

/** Links whose heading does not tell them apart: same name and heading, different destinations. */
export function sharedHeadings(links: readonly LinkFacts[]): Set<LinkFacts> {
  const groups = new Map<string, LinkFacts[]>()
  for (const l of links) {
    if (!l.heading) continue
    const key = `${normalizeLinkText(l.name)}\n${l.heading}`
    groups.set(key, [...(groups.get(key) ?? []), l])
  }
  const out = new Set<LinkFacts>()
  for (const group of groups.values())
    if (new Set(group.map((l) => destinationKey(l.url || l.href))).size > 1) for (const l of group) out.add(l)
  return out
}

/** A non-specific name without context; `shared` from sharedHeadings over the page's links. */
export function isNonspecific(link: LinkFacts, shared: ReadonlySet<LinkFacts> = new Set()): boolean {
  return isNonspecificText(link.name) && !hasLinkContext(link, !shared.has(link))
}

export function opensNewWindowUnannounced(link: LinkFacts): boolean {
  if (SAME_WINDOW_TARGETS.has(link.target.trim().toLowerCase())) return false
  return !NEW_WINDOW_WORDS.test(`${link.name} ${link.title} ${link.described}`)
}

/** Same destination for comparing links: default documents (index.html …) and a trailing slash dropped. */
export function destinationKey(url: string): string {
  if (!url) return ''
  try {
    const u = new URL(url)
    const path = u.pathname.replace(/\/(index|default)\.(s?html?|php|jsp|aspx?)$/i, '/').replace(/\/+$/, '')
    return `${u.protocol}//${u.host.toLowerCase()}${path}${u.search}${u.hash}`
  } catch {
    return url
  }
}

/** Adjacent links to the same real destination (the second of each pair is flagged). */
export function adjacentDuplicates(
  links: readonly LinkFacts[],
): Array<{ link: LinkFacts; previous: LinkFacts }> {
  const out: Array<{ link: LinkFacts; previous: LinkFacts }> = []
  for (let k = 1; k < links.length; k++) {
    const link = links[k] as LinkFacts
    const previous = links[k - 1] as LinkFacts
    if (!link.adjacentToPrevious || !link.url || hasNoTarget(link)) continue
    if (destinationKey(link.url) === destinationKey(previous.url)) out.push({ link, previous })
  }
  return out
}

/**
 * Links sharing a name but going to different places, none of whose context tells them apart. Non-specific names
 * are left to aa-link-nonspecific, so one link is not reported twice for one problem.
 */
export function ambiguousLinks(links: readonly LinkFacts[]): Array<{ name: string; links: LinkFacts[] }> {
  const groups = new Map<string, LinkFacts[]>()
  for (const link of links) {
    const key = normalizeLinkText(link.name)
    if (!key || !link.url || hasNoTarget(link) || isNonspecificText(link.name)) continue
    groups.set(key, [...(groups.get(key) ?? []), link])
  }
  const out: Array<{ name: string; links: LinkFacts[] }> = []
  for (const group of groups.values()) {
    const destinations = new Set(group.map((l) => destinationKey(l.url)))
    if (destinations.size < 2) continue
    const shared = sharedHeadings(group)
    const unclear = group.filter((l) => !hasLinkContext(l, !shared.has(l)))
    if (new Set(unclear.map((l) => destinationKey(l.url))).size >= 2)
      out.push({ name: (group[0] as LinkFacts).name, links: unclear })
  }
  return out
}

/** Document and archive formats a link may lead to, with the words that name each format. */
const FORMAT_WORDS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^pdf$/, /pdf/i],
  [/^(docx?|dot|rtf|odt)$/, /docx?|word|rtf|odt|文档/i],
  [/^wps$/, /wps|word|文档/i],
  [/^(xlsx?|csv|ods)$/, /xlsx?|excel|csv|ods|表格|电子表/i],
  [/^et$/, /\bet\b|wps|表格|电子表/i],
  [/^(pptx?|odp)$/, /pptx?|powerpoint|演示|幻灯/i],
  [/^dps$/, /dps|wps|演示|幻灯/i],
  [/^ofd$/, /ofd/i],
  [/^(zip|rar|7z|gz|tgz|tar|bz2)$/, /zip|rar|7z|gz|tar|压缩/i],
  [/^txt$/, /txt|文本/i],
]

/** The file extension of a URL's path when it is one of the formats above, else null. */
export function fileFormatOf(url: string): string | null {
  if (!url) return null
  let path: string
  try {
    path = decodeURIComponent(new URL(url).pathname)
  } catch {
    return null
  }
  const ext = /\.([a-z0-9]{1,5})$/i.exec(path)?.[1]?.toLowerCase()
  return ext && FORMAT_WORDS.some(([e]) => e.test(ext)) ? ext : null
}

/** A file link whose name and context never mention its format. */
export function fileFormatUnstated(link: LinkFacts): string | null {
  const ext = fileFormatOf(link.url)
  if (!ext) return null
  const words = FORMAT_WORDS.find(([e]) => e.test(ext))?.[1] as RegExp
  return words.test(`${link.name} ${link.title} ${link.described} ${link.context}`) ? null : ext
}
