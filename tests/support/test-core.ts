import type { CoreServices } from '../../electron/core/handler-types'
import { openCore, type Core } from '../../electron/core/open-core'
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract'
import type { ApiErrorBody } from '../../shared/api/errors'
import type { TeamRole } from '../../shared/domain/team'
import { saveTeamProfile } from '../../electron/core/db/installation'
import { makeTempDir } from './temp-dir'

export interface TestCore {
  core: Core
  dir: string
  /** Calls through the real dispatcher (validation included) and returns the data, or throws the error body. */
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
  /** Calls and expects a failure; returns the error body. */
  fail(name: OperationName, input: unknown): Promise<ApiErrorBody>
  close(): void
}

export interface TestCoreOptions {
  /**
   * The services' clock (ctx.now). Rules about "today" (no inspection dated after it, notices, overdue items) then
   * give the same answer whatever day the tests run on. A test may still move the clock through `core.ctx.now`.
   */
  now?: () => Date
  /**
   * The installation's team role, set through the service. Tests run as the coordinator's installation (the one
   * that issues numbered notices) unless they say 'field' (a new data folder is a field laptop).
   */
  role?: TeamRole
}

/** `services`: replacements for the real ones (e.g. a PDF renderer on the tests' Chromium, or one that fails). */
export function openTestCore(services: Partial<CoreServices> = {}, options: TestCoreOptions = {}): TestCore {
  const { dir, cleanup } = makeTempDir()
  const core = openCore(dir, 'test', {}, services)
  if (options.now) core.ctx.now = options.now
  saveTeamProfile(core.ctx.db, { role: options.role ?? 'coordinator' }, new Date())
  const dispatch = core.dispatch('cli')
  return {
    core,
    dir,
    async call(name, input) {
      const result = await dispatch(name, input)
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
      return result.data as never
    },
    async fail(name, input) {
      const result = await dispatch(name, input)
      if (result.ok) throw new Error(`expected ${name} to fail`)
      return result.error
    },
    close() {
      core.close()
      cleanup()
    },
  }
}
