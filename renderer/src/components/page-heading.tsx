import { useEffect, useRef } from 'react'
import { Typography } from 'antd'

/** The page's h1; takes focus when the page opens so screen-reader users hear where they are. */
export function PageHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${children} - 无障碍督查`
    ref.current?.focus({ preventScroll: true })
  }, [children])
  return (
    <Typography.Title level={1} style={{ fontSize: '1.6em', marginTop: 0 }}>
      <span ref={ref} tabIndex={-1} className="aa-heading-target">
        {children}
      </span>
    </Typography.Title>
  )
}
