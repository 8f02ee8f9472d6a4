import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

// antd's preset green tag is about 3:1 on its background; these colours pass AA (≥ 4.5:1).
const activeStyle = { color: '#135200', background: '#f6ffed', borderColor: '#389e0d' }
const archivedStyle = { color: '#434343', background: '#f5f5f5', borderColor: '#8c8c8c' }

export function StatusTag({ archived }: { archived: boolean }) {
  const { t } = useTranslation()
  return (
    <Tag style={archived ? archivedStyle : activeStyle}>
      {archived ? t('common.archived') : t('common.active')}
    </Tag>
  )
}
