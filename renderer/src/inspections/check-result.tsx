import { useTranslation } from 'react-i18next'
import { formatClause } from '../../../shared/catalog/index'
import type { CheckResult, ClauseRef } from '../../../shared/catalog/types'
import { shownVerdict } from '../../../shared/domain/inspection-gaps'
import { VerdictTag } from './status-tags'

export function ClauseList({ clauses }: { clauses: readonly ClauseRef[] }) {
  const { t } = useTranslation()
  return (
    <ul className="aa-clauses">
      {clauses.map((c) => (
        <li
          key={`${c.code}-${c.clause}-${c.item ?? ''}`}
          className={c.supersededBy ? 'aa-superseded' : undefined}
        >
          {c.mandatory && <span aria-hidden="true">★ </span>}
          <span className="aa-clause-code">{formatClause(c)}</span>
          {c.mandatory && <span className="aa-visually-hidden">{t('inspections.check.mandatory')}</span>}
          {c.supersededBy && t('inspections.check.superseded', { by: c.supersededBy })}
          {c.confidence === 'low' && t('inspections.check.lowConfidence')}
        </li>
      ))}
    </ul>
  )
}

/**
 * The verdict of one check as it stands: labelled status (colour, symbol and word), the zh-CN explanation, derived
 * values and the clauses. The verdict line is a polite live region so a screen reader hears it change while typing.
 */
export function CheckResultView(props: { id: string; result: CheckResult | null; invalid?: boolean }) {
  const { id, invalid } = props
  const result = invalid ? null : props.result
  const { t } = useTranslation()
  const verdict = invalid ? 'none' : shownVerdict(result)
  return (
    <div className="aa-check-result">
      <div
        className="aa-verdict-line"
        role="status"
        aria-atomic="true"
        id={`${id}-verdict`}
        data-verdict={verdict}
      >
        <span className="aa-label">{t('inspections.check.verdict')}：</span>
        <VerdictTag result={result} invalid={invalid ?? false} />
      </div>
      <p className="aa-explanation">
        {invalid
          ? t('inspections.check.inputInvalid')
          : (result?.explanation ?? t('inspections.check.notFilled'))}
      </p>
      {result?.reasons?.map((r) => (
        <p key={r} className="aa-reason">
          {t('inspections.check.reasons')}：{r}
        </p>
      ))}
      {result?.advisories?.map((a) => (
        <p key={a} className="aa-reason">
          {t('inspections.check.advisory')}：{a}
        </p>
      ))}
      {result && result.derived.length > 0 && (
        <div className="aa-derived">
          <div className="aa-label">{t('inspections.check.derived')}</div>
          <dl>
            {result.derived.map((d) => (
              <div key={d.id}>
                <dt>{d.label}：</dt>
                <dd>{d.display}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  )
}
