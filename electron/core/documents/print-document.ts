import { escapeHtml } from './html-escape'

/**
 * The shell of every printed notice (each snapshot version): one self-contained HTML page for printing and for
 * Chromium's print-to-PDF — styles inline, images and fonts as data: URLs, and a CSP that forbids any script.
 */

export const printCsp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"

/** The issuer's mark is one line across the type area (156 mm ≈ 442 pt): long names get a smaller size. */
export function issuerMarkSize(issuer: string): string {
  const chars = Math.max([...issuer].length, 1)
  return `${Math.max(12, Math.min(30, Math.floor((420 / chars) * 10) / 10))}pt`
}

/**
 * The masthead of a printed notice (GB/T 9704 版头): the issuer's mark, the 发文字号 — a preview's marker when it has
 * none yet — and the red rule. Plain text in, escaped here.
 */
export function mastheadHtml(issuer: string, number: string | null, previewNumber: string): string {
  const shown = number ? escapeHtml(number) : `<span class="preview-mark">${escapeHtml(previewNumber)}</span>`
  return `<header class="masthead">
<p class="issuer-mark" style="font-size: ${issuerMarkSize(issuer)}">${escapeHtml(issuer)}</p>
<p class="doc-number">${shown}</p>
<hr class="red-rule">
</header>`
}

/** `title` is plain text (escaped here); `fontFaces`, `css` and `body` are the caller's escaped HTML and CSS. */
export function printDocument(parts: {
  title: string
  fontFaces: string
  css: string
  body: string
}): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${printCsp}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.fontFaces}
${parts.css}</style>
</head>
<body>
${parts.body}</body>
</html>
`
}
