import type { AuditState } from '../audit-state'
import type { PageLink } from './link-checks'

/**
 * The links the link check read, kept with the page audit so the page result can list the documents the page
 * links to (the crawler records them; linked-docs checks them) without a second walk over the page.
 */
const kept = new WeakMap<AuditState, readonly PageLink[]>()

export function keepPageLinks(state: AuditState, links: readonly PageLink[]): void {
  kept.set(state, links)
}

export function pageLinksOf(state: AuditState): readonly PageLink[] {
  return kept.get(state) ?? []
}
