import { useTranslation } from 'react-i18next'
import type { RectificationItem } from '../../../shared/domain/rectification'
import { PageLink } from '../web-audits/tags'

/**
 * The failing elements of a web item (page, selector, snippet) or the part of a site. Everything here came from
 * an audited page: it is rendered as text nodes only (React escapes), the snippet inside <pre><code>.
 */
export function ItemElements({ item }: { item: RectificationItem }) {
  const { t } = useTranslation()
  return (
    <>
      {item.elementCount > item.elements.length && (
        <p>
          {t('rectification.detail.elementsCount', {
            count: item.elementCount,
            shown: item.elements.length,
          })}
        </p>
      )}
      <ol className="aa-rect-elements">
        {item.elements.map((el, i) => (
          <li key={`${el.selector ?? el.label ?? ''}-${i}`} data-testid="item-element">
            <dl className="aa-wa-meta">
              {el.label && (
                <>
                  <dt>{t('rectification.detail.label')}</dt>
                  <dd>{el.label}</dd>
                </>
              )}
              {el.pageUrl && (
                <>
                  <dt>{t('rectification.detail.pageUrl')}</dt>
                  <dd>
                    <PageLink url={el.pageUrl} />
                  </dd>
                </>
              )}
              {el.selector && (
                <>
                  <dt>{t('rectification.detail.selector')}</dt>
                  <dd>
                    <code>{el.selector}</code>
                  </dd>
                </>
              )}
            </dl>
            {el.html && (
              <>
                <p className="aa-wa-label">{t('rectification.detail.html')}</p>
                <pre className="aa-rect-snippet">
                  <code data-testid="item-snippet">{el.html}</code>
                </pre>
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  )
}
