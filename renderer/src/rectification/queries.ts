import type { QueryClient } from '@tanstack/react-query'

/** After any change to items or notices: lists, details and notice progress all read the same rows. */
export function invalidateRectification(queryClient: QueryClient): void {
  for (const key of ['rectification:list', 'rectification:get', 'notices:list', 'notices:get'])
    void queryClient.invalidateQueries({ queryKey: [key] })
}
