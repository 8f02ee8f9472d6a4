import { useEffect, useRef } from 'react'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

// The first page of a session keeps the browser's natural focus order (skip link first); later pages move focus to
// their heading so screen-reader users hear where they arrived. Keyed by heading so a re-run effect is not a move.
let lastHeading: string | undefined

/** The page's h1; sets the document title and takes focus after in-app navigation. */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLHeadingElement>(null)
  const appName = t('app.name')
  useEffect(() => {
    document.title = `${children} - ${appName}`
    if (lastHeading !== undefined && lastHeading !== children) ref.current?.focus({ preventScroll: true })
    lastHeading = children
  }, [children, appName])
  return (
    <Typography.Title level={1} style={{ fontSize: '1.6em', marginTop: 0 }}>
      <span ref={ref} tabIndex={-1} className="aa-heading-target">
        {children}
      </span>
    </Typography.Title>
  )
}
