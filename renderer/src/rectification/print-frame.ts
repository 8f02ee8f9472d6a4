/**
 * Prints a notice through the system print dialog: its HTML goes into a sandboxed srcdoc iframe (no scripts:
 * the notice carries text from audited websites), and the app calls print() on that frame, so the page is
 * printed and not the app around it. allow-same-origin lets the app reach the frame's window; allow-modals lets
 * the frame open the print dialog.
 */
export function printHtml(html: string, title: string): Promise<void> {
  document.querySelectorAll('iframe[data-print-frame]').forEach((old) => old.remove())
  const frame = document.createElement('iframe')
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
  frame.setAttribute('data-print-frame', '')
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  frame.title = title
  frame.className = 'aa-rect-print-frame'
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const win = frame.contentWindow
        if (!win) return reject(new Error('打印窗口未能打开'))
        try {
          win.focus()
          // print() returns when the dialog closes; the frame stays until the next print so a slow spooler
          // still finds its document.
          win.print()
          resolve()
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      },
      { once: true },
    )
    frame.srcdoc = html
    document.body.append(frame)
  })
}
