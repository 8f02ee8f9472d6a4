/**
 * Accessibility overlays: toolbars and widgets added to a site by a script (Chinese "无障碍浏览 / 辅助浏览" toolbars,
 * international "AI" overlays). They are reported as information only: a page earns no credit for carrying one,
 * and it is audited as it is without it. Overlays that rewrite every visitor's page at load (`remediates`) have
 * their scripts blocked during the audit (`block`, Chromium URL patterns), so their runtime patches cannot hide
 * the page's own barriers; toolbars that change nothing until a visitor switches them on are left to load.
 *
 * Detection is data: script URL patterns (case-insensitive regular expressions), window globals and DOM markers
 * (CSS selectors). `source` says where each pattern comes from.
 */

export interface OverlayRecord {
  id: string
  /** zh-CN name for reports. */
  name: string
  origin: 'cn' | 'intl'
  scripts: readonly string[]
  globals: readonly string[]
  markers: readonly string[]
  /** Rewrites the page for every visitor at load. */
  remediates: boolean
  /** URL patterns blocked during the audit (remediating overlays only). */
  block: readonly string[]
  /** Where the patterns were taken from. */
  source: string
}

export const overlays: readonly OverlayRecord[] = [
  {
    id: 'cn-rrbay-wzatool',
    name: '无障碍工具条（太阳湾 wzatool）',
    origin: 'cn',
    scripts: ['/canyou/', 'wzatool[\\w.-]*\\.(js|otf)', 'wza-config\\.js', 'rrbay\\.com'],
    globals: [],
    markers: ['#rrbay_wzatool', '[id^="rrbay_"]'],
    remediates: false,
    block: [],
    source: 'the vendor public repository gemgin/AmblyopiaTool (canyou/index.html, canyou/js/)',
  },
  {
    id: 'cn-cniaas',
    name: '云无障碍辅助浏览（cniaas）',
    origin: 'cn',
    scripts: ['cniaas'],
    globals: [],
    markers: ['[id*="cniaas" i]', '[class*="cniaas" i]'],
    remediates: false,
    block: [],
    source: 'service name as it appears in script hosts and element ids',
  },
  {
    id: 'cn-aria-js',
    name: '无障碍辅助浏览（aria.js 工具条）',
    origin: 'cn',
    scripts: ['/aria(\\.min)?\\.js\\?appid='],
    globals: [],
    markers: ['script#ariascripts'],
    remediates: false,
    block: [],
    source: 'the loader snippet government portals embed (script id "ariascripts", aria.js?appid=…)',
  },
  {
    id: 'cn-assist-js',
    name: '无障碍插件（assist.js）',
    origin: 'cn',
    scripts: [],
    globals: [],
    markers: ['#assist-open', '[class^="mozi-assist"]'],
    remediates: false,
    block: [],
    source: 'the public repository qiutian00/assist-tool (README: #assist-open, namespace mozi-assist)',
  },
  {
    id: 'cn-wza-generic',
    name: '无障碍辅助浏览工具条（通用）',
    origin: 'cn',
    scripts: ['//wza\\.[^/]+/', '/wza/[^?#]*\\.js', '/wzafw/', 'barrierfree[\\w.-]*\\.js'],
    globals: [],
    markers: ['#wza_toolbar', '#wzaToolbar', '.wza-toolbar', '#toolbar_wza'],
    remediates: false,
    block: [],
    source: 'the path and host names Chinese portals serve their 无障碍 (wza) toolbars from',
  },
  {
    id: 'accessibe',
    name: 'accessiBe',
    origin: 'intl',
    scripts: ['acsbapp\\.com', 'accessibe\\.com', '/acsb\\.js'],
    globals: ['acsbJS'],
    markers: ['.acsb-trigger', '[data-acsb]'],
    remediates: true,
    block: ['*acsbapp.com*', '*accessibe.com*'],
    source: 'the vendor install snippet (acsbapp.com/apps/app/dist/js/app.js, window.acsbJS)',
  },
  {
    id: 'userway',
    name: 'UserWay',
    origin: 'intl',
    scripts: ['userway\\.org'],
    globals: ['UserWay', '_userway_config'],
    markers: ['.uwy', '#userwayAccessibilityIcon'],
    remediates: true,
    block: ['*userway.org*'],
    source: 'the vendor install snippet (cdn.userway.org/widget.js, window._userway_config)',
  },
  {
    id: 'audioeye',
    name: 'AudioEye',
    origin: 'intl',
    scripts: ['audioeye\\.com'],
    globals: ['AudioEye'],
    markers: ['#ae_app'],
    remediates: true,
    block: ['*audioeye.com*'],
    source: 'the vendor loader (wsmcdn.audioeye.com/aem.js, window.AudioEye)',
  },
  {
    id: 'equalweb',
    name: 'EqualWeb',
    origin: 'intl',
    scripts: ['equalweb\\.com', 'nagishli'],
    globals: ['interdeal'],
    markers: ['#INDmenu-btn'],
    remediates: true,
    block: ['*equalweb.com*'],
    source: 'the vendor install snippet (cdn.equalweb.com/core/…/accessibility.js, window.interdeal)',
  },
  {
    id: 'maxaccess',
    name: 'Max Access',
    origin: 'intl',
    scripts: ['maxaccess\\.io'],
    globals: [],
    markers: [],
    remediates: true,
    block: ['*maxaccess.io*'],
    source: 'the vendor script host',
  },
  {
    id: 'reciteme',
    name: 'Recite Me',
    origin: 'intl',
    scripts: ['reciteme\\.com', 'recite\\.me'],
    globals: [],
    markers: ['#recite-wrapper'],
    remediates: false,
    block: [],
    source: 'the vendor script host (api.reciteme.com)',
  },
]

export interface OverlayEvidence {
  scripts: readonly string[]
  globals: readonly string[]
  markers: readonly string[]
}

/** What the page shows of one overlay, in zh-CN; empty when it shows nothing. */
export function overlayMatches(record: OverlayRecord, page: OverlayEvidence): string[] {
  const found: string[] = []
  const script = page.scripts.find((src) => record.scripts.some((p) => new RegExp(p, 'i').test(src)))
  if (script) found.push(`脚本 ${script.length > 120 ? `${script.slice(0, 120)}…` : script}`)
  for (const g of record.globals) if (page.globals.includes(g)) found.push(`全局对象 ${g}`)
  for (const m of record.markers) if (page.markers.includes(m)) found.push(`页面元素 ${m}`)
  return found
}

/** Chromium URL patterns of the remediating overlays' scripts (blocked while a page is audited). */
export const overlayBlockPatterns: readonly string[] = overlays.flatMap((o) => o.block)

export function getOverlay(id: string): OverlayRecord | undefined {
  return overlays.find((o) => o.id === id)
}
