import fs from 'node:fs/promises'
import path from 'node:path'
import { InvalidArgumentError, Option, type Command } from 'commander'
import { ApiError } from '../../shared/api/errors'
import {
  conflictChoices,
  exchangeOutcomeLabels,
  maxPackageBytes,
  signatureStateLabels,
  type ConflictChoice,
  type ConflictView,
  type ExchangeImportReport,
} from '../../shared/domain/exchange'
import { isoDay } from '../../shared/domain/iso-day'
import { formatSize } from '../../shared/domain/format-size'
import { authorshipLabel } from '../../shared/domain/team'
import { assertWritableTarget, writeFileAtomically } from '../core/files/atomic-write'
import { FileWriteError } from '../core/files/fs-errors'
import { openCore } from '../core/open-core'
import { resolveDataDir } from '../core/paths'
import { readAppVersion } from './app-version'
import { caller } from './call'
import { exitCodes, out, refuseUsage } from './output'

/**
 * Exchange packages without the app, through the same operations as 设置 › 团队协作 (door 'cli'):
 *   access-audit export [--since YYYY-MM-DD] --out work.zip
 *   access-audit import work.zip                     (a .zip without --kind is an exchange package)
 *   access-audit conflicts [--all] [--json]
 *   access-audit resolve <id> --keep local|incoming
 * Exit codes: 0 done; 6 the import found conflicts (recorded, nothing overwritten); 2 usage or a refused package
 * (nothing written); 1 any other failure.
 */

function dayArgument(value: string): string {
  const parsed = isoDay.safeParse(value)
  if (!parsed.success) throw new InvalidArgumentError('日期须为有效的 YYYY-MM-DD，例如 2026-12-01')
  return parsed.data
}

export async function runExport(dataDir: string, opts: { out: string; since?: string }): Promise<void> {
  try {
    await assertWritableTarget(opts.out, { dataDir })
  } catch (error) {
    if (error instanceof FileWriteError) refuseUsage('export', error.message)
    throw error
  }
  const core = openCore(dataDir, readAppVersion())
  try {
    const file = await caller(core)('exchange:export', opts.since ? { since: opts.since } : {})
    await writeFileAtomically(opts.out, Buffer.from(file.base64, 'base64'), { dataDir })
    const { summary } = file
    out.line(
      `已写入 ${opts.out}（${formatSize(file.byteLength)}）：${summary.records} 条记录，${summary.files} 个照片和截图文件，` +
        (summary.signed ? '已用团队密钥签名' : '未签名（未设置团队密钥）'),
    )
  } finally {
    await core.shutdown()
  }
}

export function reportLines(report: ExchangeImportReport): string[] {
  const { origin, totals } = report
  const who = authorshipLabel(origin.inspector, origin.deviceId) ?? '未署名'
  const lines = [
    `数据包：${who}，导出于 ${origin.createdAt.slice(0, 16).replace('T', ' ')}（UTC）${origin.since ? `，${origin.since} 起的记录` : ''}`,
    `来源验证：${signatureStateLabels[report.signature]}`,
  ]
  if (report.seenBefore) lines.push('此数据包以前导入过；已重新逐条核对。')
  lines.push(
    `结果：${(['new', 'updated', 'unchanged', 'conflict'] as const).map((k) => `${exchangeOutcomeLabels[k]} ${totals[k]}`).join('，')}；` +
      `照片和截图：新写入 ${report.files.written}，已有 ${report.files.present}`,
  )
  for (const t of report.tables)
    if (t.new + t.updated + t.conflict > 0)
      lines.push(`  ${t.label}：新增 ${t.new}，更新 ${t.updated}，无变化 ${t.unchanged}，冲突 ${t.conflict}`)
  if (report.conflicts.length > 0) {
    lines.push(`有 ${report.conflicts.length} 条记录在两台电脑上都被修改过，本机的版本未被覆盖：`)
    for (const c of report.conflicts) lines.push(...conflictLines(c))
    lines.push('请逐条处理：access-audit resolve <编号> --keep local|incoming，或在“设置 › 团队协作”中处理。')
  }
  return lines
}

export function conflictLines(c: ConflictView): string[] {
  const side = (s: { by: string | null; device: string | null }) =>
    authorshipLabel(s.by, s.device) ?? '未署名'
  const who = c.resolvedBy ?? '未署名'
  const state = {
    open: '待处理',
    'kept-local': `已保留本机的版本（${who}）`,
    'took-incoming': `已采用数据包中的版本（${who}）`,
    superseded: '已由同一记录更新的版本取代',
  }[c.state]
  const lines = [
    `  冲突 ${c.id}：${c.recordLabel}（${state}；本机：${side(c.local)}；数据包：${side(c.incoming)}）`,
  ]
  for (const f of c.fields) lines.push(`      ${f.label}：本机「${f.local}」 / 数据包「${f.incoming}」`)
  return lines
}

async function readPackageFile(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file)
    if (!stat.isFile()) refuseUsage('import', `${file} 不是文件`)
    if (stat.size > maxPackageBytes)
      refuseUsage(
        'import',
        `数据包过大（上限 ${maxPackageBytes / 1024 / 1024} MB），请让导出方用 --since 分批导出`,
      )
    return await fs.readFile(file)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT') refuseUsage('import', `找不到文件 ${file}`)
    if (code === 'EACCES' || code === 'EPERM') refuseUsage('import', `没有读取 ${file} 的权限`)
    throw error
  }
}

/** `import <file.zip>`: imports an exchange package; returns the exit code. */
export async function runPackageImport(
  dataDir: string,
  file: string,
  opts: { json?: boolean },
): Promise<number> {
  const bytes = await readPackageFile(file)
  const core = openCore(dataDir, readAppVersion())
  try {
    let report: ExchangeImportReport
    try {
      report = await caller(core)('exchange:import', {
        fileName: path.basename(file),
        dataBase64: bytes.toString('base64'),
      })
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PACKAGE_REJECTED')
        refuseUsage('import', `${error.message}。本机数据未做任何修改`)
      throw error
    }
    if (opts.json) out.line(JSON.stringify(report, null, 2))
    else for (const line of reportLines(report)) out.line(line)
    return report.conflicts.length > 0 ? exitCodes.conflicts : exitCodes.ok
  } finally {
    await core.shutdown()
  }
}

export function configureExportCommand(command: Command, globalDataDir: () => string | undefined): Command {
  return command
    .description('导出交换数据包（.zip）：本机的记录、照片和截图，交给协调员或其他检查员导入')
    .requiredOption('--out <file>', '输出的 .zip 文件（已存在则替换；失败时不留下不完整的文件）')
    .option('--since <YYYY-MM-DD>', '只导出该日及以后新建或修改的记录（连同它们引用的记录）', dayArgument)
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (opts: { out: string; since?: string; dataDir?: string }) => {
      await runExport(resolveDataDir(opts.dataDir ?? globalDataDir()), opts)
    })
}

export function configureConflictsCommand(
  command: Command,
  globalDataDir: () => string | undefined,
): Command {
  return command
    .description('列出导入数据包时发现的冲突（同一记录在两台电脑上都被修改），逐项对照两边的内容')
    .option('--all', '也列出已处理的冲突')
    .option('--json', '以 JSON 输出')
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (opts: { all?: boolean; json?: boolean; dataDir?: string }) => {
      const core = openCore(resolveDataDir(opts.dataDir ?? globalDataDir()), readAppVersion())
      try {
        const list = await caller(core)('exchange:conflicts', { includeResolved: opts.all === true })
        if (opts.json) out.line(JSON.stringify(list, null, 2))
        else if (list.length === 0) out.line(opts.all ? '没有冲突记录。' : '没有待处理的冲突。')
        else for (const c of list) for (const line of conflictLines(c)) out.line(line)
      } finally {
        await core.shutdown()
      }
    })
}

export function configureResolveCommand(command: Command, globalDataDir: () => string | undefined): Command {
  return command
    .description('处理一条冲突：保留本机的版本（local）或采用数据包中的版本（incoming）')
    .argument('<id>', '冲突编号（见 access-audit conflicts）')
    .addOption(new Option('--keep <side>', '保留哪一方').choices([...conflictChoices]).makeOptionMandatory())
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (id: string, opts: { keep: ConflictChoice; dataDir?: string }) => {
      const conflictId = Number(id)
      if (!Number.isInteger(conflictId) || conflictId <= 0) refuseUsage('resolve', '冲突编号须为正整数')
      const core = openCore(resolveDataDir(opts.dataDir ?? globalDataDir()), readAppVersion())
      try {
        const resolved = await caller(core)('exchange:resolve', { conflictId, keep: opts.keep })
        out.line(`已处理冲突 ${resolved.id}：${resolved.recordLabel}`)
        for (const line of conflictLines(resolved)) out.line(line)
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_STATE'))
          refuseUsage('resolve', error.message)
        throw error
      } finally {
        await core.shutdown()
      }
    })
}
