/**
 * Documents portals link to: which file formats the crawler records, and which of them the documents check can
 * open. PDF and the Office Open XML formats are read; the older binary Office and WPS formats and OFD are recorded
 * with a needs-review note, as nothing reads their accessibility properties reliably.
 */

export type DocumentKind = 'pdf' | 'ooxml' | 'legacy'

export const documentFormats: Readonly<Record<string, DocumentKind>> = {
  pdf: 'pdf',
  docx: 'ooxml',
  xlsx: 'ooxml',
  pptx: 'ooxml',
  doc: 'legacy',
  xls: 'legacy',
  ppt: 'legacy',
  wps: 'legacy',
  et: 'legacy',
  dps: 'legacy',
  ofd: 'legacy',
  rtf: 'legacy',
  odt: 'legacy',
  ods: 'legacy',
  odp: 'legacy',
}

/** zh-CN names of the formats for reports. */
export const documentFormatNames: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  docx: 'Word（docx）',
  xlsx: 'Excel（xlsx）',
  pptx: 'PowerPoint（pptx）',
  doc: 'Word 97-2003（doc）',
  xls: 'Excel 97-2003（xls）',
  ppt: 'PowerPoint 97-2003（ppt）',
  wps: 'WPS 文字',
  et: 'WPS 表格',
  dps: 'WPS 演示',
  ofd: 'OFD 版式文件',
  rtf: 'RTF',
  odt: 'ODF 文本',
  ods: 'ODF 表格',
  odp: 'ODF 演示',
}

/** The document format of a URL (by its path's extension), or null when it is not a recorded document. */
export function documentFormatOf(url: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(new URL(url).pathname)
  } catch {
    return null
  }
  const ext = /\.([a-z0-9]{2,4})$/i.exec(path)?.[1]?.toLowerCase()
  return ext && ext in documentFormats ? ext : null
}

const SECOND_LEVEL = /^(gov|com|org|edu|net|ac)\.(cn|hk|mo|tw)$/

/**
 * The site a host belongs to: its last two labels, or three under gov.cn, com.cn … (portals keep attachments on
 * hosts such as file.example.gov.cn). IP addresses and single-label hosts are their own site.
 */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/:\d+$/, '')
  if (/^[\d.]+$/.test(h) || h.startsWith('[') || !h.includes('.')) return h
  const labels = h.split('.')
  const take = SECOND_LEVEL.test(labels.slice(-2).join('.')) ? 3 : 2
  return labels.slice(-take).join('.')
}

/** Both URLs are on the same site (same scheme-less site, any port for IPs counts as different). */
export function sameSite(a: string, b: string): boolean {
  try {
    const ua = new URL(a)
    const ub = new URL(b)
    if (/^[\d.]+$/.test(ua.hostname) || /^[\d.]+$/.test(ub.hostname)) return ua.host === ub.host
    return siteOf(ua.hostname) === siteOf(ub.hostname)
  } catch {
    return false
  }
}
