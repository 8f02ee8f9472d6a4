import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Inspection } from '../../../shared/domain/inspections'
import { openTestCore, type TestCore } from '../../support/test-core'

let t: TestCore
let insp: Inspection

beforeEach(async () => {
  t = openTestCore()
  const place = await t.call('places:create', { name: '人民公园', type: 'park' })
  insp = await t.call('inspections:create', {
    placeId: place.id,
    inspectedOn: '2026-11-20',
    inspectors: '王五',
  })
  insp = await t.call('inspections:addElement', {
    inspectionId: insp.id,
    baseVersion: insp.version,
    category: 'toilet-room',
    label: '一层无障碍厕所',
  })
})
afterEach(() => t.close())

async function jpegBase64(background = '#3366aa'): Promise<string> {
  const image = await sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .jpeg()
    .toBuffer()
  return image.toString('base64')
}

describe('photos as evidence of an inspection', () => {
  it('attaches a photo by content hash with a thumbnail, and serves the thumbnail', async () => {
    const elementId = insp.elements[0]!.id
    const data = await jpegBase64()
    insp = await t.call('inspections:attachPhoto', {
      elementId,
      baseVersion: insp.version,
      fileName: '厕所门.jpg',
      dataBase64: data,
    })
    const photo = insp.elements[0]!.photos[0]!
    expect(photo).toMatchObject({ originalName: '厕所门.jpg', width: 64, height: 48, missing: false })
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/)
    const thumb = await t.call('photos:get', { sha256: photo.sha256, variant: 'thumbnail' })
    expect(thumb.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true)
    const original = await t.call('photos:get', { sha256: photo.sha256, variant: 'original' })
    expect(Buffer.from(original.dataUrl.split(',')[1]!, 'base64').equals(Buffer.from(data, 'base64'))).toBe(
      true,
    )
  })

  it('refuses a file that is not an image and keeps the rest of the inspection', async () => {
    const elementId = insp.elements[0]!.id
    const error = await t.fail('inspections:attachPhoto', {
      elementId,
      baseVersion: insp.version,
      fileName: '照片.jpg',
      dataBase64: Buffer.from('这不是图片').toString('base64'),
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('不是图片')
    const after = await t.call('inspections:get', { id: insp.id })
    expect(after.version).toBe(insp.version)
    expect(after.elements[0]!.photos).toEqual([])
  })

  it('shows a photo gone from the data folder as missing, never as a crash', async () => {
    const elementId = insp.elements[0]!.id
    insp = await t.call('inspections:attachPhoto', {
      elementId,
      baseVersion: insp.version,
      fileName: 'a.jpg',
      dataBase64: await jpegBase64(),
    })
    fs.rmSync(path.join(t.dir, 'photos'), { recursive: true, force: true })
    const after = await t.call('inspections:get', { id: insp.id })
    expect(after.elements[0]!.photos[0]!.missing).toBe(true)
    const data = await t.call('photos:get', {
      sha256: after.elements[0]!.photos[0]!.sha256,
      variant: 'thumbnail',
    })
    expect(data).toMatchObject({ missing: true, dataUrl: '' })
  })

  it('ties a photo to a check with a caption; a facility photo stays possible; the tie can be changed', async () => {
    const elementId = insp.elements[0]!.id
    insp = await t.call('inspections:attachPhoto', {
      elementId,
      baseVersion: insp.version,
      fileName: '门宽.jpg',
      dataBase64: await jpegBase64('#aa3333'),
      caption: '门通行净宽 780 mm',
      checkId: 'toilet-room.door-width',
    })
    insp = await t.call('inspections:attachPhoto', {
      elementId,
      baseVersion: insp.version,
      fileName: '全景.jpg',
      dataBase64: await jpegBase64('#33aa33'),
    })
    const [door, overview] = insp.elements[0]!.photos
    expect(door).toMatchObject({ caption: '门通行净宽 780 mm', checkId: 'toilet-room.door-width' })
    expect(overview).toMatchObject({ caption: null, checkId: null })
    insp = await t.call('inspections:updatePhoto', {
      elementId,
      baseVersion: insp.version,
      sha256: overview!.sha256,
      caption: '厕所内部全景',
      checkId: 'toilet-room.turning-space',
    })
    expect(insp.elements[0]!.photos[1]).toMatchObject({
      caption: '厕所内部全景',
      checkId: 'toilet-room.turning-space',
    })
    insp = await t.call('inspections:updatePhoto', {
      elementId,
      baseVersion: insp.version,
      sha256: overview!.sha256,
      caption: '',
      checkId: null,
    })
    expect(insp.elements[0]!.photos[1]).toMatchObject({ caption: null, checkId: null })
  })

  it('refuses to tie a photo to a check of another kind of facility, before storing anything', async () => {
    const elementId = insp.elements[0]!.id
    const error = await t.fail('inspections:attachPhoto', {
      elementId,
      baseVersion: insp.version,
      fileName: 'x.jpg',
      dataBase64: await jpegBase64(),
      checkId: 'ramp.slope',
    })
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不属于该设施类别') })
    expect((await t.call('inspections:get', { id: insp.id })).version).toBe(insp.version)
  })

  it('a finding’s evidence: the photos of its check and of the facility, each with caption and tie', async () => {
    const elementId = insp.elements[0]!.id
    for (const [name, colour, checkId] of [
      ['门宽.jpg', '#aa3333', 'toilet-room.door-width'],
      ['回转.jpg', '#3333aa', 'toilet-room.turning-space'],
      ['全景.jpg', '#33aa33', null],
    ] as const)
      insp = await t.call('inspections:attachPhoto', {
        elementId,
        baseVersion: insp.version,
        fileName: name,
        dataBase64: await jpegBase64(colour),
        caption: name.replace('.jpg', ''),
        checkId,
      })
    insp = await t.call('inspections:saveCheck', {
      elementId,
      baseVersion: insp.version,
      checkId: 'toilet-room.door-width',
      inputs: { width: { value: 700, unit: 'mm' }, project: 'new' },
    })
    await t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
    const [finding] = await t.call('findings:list', { inspectionId: insp.id })
    const [door, , overview] = insp.elements[0]!.photos
    expect(finding?.evidence.photos).toEqual([door!.sha256, overview!.sha256])
    expect(finding?.evidence.photoDetails).toEqual([
      { sha256: door!.sha256, caption: '门宽', checkId: 'toilet-room.door-width' },
      { sha256: overview!.sha256, caption: '全景', checkId: null },
    ])
  })
})
