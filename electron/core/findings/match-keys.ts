import { normalizeUrlOrNull } from '../../../shared/web/url-normalize'

/**
 * A finding's identity: the match key that says "the same problem" across inspections and audit runs. This is the
 * one module that spells or reads a key; the writers (site inspections, web audits, guided manual checks) make
 * their keys here and rectification reads them here.
 *
 *   site:place:<placeId>:element:<first element of the chain>:check:<checkId>
 *   web:portal:<portalId>:<ruleId>:<normalised page URL>:<element fingerprint>
 *   web:portal:<portalId>:manual:<checkId>                      a guided manual check answered 不通过
 *   web:portal:<portalId>:rule:<ruleId>                         one rule of one portal (a web item's group key)
 *
 * A page URL may hold ':' itself, so a web key is read from both ends: the fingerprint is the last segment (a
 * hash, never a colon in it) and the URL everything between the rule and the fingerprint.
 */

export type MatchKey =
  | { kind: 'site'; placeId: number; elementId: number; checkId: string }
  | { kind: 'web'; portalId: number; ruleId: string; pageUrl: string; fingerprint: string }
  | { kind: 'manual'; portalId: number; checkId: string }
  | { kind: 'web-rule'; portalId: number; ruleId: string }

export function siteMatchKey(placeId: number, rootElementId: number, checkId: string): string {
  return `site:place:${placeId}:element:${rootElementId}:check:${checkId}`
}

/** Rule + normalised page URL + the element's stable fingerprint, never the raw selector text. */
export function webMatchKey(portalId: number, ruleId: string, pageUrl: string, fingerprint: string): string {
  return `web:portal:${portalId}:${ruleId}:${normalizeUrlOrNull(pageUrl) ?? pageUrl}:${fingerprint}`
}

export function manualMatchKey(portalId: number, checkId: string): string {
  return `web:portal:${portalId}:manual:${checkId}`
}

/** One rule of one portal: the web rectification item that lists the rule's failing elements. */
export function webRuleKey(portalId: number, ruleId: string): string {
  return `web:portal:${portalId}:rule:${ruleId}`
}

const sitePattern = /^site:place:(\d+):element:(\d+):check:(.+)$/
const manualPattern = /^web:portal:(\d+):manual:(.+)$/
const rulePattern = /^web:portal:(\d+):rule:(.+)$/
const webPattern = /^web:portal:(\d+):([^:]+):(.*):([^:]*)$/

/** The parts of a key, or null for text that is not a key of any of the four forms. */
export function parseMatchKey(key: string): MatchKey | null {
  const site = sitePattern.exec(key)
  if (site) return { kind: 'site', placeId: Number(site[1]), elementId: Number(site[2]), checkId: site[3]! }
  const manual = manualPattern.exec(key)
  if (manual) return { kind: 'manual', portalId: Number(manual[1]), checkId: manual[2]! }
  const rule = rulePattern.exec(key)
  if (rule) return { kind: 'web-rule', portalId: Number(rule[1]), ruleId: rule[2]! }
  const web = webPattern.exec(key)
  if (web) {
    return {
      kind: 'web',
      portalId: Number(web[1]),
      ruleId: web[2]!,
      pageUrl: web[3]!,
      fingerprint: web[4]!,
    }
  }
  return null
}

/** The guided manual check of a manual key, or null for any other key. */
export function manualCheckIdOf(key: string): string | null {
  const parsed = parseMatchKey(key)
  return parsed?.kind === 'manual' ? parsed.checkId : null
}

/** The rule of a web element key or of a rule key ('' for other keys). */
export function webRuleIdOf(key: string): string {
  const parsed = parseMatchKey(key)
  return parsed?.kind === 'web' || parsed?.kind === 'web-rule' ? parsed.ruleId : ''
}
