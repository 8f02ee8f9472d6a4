import { saveTeamProfile } from '../../../electron/core/db/installation'
import { openCore } from '../../../electron/core/open-core'
import type { TestCore } from '../../support/test-core'

/**
 * The real core on a data folder, shaped as the integration tests' TestCore so their builders can seed it before
 * the door opens the folder. Every call must succeed: a refusal throws with the operation's name.
 */
export function openSeedCore(dataDir: string): TestCore {
  const core = openCore(dataDir, 'e2e')
  // The coordinator's installation: the seeds and the screens issue numbered notices.
  saveTeamProfile(core.ctx.db, { role: 'coordinator' }, new Date())
  const dispatch = core.dispatch('cli')
  return {
    core,
    dir: dataDir,
    async call(name, input) {
      const result = await dispatch(name, input)
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
      return result.data as never
    },
    async fail() {
      throw new Error('not used by the seed')
    },
    close: () => core.close(),
  }
}
