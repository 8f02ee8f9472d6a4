import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A site whose page A leaves every kind of state a browser keeps for an origin, and whose page B reports what it
 * finds: cookies (HTTP and script), local and session storage, IndexedDB, Cache Storage, a service worker, the
 * window name, an HTTP-cached script, permission decisions, and the partitioned storage of a third-party frame
 * (served as `localhost`, another site than `127.0.0.1`). Counts how often the cached script is fetched.
 *
 * Page A also writes late: from a timer that keeps running after its audit, and while it is left (pagehide,
 * visibilitychange, unload handlers, and a beacon whose answer, 200 ms later, sets a cookie). Page B reads its
 * cookies only once no beacon is on its way, so a cookie a late answer sets would be seen.
 */

export interface StateReport {
  cookie: string
  local: number
  session: number
  name: string
  history: number
  databases: string[]
  caches: string[]
  workers: number
  controlled: boolean
  geolocation: string
  notifications: string
  thirdParty: { local: string | null; databases: string[] }
}

/** What reached the server from page A's late writers. */
export interface LateWrites {
  /** Beacons received (sendBeacon from pagehide; none when the tab blocks what a page sends while it is left). */
  beacons: number
}

export interface StateSite {
  /** http://127.0.0.1:port */
  origin: string
  url(path: string): string
  cachedFetches(): number
  late(): LateWrites
  close(): Promise<void>
}

const frameScript = `<script>
window.report = (async () => ({
  local: localStorage.getItem('tp'),
  databases: (await indexedDB.databases()).map((d) => d.name),
}))()
if (location.search.includes('set')) {
  localStorage.setItem('tp', '1')
  indexedDB.open('third-party-db', 1).onupgradeneeded = (e) => e.target.result.createObjectStore('s')
}
window.report.then((r) => parent.postMessage({ thirdParty: r }, '*'))
</script>`

const pageA = (
  thirdParty: string,
) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>甲页</title>
<script src="/cached.js"></script></head><body><main><h1>甲页</h1>
<iframe title="第三方" src="${thirdParty}/frame.html?set"></iframe>
<script>
const frameDone = new Promise((r) => addEventListener('message', (e) => e.data.thirdParty && r()))
window.stateDone = (async () => {
  document.cookie = 'script=1; max-age=3600'
  localStorage.setItem('k', '1')
  sessionStorage.setItem('s', '1')
  window.name = 'page-a'
  await new Promise((resolve) => {
    const open = indexedDB.open('db', 1)
    open.onupgradeneeded = () => open.result.createObjectStore('s')
    open.onsuccess = () => {
      const tx = open.result.transaction('s', 'readwrite')
      tx.objectStore('s').put(1, 'k')
      tx.oncomplete = () => { open.result.close(); resolve() }
    }
  })
  await (await caches.open('c')).put('/x', new Response('x'))
  await navigator.serviceWorker.register('/sw.js')
  await navigator.serviceWorker.ready
  // Headless Chromium answers these requests with a "denied" it stores for the origin.
  await new Promise((r) => navigator.geolocation.getCurrentPosition(r, r))
  await Notification.requestPermission().catch(() => {})
  await frameDone
  return 'done'
})()
window.stateDone.then(() => setInterval(() => localStorage.setItem('late', String(Date.now())), 10))
addEventListener('pagehide', () => {
  localStorage.setItem('pagehide', '1')
  document.cookie = 'pagehide=1; max-age=3600'
  navigator.sendBeacon('/beacon', 'bye')
})
document.addEventListener('visibilitychange', () => sessionStorage.setItem('hidden', document.visibilityState))
addEventListener('unload', () => localStorage.setItem('unload', '1'))
</script></main></body></html>`

const pageB = (
  thirdParty: string,
) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>乙页</title>
<script src="/cached.js"></script></head><body><main><h1>乙页</h1>
<iframe title="第三方" src="${thirdParty}/frame.html"></iframe>
<script>
const thirdParty = new Promise((r) => addEventListener('message', (e) => e.data.thirdParty && r(e.data.thirdParty)))
window.report = (async () => ({
  cookie: await fetch('/beacons-settled').then(() => document.cookie),
  local: localStorage.length,
  session: sessionStorage.length,
  name: window.name,
  history: history.length,
  databases: (await indexedDB.databases()).map((d) => d.name),
  caches: await caches.keys(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  controlled: navigator.serviceWorker.controller !== null,
  geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
  notifications: Notification.permission,
  thirdParty: await thirdParty,
}))()
</script></main></body></html>`

export async function startStateSite(): Promise<StateSite> {
  let cached = 0
  let beacons = 0
  let beaconsOnTheirWay = 0
  const settledWaiters: Array<() => void> = []
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x')
    const port = (server.address() as AddressInfo).port
    const thirdParty = `http://localhost:${port}`
    const html = (body: string, headers: Record<string, string> = {}) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body)
    if (pathname === '/cached.js') {
      cached++
      res
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' })
        .end('window.cachedScript = true')
    } else if (pathname === '/sw.js') {
      res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(
          "self.addEventListener('install', () => self.skipWaiting()); self.addEventListener('activate', (e) => e.waitUntil(clients.claim())); self.addEventListener('fetch', () => {})",
        )
    } else if (pathname === '/beacon') {
      beacons++
      beaconsOnTheirWay++
      req.resume()
      setTimeout(() => {
        res.writeHead(204, { 'set-cookie': 'beacon=1; Max-Age=3600' }).end()
        beaconsOnTheirWay--
        if (beaconsOnTheirWay === 0) for (const wake of settledWaiters.splice(0)) wake()
      }, 200)
    } else if (pathname === '/beacons-settled') {
      const answer = () => res.writeHead(204, { 'cache-control': 'no-store' }).end()
      if (beaconsOnTheirWay === 0) answer()
      else settledWaiters.push(answer)
    } else if (pathname === '/frame.html') html(frameScript)
    else if (pathname === '/a.html') html(pageA(thirdParty), { 'set-cookie': 'server=1; Max-Age=3600' })
    else if (pathname === '/b.html') html(pageB(thirdParty))
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (path) => `${origin}${path}`,
    cachedFetches: () => cached,
    late: () => ({ beacons }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
