import type { ReactNode } from 'react'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FindingChangeKind } from '../../../shared/domain/audits'
import { formatImpact, impactLabels, type Impact } from '../../../shared/format/index'
import { isHttpUrl, statusLabel } from './format'

// antd's preset tag colours are about 3:1; these pairs are ≥ 4.5:1, and each tag also carries a symbol and a
// word, so colour is never the only signal.
export type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'info'

const tones: Record<Tone, { color: string; background: string; borderColor: string }> = {
  good: { color: '#135200', background: '#f6ffed', borderColor: '#389e0d' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#cf1322' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#d46b08' },
  neutral: { color: '#434343', background: '#f5f5f5', borderColor: '#8c8c8c' },
  info: { color: '#10239e', background: '#f0f5ff', borderColor: '#2f54eb' },
}

export function ToneTag({ tone, symbol, children }: { tone: Tone; symbol: string; children: ReactNode }) {
  return (
    <Tag style={{ ...tones[tone], fontWeight: 600, marginInlineEnd: 4 }}>
      <span aria-hidden="true">{symbol} </span>
      {children}
    </Tag>
  )
}

const impactTone: Record<string, Tone> = {
  critical: 'bad',
  serious: 'bad',
  moderate: 'warn',
  minor: 'neutral',
}

const isImpact = (key: string): key is Impact => key in impactLabels

export function ImpactTag({ impact }: { impact: string | null }) {
  const { t } = useTranslation()
  const key = impact ?? 'none'
  return (
    <ToneTag tone={impactTone[key] ?? 'neutral'} symbol={key === 'critical' ? '!!' : '!'}>
      {isImpact(key) ? formatImpact(key) : t(`webAudits.impacts.${key}`, { defaultValue: key })}
    </ToneTag>
  )
}

const statusTone: Record<string, Tone> = {
  completed: 'good',
  running: 'info',
  crawling: 'info',
  queued: 'neutral',
  paused: 'warn',
  cancelled: 'neutral',
  failed: 'bad',
}
const statusSymbol: Record<Tone, string> = { good: '✓', info: '…', neutral: '·', warn: '‖', bad: '✗' }

export function RunStatusTag({ status, batch = false }: { status: string; batch?: boolean }) {
  const tone = statusTone[status] ?? 'neutral'
  return (
    <ToneTag tone={tone} symbol={statusSymbol[tone]}>
      {statusLabel(batch ? 'batchStatus' : 'runStatus', status)}
    </ToneTag>
  )
}

const changeLook: Record<FindingChangeKind, { tone: Tone; symbol: string }> = {
  new: { tone: 'bad', symbol: '+' },
  persisting: { tone: 'warn', symbol: '=' },
  fixed: { tone: 'good', symbol: '✓' },
  unchecked: { tone: 'neutral', symbol: '?' },
}

export function ChangeTag({ change }: { change: FindingChangeKind }) {
  const { t } = useTranslation()
  return <ToneTag {...changeLook[change]}>{t(`webAudits.compare.${change}`)}</ToneTag>
}

/** A score out of 100 as text; colour only adds to the number. */
export function ScoreText({ score }: { score: number | null }) {
  const { t } = useTranslation()
  if (score === null) return <span>—</span>
  const tone: Tone = score >= 90 ? 'good' : score >= 60 ? 'warn' : 'bad'
  return (
    <span style={{ color: tones[tone].color, fontWeight: 600 }}>
      {t('webAudits.run.scoreText', { score: Math.round(score) })}
    </span>
  )
}

/** A link to an audited page: text only, a new window for http(s), plain text for anything else. */
export function PageLink({ url, children }: { url: string; children?: ReactNode }) {
  const label = children ?? url
  if (!isHttpUrl(url)) return <span className="aa-wa-url">{label}</span>
  return (
    <a className="aa-wa-url" href={url} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  )
}
