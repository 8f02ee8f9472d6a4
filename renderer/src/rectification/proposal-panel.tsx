import { Button, Space, Typography } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { RectificationItem, VerificationProposal } from '../../../shared/domain/rectification'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { formatDateTime } from '../web-audits/format'

/** A re-inspection or re-audit no longer found the problem: the inspector confirms or rejects the proposal. */
export function ProposalPanel(props: {
  proposal: VerificationProposal
  onDecided: (item: RectificationItem, accepted: boolean) => void
}) {
  const { proposal } = props
  const { t } = useTranslation()
  const api = useApi()
  const decide = useMutation({
    mutationFn: (accept: boolean) =>
      api.call('rectification:decideProposal', { proposalId: proposal.id, accept }),
    onSuccess: (item, accept) => props.onDecided(item, accept),
  })
  const origin =
    proposal.source === 'site'
      ? t('rectification.proposal.site', { id: proposal.inspectionId ?? '—' })
      : t('rectification.proposal.web', { id: proposal.auditRunId ?? '—' })
  return (
    <section className="aa-rect-panel aa-rect-proposal" aria-labelledby="rect-proposal-heading">
      <Typography.Title level={2} id="rect-proposal-heading">
        {t('rectification.proposal.heading')}
      </Typography.Title>
      {/* The explanation already starts with the check's date and kind (e.g. "2026-04-02 复查：…"). */}
      <p>{proposal.explanation}</p>
      <p className="aa-wa-muted">
        {t('rectification.proposal.basis', {
          origin,
          time: formatDateTime(proposal.proposedAt),
        })}
      </p>
      <ErrorAlert error={decide.error} />
      <Space wrap>
        <Button
          type="primary"
          loading={decide.isPending && decide.variables}
          onClick={() => decide.mutate(true)}
        >
          {t('rectification.proposal.accept')}
        </Button>
        <Button loading={decide.isPending && !decide.variables} onClick={() => decide.mutate(false)}>
          {t('rectification.proposal.reject')}
        </Button>
      </Space>
    </section>
  )
}
