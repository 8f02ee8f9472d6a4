// Worker thread of the documents check: reads one PDF or Office Open XML file and posts back plain facts.
// It runs in its own thread with a memory cap and is terminated by its parent after a time limit, so a broken or
// hostile file can neither hang nor kill the batch. Plain JavaScript: worker threads load files as they are.
import { parentPort, workerData } from 'node:worker_threads'

const MAX_XML_CHARS = 20_000_000
/** Inflated size of one part / of all parts read: beyond it the file is refused (a zip bomb), never inflated. */
const MAX_PART_BYTES = 40 * 1024 * 1024
const MAX_TOTAL_BYTES = 150 * 1024 * 1024

class TooLarge extends Error {}

/** A PDF's facts: pages, title and language, tagging, permissions, and text / images of the first pages. */
async function readPdf(bytes, maxPages) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  let doc
  try {
    doc = await task.promise
  } catch (error) {
    if (error && error.name === 'PasswordException') return { kind: 'pdf', password: true }
    throw error
  }
  try {
    const meta = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }))
    const markInfo = await doc.getMarkInfo().catch(() => null)
    const permissions = await doc.getPermissions().catch(() => null)
    const pages = []
    let structTree = false
    const checked = Math.min(doc.numPages, maxPages)
    for (let n = 1; n <= checked; n++) {
      const page = await doc.getPage(n)
      if (n === 1) structTree = !!(await page.getStructTree().catch(() => null))
      const text = await page.getTextContent()
      const chars = text.items
        .map((i) => ('str' in i ? i.str : ''))
        .join('')
        .replace(/\s+/g, '').length
      const ops = await page.getOperatorList()
      const images = ops.fnArray.filter(
        (fn) =>
          fn === pdfjs.OPS.paintImageXObject ||
          fn === pdfjs.OPS.paintInlineImageXObject ||
          fn === pdfjs.OPS.paintImageMaskXObject,
      ).length
      pages.push({ chars, images })
      page.cleanup()
    }
    let xmpTitle = null
    try {
      xmpTitle = meta.metadata?.get?.('dc:title') ?? null
    } catch {
      xmpTitle = null
    }
    return {
      kind: 'pdf',
      password: false,
      pageCount: doc.numPages,
      title: String(xmpTitle || meta.info?.Title || '').trim(),
      lang: String(meta.info?.Language || '').trim(),
      marked: !!markInfo?.Marked,
      structTree,
      // null: no restrictions. Else the allowed flags; 0x200 = copy for accessibility.
      accessibilityAllowed:
        permissions === null ? true : permissions.includes(pdfjs.PermissionFlag.COPY_FOR_ACCESSIBILITY),
      pages,
    }
  } finally {
    await doc.destroy()
  }
}

const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null
const xmlText = (xml) =>
  xml
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, '').length

/** Office Open XML (docx, xlsx, pptx): title and language properties, pictures and their alt text, text amount. */
async function readOoxml(bytes, format) {
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false })
  // The central directory states each part's inflated size; a part that claims more is refused before inflating,
  // and a part that inflates to more than it claimed is cut short by the slice below and the worker's memory cap.
  let total = 0
  const read = async (name) => {
    const file = zip.file(name)
    if (!file) return null
    const size = Number(file._data?.uncompressedSize ?? 0)
    total += size
    if (size > MAX_PART_BYTES || total > MAX_TOTAL_BYTES)
      throw new TooLarge(
        `文件解压后超过 ${Math.round((size > MAX_PART_BYTES ? MAX_PART_BYTES : MAX_TOTAL_BYTES) / 1024 / 1024)} MB（疑似压缩炸弹），未读取`,
      )
    const text = await file.async('string')
    return text.length > MAX_XML_CHARS ? text.slice(0, MAX_XML_CHARS) : text
  }
  const core = (await read('docProps/core.xml')) ?? ''
  const title = /<dc:title[^>]*>([\s\S]*?)<\/dc:title>/.exec(core)?.[1]?.trim() ?? ''
  const langs = []
  const coreLang = /<dc:language[^>]*>([\s\S]*?)<\/dc:language>/.exec(core)?.[1]?.trim()
  if (coreLang) langs.push(coreLang)
  const parts = Object.keys(zip.files).filter((name) =>
    format === 'docx'
      ? /^word\/(document|header\d*|footer\d*)\.xml$/.test(name)
      : format === 'xlsx'
        ? /^xl\/(drawings\/drawing\d+|sharedStrings)\.xml$/.test(name)
        : /^ppt\/slides\/slide\d+\.xml$/.test(name),
  )
  let chars = 0
  let images = 0
  let imagesWithoutAlt = 0
  for (const name of parts.slice(0, 300)) {
    const xml = (await read(name)) ?? ''
    chars += xmlText(xml.replace(/<(wp:docPr|p:cNvPr|xdr:cNvPr)[^>]*>/g, ''))
    // Pictures: their non-visual properties carry the alt text (descr) or the "decorative" mark.
    const props =
      format === 'docx'
        ? (xml.match(/<wp:docPr\b[^>]*>[\s\S]*?(?=<a:graphic\b)/g) ?? [])
        : (xml.match(/<(p|xdr):pic\b[\s\S]*?<\/\1:pic>/g) ?? []).map(
            (pic) => /<(p|xdr):cNvPr\b[^>]*>(?:[\s\S]*?<\/\1:cNvPr>)?/.exec(pic)?.[0] ?? '',
          )
    for (const p of props) {
      const open = /<[^>]+>/.exec(p)?.[0] ?? ''
      images++
      const decorative = /decorative\b[^>]*val="1"/.test(p)
      if (!decorative && !(attr(open, 'descr') ?? '').trim()) imagesWithoutAlt++
    }
  }
  if (format === 'docx') {
    const styles = (await read('word/styles.xml')) ?? ''
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? ''
    const lang = /<w:lang\b[^>]*>/.exec(defaults)?.[0]
    if (lang) for (const key of ['w:val', 'w:eastAsia']) if (attr(lang, key)) langs.push(attr(lang, key))
  }
  return { kind: 'ooxml', format, title, langs, chars, images, imagesWithoutAlt }
}

try {
  const { bytes, format, maxPages } = workerData
  const facts =
    format === 'pdf' ? await readPdf(new Uint8Array(bytes), maxPages) : await readOoxml(bytes, format)
  parentPort.postMessage({ ok: true, facts })
} catch (error) {
  parentPort.postMessage({
    ok: false,
    reason: error instanceof TooLarge ? 'too-large' : 'broken',
    error: String(error?.message ?? error).slice(0, 300),
  })
}
