import { Parser } from 'htmlparser2'

/**
 * Link discovery from HTML (used by the fetch crawler and as the fallback when the page auditor could not collect
 * links during its own page load). Only `a[href]` and `area[href]`: frames are audited as part of their page.
 */

/** Path endings that are not web pages: documents, archives, media, executables. */
export const nonHtmlExtensions: readonly string[] = (
  'pdf doc docx xls xlsx ppt pptx wps et dps ofd odt ods odp rtf txt csv xml json zip rar 7z gz tgz ' +
  'tar bz2 jpg jpeg png gif bmp webp svg ico tif tiff mp3 wav wma flac aac ogg mp4 avi wmv flv mov mkv ' +
  'webm rm rmvb m4a m4v exe msi apk ipa dmg iso bin css js swf ceb'
).split(' ')
const nonHtmlPattern = new RegExp(`\\.(?:${nonHtmlExtensions.join('|')})$`, 'i')

/** Schemes that never lead to a page (the rest are refused by normalizeUrl as non-http(s)). */
const skippedSchemes =
  /^\s*(?:mailto|javascript|tel|sms|data|blob|ftp|file|about|vbscript|weixin|ms-[a-z]+):/i

/** True when the link obviously does not lead to an HTML page (by scheme or by the path's extension). */
export function isNonHtmlLink(href: string): boolean {
  if (skippedSchemes.test(href)) return true
  let pathname: string
  try {
    pathname = new URL(href, 'http://x.invalid/').pathname
  } catch {
    return true
  }
  return nonHtmlPattern.test(decodeSafe(pathname))
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Extracts the targets of `a[href]` and `area[href]` from an HTML document, resolved against the page's real URL
 * (after redirects) or its `<base href>`. Links with `download` or a non-page scheme/extension are left out.
 */
export function extractLinks(html: string, pageUrl: string): string[] {
  let base = pageUrl
  let baseSeen = false
  const raw: string[] = []
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && !baseSeen && attrs.href !== undefined) {
          baseSeen = true
          try {
            base = new URL(attrs.href, pageUrl).href
          } catch {
            // an invalid <base> is ignored by browsers too
          }
        } else if (
          (name === 'a' || name === 'area') &&
          attrs.href !== undefined &&
          attrs.download === undefined
        ) {
          raw.push(attrs.href)
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return resolveLinks(raw, base)
}

/** Resolves hrefs against `base`, dropping non-page links, invalid URLs and repeats. */
export function resolveLinks(hrefs: readonly string[], base: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const href of hrefs) {
    const text = href.trim()
    if (!text || text.startsWith('#') || isNonHtmlLink(text)) continue
    let absolute: string
    try {
      absolute = new URL(text, base).href
    } catch {
      continue
    }
    if (!/^https?:/i.test(absolute) || isNonHtmlLink(absolute) || seen.has(absolute)) continue
    seen.add(absolute)
    out.push(absolute)
  }
  return out
}
