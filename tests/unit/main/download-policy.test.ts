import { describe, expect, it } from 'vitest'
import { isAppExportDownload } from '../../../electron/main/download-policy'

describe('app window download policy', () => {
  it('lets the app save the Blobs it made for exports', () => {
    expect(isAppExportDownload('blob:file:///6f1c2a9e-1d2b-4c1e-9a55-0b7d1c2e3f40')).toBe(true)
    expect(isAppExportDownload('blob:http://localhost:5173/6f1c2a9e-1d2b-4c1e-9a55-0b7d1c2e3f40')).toBe(true)
  })

  it('refuses anything else, such as a link from an audited page', () => {
    expect(isAppExportDownload('https://evil.example/payload.exe')).toBe(false)
    expect(isAppExportDownload('file:///etc/passwd')).toBe(false)
    expect(isAppExportDownload('data:application/octet-stream;base64,AAAA')).toBe(false)
    expect(isAppExportDownload('javascript:alert(1)')).toBe(false)
  })
})
