import { useEffect, useRef, useState, type ReactNode } from 'react'

/**
 * A box that scrolls sideways when its content is wider than the window (a wide table at 200 % zoom or the largest
 * text size). While it overflows it is a labelled region in the tab order, so keyboard users can scroll it with the
 * arrow keys; while it fits it adds no tab stop.
 */
export function ScrollRegion(props: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [overflows, setOverflows] = useState(false)
  useEffect(() => {
    const box = ref.current
    if (!box) return undefined
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(box)
    if (box.firstElementChild) observer.observe(box.firstElementChild)
    return () => observer.disconnect()
  }, [])
  return (
    <div
      ref={ref}
      className={props.className}
      {...(overflows ? { role: 'region', 'aria-label': props.label, tabIndex: 0 } : {})}
    >
      {props.children}
    </div>
  )
}
