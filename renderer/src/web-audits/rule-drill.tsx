import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { RuleDrill } from '../../../shared/domain/audits'
import { useApi } from '../api/api-context'
import { PageLink, ImpactTag, ToneTag } from './tags'

type Node = RuleDrill['pages'][number]['nodes'][number]

/**
 * One rule as a native disclosure (keyboard and screen readers know it). Its pages and elements render only
 * once opened, so screenshots load lazily. Every page string is hostile: text nodes and <pre><code> only.
 */
export function RuleDetails({ rule, runId }: { rule: RuleDrill; runId: number }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const level = rule.level ?? t('webAudits.run.bestPractice')
  return (
    <details
      className="aa-wa-rule"
      data-rule-id={rule.ruleId}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <strong>{rule.help || rule.description}</strong> <ImpactTag impact={rule.impact} />
        {rule.needsReview && (
          <ToneTag tone="warn" symbol="?">
            {t('webAudits.run.reviewFlag')}
          </ToneTag>
        )}
        <span className="aa-wa-muted">
          {' '}
          {t('webAudits.run.ruleMeta', { pages: rule.pageCount, nodes: rule.nodeCount })}（{rule.ruleId}）
        </span>
      </summary>
      {open && (
        <div className="aa-wa-rule-body">
          <p>{rule.description}</p>
          <dl className="aa-wa-meta">
            <dt>{t('webAudits.run.level')}</dt>
            <dd>{level}</dd>
            <dt>{t('webAudits.run.wcagRefs')}</dt>
            <dd>{rule.refs.wcag.join('、') || t('webAudits.run.refsNone')}</dd>
            <dt>{t('webAudits.run.gbtRefs')}</dt>
            <dd>{rule.refs.gbt37668.join('、') || t('webAudits.run.refsNone')}</dd>
          </dl>
          {rule.needsReview && rule.reviewReason && (
            <p>{t('webAudits.run.reviewReason', { reason: rule.reviewReason })}</p>
          )}
          {rule.helpUrl && (
            <p>
              <PageLink url={rule.helpUrl}>{t('webAudits.run.helpLink')}</PageLink>
            </p>
          )}
          <ul className="aa-wa-pages">
            {rule.pages.map((page) => (
              <li key={page.url}>
                <p>
                  <strong>{t('webAudits.run.page')}：</strong>
                  {page.title && <span>{page.title} </span>}
                  <PageLink url={page.url} />
                </p>
                {page.nodes.map((node, i) => (
                  <NodeView key={`${node.selector}-${i}`} node={node} runId={runId} />
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  )
}

function NodeView({ node, runId }: { node: Node; runId: number }) {
  const { t } = useTranslation()
  return (
    <div className="aa-wa-node" data-testid="rule-node">
      <dl className="aa-wa-meta">
        <dt>{t('webAudits.run.selector')}</dt>
        <dd>
          <code>{node.selector}</code>
        </dd>
      </dl>
      <p className="aa-wa-label">{t('webAudits.run.html')}</p>
      <pre>
        <code>{node.html}</code>
      </pre>
      {node.failureSummary && (
        <>
          <p className="aa-wa-label">{t('webAudits.run.fix')}</p>
          <p className="aa-wa-fix">{node.failureSummary}</p>
        </>
      )}
      {node.screenshot && <Screenshot runId={runId} file={node.screenshot} selector={node.selector} />}
    </div>
  )
}

function Screenshot({ runId, file, selector }: { runId: number; file: string; selector: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const shot = useQuery({
    queryKey: ['audits:screenshot', runId, file],
    queryFn: () => api.call('audits:screenshot', { runId, file }),
    staleTime: Infinity,
  })
  if (shot.isLoading) return <p className="aa-wa-muted">{t('webAudits.run.screenshotLoading')}</p>
  if (!shot.data || shot.data.missing || !shot.data.dataUrl.startsWith('data:image/'))
    return <p className="aa-wa-muted">{t('webAudits.run.screenshotMissing')}</p>
  return <img src={shot.data.dataUrl} alt={t('webAudits.run.screenshotAlt', { selector })} loading="lazy" />
}
