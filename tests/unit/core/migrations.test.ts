import { describe, expect, it } from 'vitest'
import { latestSchemaVersion, migrations } from '../../../electron/core/db/migrations/index'

describe('migration list', () => {
  it('is numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    expect(latestSchemaVersion).toBe(migrations.length)
  })

  it('never rewrites the version table itself (the runner does)', () => {
    for (const m of migrations) expect(m.sql).not.toMatch(/user_version|schema_migrations/i)
  })
})
