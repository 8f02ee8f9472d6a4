import { Option, type Command } from 'commander'
import type { InputOf, OutputOf } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import { teamRoleLabels, teamRoles, type Installation, type TeamRole } from '../../shared/domain/team'
import { openCore } from '../core/open-core'
import { resolveDataDir } from '../core/paths'
import { readAppVersion } from './app-version'
import { out, refuseUsage } from './output'

/**
 * `access-audit profile [--name 张伟] [--role field|coordinator] [--json]`: shows this installation's team identity
 * (inspector name, device id, role) and, with --name or --role, saves it first, through the same operation as
 * 设置 › 团队协作 (door 'cli').
 */

interface ProfileOptions {
  name?: string
  role?: TeamRole
  teamKey?: string
  clearTeamKey?: boolean
  json?: boolean
  dataDir?: string
}

export function profileLines(installation: Installation): string[] {
  return [
    `检查员：${installation.profileName ?? '未设置（用 --name 设置，记录将署此名）'}`,
    `设备编号：${installation.deviceId}`,
    `团队角色：${teamRoleLabels[installation.role]}（${installation.role}）${
      installation.role === 'coordinator'
        ? '，本机签发编号的整改通知书'
        : '，可准备整改项和通知书草稿，由协调员签发'
    }`,
  ]
}

async function runProfile(dataDir: string, opts: ProfileOptions): Promise<void> {
  if (opts.teamKey !== undefined && opts.clearTeamKey)
    refuseUsage('profile', '--team-key 与 --clear-team-key 不能同时使用')
  const core = openCore(dataDir, readAppVersion())
  try {
    const dispatch = core.dispatch('cli')
    let result
    if (opts.name !== undefined || opts.role !== undefined) {
      const input: InputOf<'team:saveProfile'> = {}
      if (opts.name !== undefined) input.profileName = opts.name
      if (opts.role !== undefined) input.role = opts.role
      result = await dispatch('team:saveProfile', input)
      // The dispatcher's message already names the field (检查员姓名：…).
      if (!result.ok && result.error.code === 'VALIDATION') refuseUsage('profile', result.error.message)
    } else result = await dispatch('team:profile', {})
    if (!result.ok) throw new ApiError(result.error.code, result.error.message)
    const installation = result.data as OutputOf<'team:profile'>
    const keyResult =
      opts.teamKey !== undefined || opts.clearTeamKey
        ? await dispatch('exchange:saveKey', { teamKey: opts.clearTeamKey ? null : (opts.teamKey ?? null) })
        : await dispatch('exchange:keyStatus', {})
    if (!keyResult.ok && keyResult.error.code === 'VALIDATION')
      refuseUsage('profile', keyResult.error.message)
    if (!keyResult.ok) throw new ApiError(keyResult.error.code, keyResult.error.message)
    const key = keyResult.data as OutputOf<'exchange:keyStatus'>
    if (opts.json) out.line(JSON.stringify({ ...installation, teamKey: key }, null, 2))
    else {
      if (
        opts.name !== undefined ||
        opts.role !== undefined ||
        opts.teamKey !== undefined ||
        opts.clearTeamKey
      )
        out.line('已保存。')
      for (const line of profileLines(installation)) out.line(line)
      out.line(
        key.set
          ? `团队密钥：已设置（指纹 ${key.fingerprint}），导出的数据包用它签名，只导入用同一密钥签名的数据包`
          : '团队密钥：未设置（用 --team-key 设置，全队使用同一个）',
      )
    }
  } finally {
    core.close()
  }
}

export function configureProfileCommand(command: Command, globalDataDir: () => string | undefined): Command {
  return command
    .description('显示或设置本机的团队身份：检查员姓名（记录署名）、设备编号、团队角色（外业终端或协调员）')
    .option('--name <姓名>', '检查员姓名（1–40 个字符），此后新建和修改的记录署此名')
    .addOption(
      new Option(
        '--role <role>',
        '团队角色：field（外业终端，默认）或 coordinator（协调员，签发编号的整改通知书）',
      ).choices([...teamRoles]),
    )
    .option(
      '--team-key <密钥>',
      '设置团队密钥（至少 12 个字符，全队相同）：导出的数据包用它签名，导入时验证来源',
    )
    .option('--clear-team-key', '清除本机的团队密钥')
    .option('--json', '以 JSON 输出')
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (opts: ProfileOptions) => {
      await runProfile(resolveDataDir(opts.dataDir ?? globalDataDir()), opts)
    })
}
