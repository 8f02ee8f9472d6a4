import { NavLink } from 'react-router'
import { useTranslation } from 'react-i18next'

/** The two screens of 整改跟踪, as a small secondary navigation under the page heading. */
export function RectificationNav() {
  const { t } = useTranslation()
  return (
    <nav className="aa-rect-subnav" aria-label={t('rectification.subNav')}>
      <ul>
        <li>
          <NavLink to="/rectification" end>
            {t('rectification.itemsTab')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/rectification/notices">{t('rectification.noticesTab')}</NavLink>
        </li>
      </ul>
    </nav>
  )
}
