import { describe, expect, it } from 'vitest'
import {
  formatWanPixels,
  maxPhotoBytes,
  maxPhotoPixels,
  thumbnailMaxSide,
} from '../../../electron/core/photos/photo-limits'
import {
  notImageMessage,
  pixelLimitMessage,
  sizeLimitMessage,
  undecodableMessage,
} from '../../../electron/core/photos/photo-messages'

const mb = 1024 * 1024

describe('photo limits', () => {
  it('are the documented values', () => {
    expect(maxPhotoBytes).toBe(25 * mb)
    expect(maxPhotoPixels).toBe(200_000_000)
    expect(thumbnailMaxSide).toBe(320)
  })

  it('let a 200-megapixel phone photo through', () => {
    expect(16320 * 12240).toBeLessThanOrEqual(maxPhotoPixels)
  })

  it('count pixels in 万', () => {
    expect(formatWanPixels(maxPhotoPixels)).toBe('20000')
    expect(formatWanPixels(4032 * 3024)).toBe('1219')
  })
})

describe('refusal messages', () => {
  it('state the file size and the limit in MB', () => {
    const message = sizeLimitMessage('IMG_0001.jpg', 30 * mb, maxPhotoBytes)
    expect(message).toContain('IMG_0001.jpg')
    expect(message).toContain('（30 MB）')
    expect(message).toContain('不能超过 25 MB')
  })

  it('say plainly that a non-image is not an image, and list what is accepted', () => {
    const message = notImageMessage('记录.jpg')
    expect(message).toContain('不是图片文件')
    expect(message).toContain('JPEG')
  })

  it('say a broken image may be damaged and that nothing else is affected', () => {
    expect(undecodableMessage('a.jpg')).toContain('图片无法解码，可能已损坏')
    expect(undecodableMessage('a.jpg')).toContain('其他照片不受影响')
  })

  it('give the dimensions of an image over the pixel limit', () => {
    expect(pixelLimitMessage('bomb.png', 100000, 100000, maxPhotoPixels)).toContain('100000×100000')
  })
})
