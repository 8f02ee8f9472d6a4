import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { Core } from '../core/open-core'

export type Call = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>

/**
 * A command's way through the one front door (door 'cli'): the operation's data, or its error thrown as an
 * ApiError whose message names the fields at fault.
 */
export function caller(core: Core): Call {
  const dispatch = core.dispatch('cli')
  return async (name, input) => {
    const result = await dispatch(name, input)
    if (result.ok) return result.data as OutputOf<typeof name>
    const fields = result.error.fields?.map((f) => f.message).join('；')
    throw new ApiError(
      result.error.code,
      fields ? `${result.error.message}：${fields}` : result.error.message,
    )
  }
}
