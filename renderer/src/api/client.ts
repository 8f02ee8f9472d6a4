import type { ApiClient, InputOf, OperationName, OutputOf } from '../../../shared/api/contract'
import { i18next } from '../i18n/index'
import { errorMessages, isApiErrorBody, type ErrorCode, type FieldError } from '../../../shared/api/errors'
import type { ApiResult } from '../../../shared/api/result'

/** What the preload exposes (see electron/preload): one function, no raw IPC. */
export interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>>
}

declare global {
  interface Window {
    accessAudit?: PreloadBridge
  }
}

export class ApiCallError extends Error {
  readonly code: ErrorCode
  readonly fields: FieldError[]

  constructor(code: ErrorCode, message: string, fields: FieldError[] = []) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.fields = fields
  }
}

function unwrap<T>(result: unknown): T {
  if (typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true) {
    return (result as { data: T }).data
  }
  const error = (result as { error?: unknown })?.error
  if (isApiErrorBody(error)) throw new ApiCallError(error.code, error.message, error.fields)
  throw new ApiCallError('INTERNAL', errorMessages.INTERNAL)
}

function ipcClient(bridge: PreloadBridge): ApiClient {
  return {
    async call<N extends OperationName>(name: N, input: InputOf<N>) {
      return unwrap<OutputOf<N>>(await bridge.invoke(name, input))
    },
  }
}

/**
 * The browser door's API. With the tab's token it sends it as a Bearer header; a tab opened from a link has none,
 * and its calls go with the session cookie the door set on the first authorised page load (same origin only).
 */
function httpClient(token: string | null, base = '/api/'): ApiClient {
  return {
    async call<N extends OperationName>(name: N, input: InputOf<N>) {
      let response: Response
      try {
        response = await fetch(`${base}${name}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        throw new ApiCallError('IO_ERROR', i18next.t('app.offline'))
      }
      return unwrap<OutputOf<N>>(await response.json().catch(() => null))
    },
  }
}

const tokenKey = 'access-audit-token'

/** The browser door passes its per-start token as ?token=; keep it for this tab and drop it from the address bar. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const params = new URLSearchParams(location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    storage.setItem(tokenKey, fromUrl)
    params.delete('token')
    const query = params.toString()
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`)
    return fromUrl
  }
  return storage.getItem(tokenKey)
}

/**
 * IPC when the desktop preload is present, HTTP otherwise. Without a token (a link opened in a new tab) the HTTP
 * client relies on the session cookie; the app shows how to sign in when the door answers UNAUTHORIZED.
 */
export function createClient(): ApiClient {
  if (window.accessAudit) return ipcClient(window.accessAudit)
  return httpClient(takeToken(window.location, window.sessionStorage, window.history))
}
