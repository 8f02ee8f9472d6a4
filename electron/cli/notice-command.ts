import { InvalidArgumentError, Option, type Command } from 'commander'
import { ApiError } from '../../shared/api/errors'
import {
  exportFormats,
  isoDay,
  type ExportFormat,
  type NoticeSummary,
} from '../../shared/domain/rectification'
import { formatSize } from '../../shared/domain/format-size'
import type { Unit } from '../../shared/domain/units'
import { assertWritableTarget, writeFileAtomically } from '../core/files/atomic-write'
import { FileWriteError } from '../core/files/fs-errors'
import { openCore } from '../core/open-core'
import { resolveDataDir } from '../core/paths'
import { addDays, localDay } from '../core/rectification/rectification-dates'
import { formatCount, formatDay } from '../../shared/format/index'
import { readAppVersion } from './app-version'
import { caller, type Call } from './call'
import { out, refuseUsage } from './output'

/**
 * `access-audit notice <unit> --format pdf|docx|xlsx --out <file>`: writes a unit's 整改通知书 headless — its most
 * recent notice, the one with --number, or (--issue) a new notice issued now from all the unit's items still to be
 * notified. It goes through the same dispatcher as the app's screens (door 'cli'), so numbering, validation and
 * the document are exactly the app's. The file is written atomically: a failure leaves no partial file.
 */

interface NoticeCommandOptions {
  format: ExportFormat
  out: string
  issue?: boolean
  deadline?: string
  number?: string
}

const formatLabels: Record<ExportFormat, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' }

function dayArgument(value: string): string {
  const parsed = isoDay.safeParse(value)
  if (!parsed.success) throw new InvalidArgumentError('日期须为有效的 YYYY-MM-DD，例如 2026-12-31')
  return parsed.data
}

/** Refusals the user can fix by changing the command (or its output folder): the reason alone, exit code 2. */
class NoticeUsageError extends Error {}

/** By id (digits) or exact name, archived units included (an old notice of an archived unit still prints). */
async function findUnit(call: Call, query: string): Promise<Unit> {
  const name = query.trim()
  if (/^\d+$/.test(name)) {
    try {
      return await call('units:get', { id: Number(name) })
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) throw error
    }
  }
  const units = await call('units:list', { search: name, includeArchived: true })
  const exact = units.filter((u) => u.name === name)
  if (exact.length === 1) return exact[0]!
  const hint =
    units.length > 0
      ? `；相近的单位：${units
          .slice(0, 5)
          .map((u) => `${u.name}（编号 ${u.id}）`)
          .join('、')}`
      : ''
  throw new NoticeUsageError(`未找到责任单位“${name}”，请填写单位编号或完整名称${hint}`)
}

async function issueNew(call: Call, unit: Unit, deadlineOption: string | undefined): Promise<NoticeSummary> {
  const [open, reopened] = await Promise.all([
    call('rectification:list', { unitId: unit.id, status: 'open' }),
    call('rectification:list', { unitId: unit.id, status: 'reopened' }),
  ])
  const itemIds = [...open, ...reopened].map((i) => i.id).sort((a, b) => a - b)
  if (itemIds.length === 0) throw new NoticeUsageError(`“${unit.name}”没有待通知的整改项，无法签发整改通知书`)
  const issuedOn = localDay(new Date())
  const deadline =
    deadlineOption ?? addDays(issuedOn, (await call('rectification:settings', {})).defaultDeadlineDays)
  if (deadline < issuedOn) throw new NoticeUsageError(`整改期限 ${deadline} 早于通知日期 ${issuedOn}`)
  return call('notices:issue', { unitId: unit.id, itemIds, issuedOn, deadline })
}

async function chooseExisting(call: Call, unit: Unit, number: string | undefined): Promise<NoticeSummary> {
  const notices = await call('notices:list', { unitId: unit.id })
  if (number !== undefined) {
    const match = notices.find((n) => n.number === number.trim())
    if (!match) throw new NoticeUsageError(`“${unit.name}”没有文号为“${number}”的整改通知书`)
    return match
  }
  // notices:list is newest first (year, then sequence number).
  if (notices.length === 0)
    throw new NoticeUsageError(`“${unit.name}”还没有签发的整改通知书；加 --issue 可由待通知的整改项签发一份`)
  return notices[0]!
}

export async function runNoticeCommand(dataDir: string, unitQuery: string, opts: NoticeCommandOptions) {
  if (opts.issue && opts.number) throw new NoticeUsageError('--issue 签发新通知书时不能同时指定 --number')
  if (!opts.issue && opts.deadline) throw new NoticeUsageError('--deadline 只用于 --issue 签发新通知书')
  // Before anything is issued (a number once given is never given back) or rendered: the file must be writable,
  // and none of the data folder's own files (the database above all).
  try {
    await assertWritableTarget(opts.out, { dataDir })
  } catch (error) {
    if (error instanceof FileWriteError) throw new NoticeUsageError(error.message)
    throw error
  }
  const core = openCore(dataDir, readAppVersion())
  try {
    const call = caller(core)
    const unit = await findUnit(call, unitQuery)
    const notice = opts.issue
      ? await issueNew(call, unit, opts.deadline)
      : await chooseExisting(call, unit, opts.number)
    if (opts.issue)
      out.line(
        `已签发整改通知书 ${notice.number}（${formatCount(notice.itemCount, '项')}，整改期限 ${formatDay(notice.deadline)}）`,
      )
    const file = await call('notices:export', { id: notice.id, format: opts.format })
    await writeFileAtomically(opts.out, Buffer.from(file.base64, 'base64'), { dataDir })
    out.line(
      `已写入 ${opts.out}（${formatLabels[opts.format]}，${formatSize(file.byteLength)}）：${notice.number} ${unit.name}`,
    )
  } finally {
    await core.shutdown()
  }
}

export function configureNoticeCommand(command: Command, globalDataDir: () => string | undefined): Command {
  return command
    .description(
      '导出责任单位的整改通知书（PDF、Word 或整改项 Excel 表）；--issue 先由待通知的整改项签发新通知书',
    )
    .argument('<unit>', '责任单位编号或完整名称')
    .addOption(new Option('--format <format>', '导出格式').choices([...exportFormats]).makeOptionMandatory())
    .requiredOption('--out <file>', '输出文件（已存在则替换；失败时不留下不完整的文件）')
    .option('--issue', '签发新通知书：包含该单位全部待通知的整改项，通知日期为今天')
    .option('--deadline <YYYY-MM-DD>', '整改期限（仅用于 --issue；默认按设置中的默认期限天数）', dayArgument)
    .option('--number <文号>', '导出指定文号的通知书（默认为该单位最近一份）')
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (unit: string, opts: NoticeCommandOptions & { dataDir?: string }) => {
      try {
        await runNoticeCommand(resolveDataDir(opts.dataDir ?? globalDataDir()), unit, opts)
      } catch (error) {
        if (!(error instanceof NoticeUsageError)) throw error
        refuseUsage('notice', error.message)
      }
    })
}
