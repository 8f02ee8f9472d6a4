import type { ApiErrorBody } from './errors'

/** What every door returns: the same envelope over IPC, HTTP and in the CLI. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }
