import { contract, isOperationName } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { ApiResult } from '../../shared/api/result'
import { parseOrThrow } from '../../shared/api/validate'
import { translateSqliteError } from './db/open-database'
import { systemErrorToApi } from './files/fs-errors'
import type { Door, Handlers } from './handler-types'

export type Dispatch = (name: string, rawInput: unknown) => Promise<ApiResult<unknown>>

/** The single entry all three doors go through: name check, input validation, handler, typed error envelope. */
export function createDispatch(
  handlers: Handlers,
  door: Door,
  log: (error: unknown) => void = console.error,
): Dispatch {
  return async (name, rawInput) => {
    try {
      if (!isOperationName(name)) throw new ApiError('UNKNOWN_OPERATION', `未知的操作：${name.slice(0, 80)}`)
      const operation = contract[name]
      const input = parseOrThrow(operation.input, rawInput ?? {}, operation.labels)
      const handler = handlers[name] as (input: unknown, door: Door) => unknown
      const data = await handler(input, door)
      return { ok: true, data }
    } catch (caught) {
      // SQLite's codes, then the file system's (a full disk, a missing permission) become typed zh-CN errors.
      const error = translateSqliteError(caught)
      const known = systemErrorToApi(error)
      if (known) return { ok: false, error: known.toBody() }
      log(error)
      return { ok: false, error: new ApiError('INTERNAL').toBody() }
    }
  }
}
