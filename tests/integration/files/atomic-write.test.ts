import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  assertWritableTarget,
  renderToFile,
  writeFileAtomically,
} from '../../../electron/core/files/atomic-write'
import { FileWriteError } from '../../../electron/core/files/fs-errors'
import { makeTempDir } from '../../support/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

describe('writeFileAtomically', () => {
  it('writes the whole file and replaces an older one', async () => {
    const target = path.join(dir, '整改通知书.pdf')
    fs.writeFileSync(target, 'old')
    await writeFileAtomically(target, new Uint8Array([37, 80, 68, 70]))
    expect(fs.readFileSync(target).toString()).toBe('%PDF')
    expect(fs.readdirSync(dir)).toEqual(['整改通知书.pdf'])
  })

  it('leaves neither the target nor a temporary file when the write fails', async () => {
    const target = path.join(dir, 'is-a-folder')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'keep'), 'x')
    await expect(writeFileAtomically(target, 'bytes')).rejects.toThrow()
    expect(fs.readdirSync(dir)).toEqual(['is-a-folder'])
    expect(fs.readdirSync(target)).toEqual(['keep'])
  })

  it('fails for a missing folder without creating anything', async () => {
    const target = path.join(dir, 'no', 'such', 'a.docx')
    const error = await writeFileAtomically(target, 'x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileWriteError)
    // Named by the file the user chose, in zh-CN; the temporary file's name is nobody's business.
    expect((error as Error).message).toBe(
      `无法写入文件“${target}”：文件夹“${path.dirname(target)}”不存在，请先创建该文件夹或换一个输出位置`,
    )
    expect(fs.readdirSync(dir)).toEqual([])
  })
})

describe('assertWritableTarget', () => {
  it('accepts a writable folder and leaves nothing behind', async () => {
    await assertWritableTarget(path.join(dir, 'a.pdf'))
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('refuses a missing folder, a folder as the target and a path through a file, in zh-CN', async () => {
    await expect(assertWritableTarget(path.join(dir, 'no', 'a.pdf'))).rejects.toThrow(/不存在/)
    await expect(assertWritableTarget(dir)).rejects.toThrow(/是一个文件夹/)
    fs.writeFileSync(path.join(dir, 'file'), 'x')
    await expect(assertWritableTarget(path.join(dir, 'file', 'a.pdf'))).rejects.toThrow(/不是文件夹/)
    expect(fs.readdirSync(dir)).toEqual(['file'])
  })
})

describe('renderToFile', () => {
  it('writes nothing at all when the render fails', async () => {
    const target = path.join(dir, 'notice.docx')
    await expect(
      renderToFile(target, async () => {
        throw new Error('render failed')
      }),
    ).rejects.toThrow('render failed')
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('keeps the previous file when a new render fails', async () => {
    const target = path.join(dir, 'notice.pdf')
    fs.writeFileSync(target, 'previous')
    await expect(renderToFile(target, () => Promise.reject(new Error('boom')))).rejects.toThrow()
    expect(fs.readFileSync(target, 'utf8')).toBe('previous')
    expect(await renderToFile(target, async () => 'new')).toBe(3)
    expect(fs.readFileSync(target, 'utf8')).toBe('new')
  })
})
