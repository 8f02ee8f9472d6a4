import { createContext, useCallback, useContext, useState, type ReactNode } from 'react'

type Announce = (text: string) => void
const AnnouncerContext = createContext<Announce>(() => undefined)

/** One polite live region for the app, so screen readers hear "已保存" and similar outcomes. */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState('')
  const announce = useCallback<Announce>((next) => {
    // Clearing first makes a repeated message be read again.
    setText('')
    window.setTimeout(() => setText(next), 50)
  }, [])
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="aa-visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {text}
      </div>
    </AnnouncerContext.Provider>
  )
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext)
}
