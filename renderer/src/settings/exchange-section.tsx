import { useTranslation } from 'react-i18next'
import { ExchangeConflicts } from './exchange-conflicts'
import { ExchangeExport } from './exchange-export'
import { ExchangeImport } from './exchange-import'
import { TeamKeySettings } from './team-key'
import './exchange.css'

/**
 * 设置 → 团队协作 → 交换数据包: export, import with its report, the open conflicts, and the team key that signs
 * and checks packages. Every part calls one exchange:* operation of the shared contract.
 */
export function ExchangeSection() {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="settings-exchange" className="aa-exchange">
      <h3 id="settings-exchange">{t('team.exchange.heading')}</h3>
      <p>{t('team.exchange.intro')}</p>
      <ExchangeExport />
      <ExchangeImport />
      <ExchangeConflicts />
      <TeamKeySettings />
    </section>
  )
}
