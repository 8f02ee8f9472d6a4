import type { QueryClient } from '@tanstack/react-query'

/** After any change to items or notices: lists, details and notice progress all read the same rows. */
export function invalidateRectification(queryClient: QueryClient): void {
  // findings:list too: a merge moves findings between items, and the item page lists them.
  for (const key of [
    'rectification:list',
    'rectification:get',
    'notices:list',
    'notices:get',
    'findings:list',
    'today:summary',
  ])
    void queryClient.invalidateQueries({ queryKey: [key] })
}
