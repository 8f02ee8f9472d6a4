import type { ExportedFile } from '../../../shared/domain/rectification'

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Saves an exported file the way a browser saves any download: a Blob behind a temporary <a download>.
 * In the desktop app Electron turns it into a save dialog (electron/main/window.ts, will-download).
 */
export function saveExportedFile(file: ExportedFile): void {
  const blob = new Blob([bytesOf(file.base64)], { type: file.mimeType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started reading the blob; give it a moment before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
