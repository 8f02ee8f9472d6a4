import fs from 'node:fs/promises'
import path from 'node:path'
import { Option, type Command } from 'commander'
import { ApiError } from '../../shared/api/errors'
import {
  maxImportFileBytes,
  registryImportKindLabels,
  registryImportKinds,
  type ImportRow,
  type RegistryImportKind,
  type RegistryImportPreview,
  type RegistryImportResult,
} from '../../shared/domain/registry-import'
import { openCore } from '../core/open-core'
import { resolveDataDir } from '../core/paths'
import { readAppVersion } from './app-version'
import { runPackageImport } from './exchange-command'
import { exitCodes, exitWith, out, refuseUsage } from './output'

/**
 * `access-audit import <file> --kind places|portals [--confirm]`: the bulk registry import without the app, through
 * the same operations as its 批量导入 dialog (registry:importPreview / registry:importCommit, door 'cli'). Without
 * --confirm it prints the preview and writes nothing. Exit codes: 0 every row new or already registered (and, with
 * --confirm, the new ones written); 5 some rows have errors (they are listed and were not written; the others were,
 * with --confirm); 2 usage, or the file refused whole (not found, not a list, too big); 1 any other failure.
 */

interface ImportCommandOptions {
  kind?: RegistryImportKind
  confirm?: boolean
  json?: boolean
  dataDir?: string
}

const statusLabels: Record<ImportRow['status'], string> = { new: '新增', existing: '已登记', error: '有错误' }

function rowLine(kind: RegistryImportKind, row: ImportRow, committed: boolean): string {
  const where = kind === 'places' ? row.address : row.url
  const status = committed && row.status === 'new' ? '已导入' : statusLabels[row.status]
  const parts = [`第 ${row.row} 行`, status, row.name || '（无名称）']
  if (where) parts.push(where)
  if (row.existingId !== null) parts.push(`（${registryImportKindLabels[kind]}编号 ${row.existingId}）`)
  return parts.join('  ')
}

export function previewLines(preview: RegistryImportPreview | RegistryImportResult): string[] {
  const { kind, counts } = preview
  const label = registryImportKindLabels[kind]
  const lines = [
    `${preview.fileName}（导入${label}）：新增 ${counts.new} 行，已登记 ${counts.existing} 行，有错误 ${counts.error} 行`,
    `识别的列：${preview.columns.map((c) => (c.header === c.field ? c.header : `${c.header}→${c.field}`)).join('、')}`,
  ]
  if (preview.ignoredColumns.length > 0) lines.push(`未使用的列：${preview.ignoredColumns.join('、')}`)
  for (const row of preview.rows) {
    lines.push(rowLine(kind, row, 'created' in preview))
    for (const problem of row.problems) lines.push(`    ${problem.message}`)
  }
  if ('created' in preview) {
    const skipped = counts.error > 0 ? `；有错误的 ${counts.error} 行未导入，请改正后重新导入该文件` : ''
    lines.push(`已导入 ${preview.created} 个${label}${skipped}`)
  } else if (counts.new > 0) {
    lines.push(`未写入任何内容。核对无误后加 --confirm 导入新增的 ${counts.new} 行。`)
  } else {
    lines.push('未写入任何内容：没有可新增的行。')
  }
  return lines
}

async function readFileBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file)
    if (!stat.isFile()) refuseUsage('import', `${file} 不是文件`)
    if (stat.size > maxImportFileBytes)
      refuseUsage('import', `文件过大（上限 ${maxImportFileBytes / 1024 / 1024} MB），请分成几个文件导入`)
    return await fs.readFile(file)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT') refuseUsage('import', `找不到文件 ${file}`)
    if (code === 'EACCES' || code === 'EPERM') refuseUsage('import', `没有读取 ${file} 的权限`)
    throw error
  }
}

export async function runImportCommand(
  dataDir: string,
  file: string,
  opts: ImportCommandOptions & { kind: RegistryImportKind },
): Promise<number> {
  const bytes = await readFileBytes(file)
  const core = openCore(dataDir, readAppVersion())
  try {
    const name = opts.confirm ? 'registry:importCommit' : 'registry:importPreview'
    const result = await core.dispatch('cli')(name, {
      kind: opts.kind,
      fileName: path.basename(file),
      dataBase64: bytes.toString('base64'),
    })
    if (!result.ok) {
      if (result.error.code === 'VALIDATION') refuseUsage('import', result.error.message)
      throw new ApiError(result.error.code, result.error.message)
    }
    const preview = result.data as RegistryImportPreview | RegistryImportResult
    if (opts.json) out.line(JSON.stringify(preview, null, 2))
    else for (const line of previewLines(preview)) out.line(line)
    return preview.counts.error > 0 ? exitCodes.rowErrors : exitCodes.ok
  } finally {
    core.close()
  }
}

export function configureImportCommand(command: Command, globalDataDir: () => string | undefined): Command {
  return command
    .description(
      '批量导入场所或网站（.xlsx 或 .csv，--kind 指明类别；默认只预览不写入，加 --confirm 才导入），' +
        '或导入其他电脑导出的交换数据包（.zip）',
    )
    .argument('<file>', '.xlsx 或 .csv 文件（CSV 可为 UTF-8 或 Excel 另存的 GBK），或交换数据包 .zip')
    .addOption(
      new Option(
        '--kind <kind>',
        '导入场所（places）还是网站（portals）；导入交换数据包（.zip）时不用',
      ).choices([...registryImportKinds]),
    )
    .option('--confirm', '确认导入：在一个事务中写入全部新增的行（有错误的行不导入）')
    .option('--json', '以 JSON 输出预览或导入结果')
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (file: string, opts: ImportCommandOptions) => {
      const dataDir = resolveDataDir(opts.dataDir ?? globalDataDir())
      let code: number
      if (opts.kind) code = await runImportCommand(dataDir, file, { ...opts, kind: opts.kind })
      else if (file.toLowerCase().endsWith('.zip')) code = await runPackageImport(dataDir, file, opts)
      else
        refuseUsage(
          'import',
          '请用 --kind places 或 --kind portals 指明导入场所还是网站（导入 .zip 交换数据包时不用 --kind）',
        )
      if (code !== exitCodes.ok) await exitWith(code)
    })
}
