/**
 * The crawler's HTTP access, narrowed to what it needs so unit tests pass a fake. Only used for discovery (start
 * page links when the auditor gave none, sitemap.xml, robots.txt); pages themselves are loaded by the browser.
 */

export interface FetchedText {
  /** Final URL after redirects. */
  url: string
  status: number
  contentType: string
  body: string
}

export type FetchText = (url: string, options?: { signal?: AbortSignal }) => Promise<FetchedText>

export interface NodeFetchOptions {
  timeoutMs?: number
  /** Bodies are cut here: a sitemap or page bigger than this is not worth holding in memory. */
  maxBytes?: number
  userAgent?: string
}

export const defaultUserAgent = 'Mozilla/5.0 (compatible; AccessAudit; accessibility audit)'

/** FetchText over Node's global fetch, with a timeout and a size cap. Network errors reject. */
export function createNodeFetchText(options: NodeFetchOptions = {}): FetchText {
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024
  return async (url, { signal } = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const response = await fetch(url, {
      redirect: 'follow',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: {
        'user-agent': options.userAgent ?? defaultUserAgent,
        accept: 'text/html,application/xml;q=0.9,*/*;q=0.5',
      },
    })
    return {
      url: response.url || url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: await readCapped(response, maxBytes),
    }
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
      if (size >= maxBytes) break
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, maxBytes))
}

export function isHtmlContentType(contentType: string): boolean {
  return contentType === '' || /text\/html|application\/xhtml\+xml/i.test(contentType)
}
