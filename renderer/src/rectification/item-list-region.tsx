import type { RectificationItemSummary } from '../../../shared/domain/rectification'

/**
 * The items a dialog acts on, as a scrolling list that keyboard users can reach: a long list scrolls inside its
 * box, so the box is a labelled region in the tab order (arrow keys then scroll it; axe scrollable-region-focusable).
 */
export function ItemListRegion(props: {
  items: readonly RectificationItemSummary[]
  label: string
  detail?: (item: RectificationItemSummary) => string
}) {
  return (
    <div className="aa-rect-item-region" role="region" aria-label={props.label} tabIndex={0}>
      <ol className="aa-rect-notice-items">
        {props.items.map((item) => (
          <li key={item.id}>
            {item.title}（{item.location}）
            {props.detail && <div className="aa-rect-item-region-detail">{props.detail(item)}</div>}
          </li>
        ))}
      </ol>
    </div>
  )
}
