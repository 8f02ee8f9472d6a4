import { z } from './zod-setup'
import { nameText } from './common'

/**
 * The team: each installation (one data folder) has an inspector profile (the name records are signed with), a
 * device id made once for the folder (UUIDv7), and a role. Only the coordinator's installation issues numbered
 * notices, so two laptops never give the same 文号; field laptops (外业终端) prepare items and notice drafts.
 */
export const teamRoles = ['field', 'coordinator'] as const
export type TeamRole = (typeof teamRoles)[number]

export const teamRoleLabels: Record<TeamRole, string> = {
  field: '外业终端',
  coordinator: '协调员',
}

export const defaultTeamRole: TeamRole = 'field'

export interface Installation {
  /** The inspector profile name written on every record made or changed here; null until set. */
  profileName: string | null
  role: TeamRole
  /** This data folder's device id (UUIDv7), made once by migration 0010-global-identity. */
  deviceId: string
}

export const teamFieldLabels: Record<string, string> = {
  profileName: '检查员姓名',
  role: '团队角色',
}

export const teamProfileSaveSchema = z
  .object({
    profileName: nameText(40, '请填写检查员姓名').optional(),
    role: z.enum(teamRoles, { error: '团队角色只能是 field（外业终端）或 coordinator（协调员）' }).optional(),
  })
  .refine((v) => v.profileName !== undefined || v.role !== undefined, {
    message: '请至少填写检查员姓名或团队角色之一',
  })

/** Stored in settings under the key 'team' (read by the authorship triggers: keep `profileName`). */
export const storedTeamSettingsSchema = z.object({
  profileName: z.string().nullable().default(null),
  role: z.enum(teamRoles).catch(defaultTeamRole).default(defaultTeamRole),
})

/** Who and which device made or changed a record, as the read models carry it. */
export interface Authorship {
  createdBy: string | null
  createdDevice: string | null
  updatedBy?: string | null
  updatedDevice?: string | null
}

/** A device id shown short (its last 8 hex digits: the random part), as in 设备 3f9c1a2b. */
export function shortDeviceId(deviceId: string | null | undefined): string | null {
  return deviceId ? deviceId.replace(/-/g, '').slice(-8) : null
}

/** "张伟 · 设备 3f9c1a2b", "未署名 · 设备 …", or null when neither is known (records from before 0010). */
export function authorshipLabel(
  by: string | null | undefined,
  device: string | null | undefined,
): string | null {
  if (!by && !device) return null
  const who = by ?? '未署名'
  const short = shortDeviceId(device)
  return short ? `${who} · 设备 ${short}` : who
}
