import { useCallback, useState } from 'react'

export const fontSizes = { normal: 16, large: 18, larger: 20, largest: 24 } as const
export type FontSizeKey = keyof typeof fontSizes

const storageKey = 'access-audit-font-size'

function readFontSize(): FontSizeKey {
  const stored = window.localStorage.getItem(storageKey)
  return stored && stored in fontSizes ? (stored as FontSizeKey) : 'normal'
}

/** Display preferences kept on this machine (not in the shared database): they belong to the person, not the data. */
export function useFontSize(): [FontSizeKey, (next: FontSizeKey) => void] {
  const [size, setSize] = useState<FontSizeKey>(readFontSize)
  const update = useCallback((next: FontSizeKey) => {
    window.localStorage.setItem(storageKey, next)
    setSize(next)
  }, [])
  return [size, update]
}
