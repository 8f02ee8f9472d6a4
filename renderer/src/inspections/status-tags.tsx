import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { severityLabels } from '../../../shared/catalog/index'
import type { CheckResult, Severity, Verdict } from '../../../shared/catalog/types'
import { shownVerdict, type InspectionGaps } from '../../../shared/domain/inspection-gaps'
import type { ComparisonStatus, InspectionStatus } from '../../../shared/domain/inspections'

// antd's preset tag colours are about 3:1; these pairs are ≥ 4.5:1 (text on background), and each tag also
// carries a symbol and a word, so colour is never the only signal.
type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'info'

const tones: Record<Tone, { color: string; background: string; borderColor: string }> = {
  good: { color: '#135200', background: '#f6ffed', borderColor: '#389e0d' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#cf1322' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#d46b08' },
  neutral: { color: '#434343', background: '#f5f5f5', borderColor: '#8c8c8c' },
  info: { color: '#10239e', background: '#f0f5ff', borderColor: '#2f54eb' },
}

function ToneTag({ tone, symbol, text }: { tone: Tone; symbol: string; text: string }) {
  return (
    <Tag style={{ ...tones[tone], fontWeight: 600, marginInlineEnd: 0 }}>
      <span aria-hidden="true">{symbol} </span>
      {text}
    </Tag>
  )
}

const verdictLook: Record<Verdict | 'none', { tone: Tone; symbol: string }> = {
  pass: { tone: 'good', symbol: '✓' },
  fail: { tone: 'bad', symbol: '✗' },
  'needs-review': { tone: 'warn', symbol: '?' },
  'not-entered': { tone: 'info', symbol: '…' },
  'not-applicable': { tone: 'neutral', symbol: '–' },
  none: { tone: 'neutral', symbol: '·' },
}

/**
 * A result's verdict as every screen shows it: 未填写 for a check without a result or with blanks (also a result
 * stored before 未填写 existed, see shownVerdict); `invalid` = the typed values cannot be judged (无法判定).
 */
export function VerdictTag(props: { result: CheckResult | null | undefined; invalid?: boolean }) {
  const { t } = useTranslation()
  const key: Verdict | 'none' = props.invalid ? 'none' : shownVerdict(props.result)
  return <ToneTag {...verdictLook[key]} text={t(`inspections.verdicts.${key}`)} />
}

/** The inspection's checks counted as the tags show them: 未填写 apart from 待复核 (which only an expert settles). */
export function VerdictCounts({ counts }: { counts: InspectionGaps['counts'] }) {
  const { t } = useTranslation()
  return (
    <p className="aa-verdict-counts">
      {t('inspections.counts.label', {
        checks: counts.checks,
        fail: counts.fail,
        review: counts.needsReview,
        notEntered: counts.notEntered,
      })}
    </p>
  )
}

const comparisonLook: Record<ComparisonStatus, { tone: Tone; symbol: string }> = {
  fixed: { tone: 'good', symbol: '✓' },
  'still-failing': { tone: 'bad', symbol: '✗' },
  new: { tone: 'warn', symbol: '!' },
  'unchanged-pass': { tone: 'neutral', symbol: '=' },
  'not-rechecked': { tone: 'neutral', symbol: '…' },
}

export function ComparisonTag({ status }: { status: ComparisonStatus }) {
  const { t } = useTranslation()
  return <ToneTag {...comparisonLook[status]} text={t(`inspections.comparison.${status}`)} />
}

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const { t } = useTranslation()
  return status === 'submitted' ? (
    <ToneTag tone="good" symbol="✓" text={t('inspections.status.submitted')} />
  ) : (
    <ToneTag tone="info" symbol="✎" text={t('inspections.status.draft')} />
  )
}

const severityTone: Record<Severity, Tone> = { critical: 'bad', major: 'warn', minor: 'neutral' }

export function SeverityTag({ severity }: { severity: Severity }) {
  return (
    <ToneTag
      tone={severityTone[severity]}
      symbol={severity === 'critical' ? '!!' : '!'}
      text={severityLabels[severity]}
    />
  )
}
