/**
 * A rendered notice, shown as a page. The HTML carries text taken from audited websites, so the frame is
 * sandboxed without allow-scripts: nothing in it can run, whatever escaped or not. allow-same-origin only lets
 * the frame use the app's own fonts and images under its CSP.
 */
export function NoticeFrame({ html, title }: { html: string; title: string }) {
  return (
    <iframe
      className="aa-rect-notice-frame"
      sandbox="allow-same-origin allow-modals"
      srcDoc={html}
      title={title}
      data-testid="notice-frame"
    />
  )
}
