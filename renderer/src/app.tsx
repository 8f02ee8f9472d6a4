import { useMemo, type ReactNode } from 'react'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { Alert, ConfigProvider, App as AntApp } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { HashRouter, Navigate, NavLink, Route, Routes } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../shared/api/contract'
import { ApiContext, useApi } from './api/api-context'
import { ApiCallError } from './api/client'
import { AnnouncerProvider } from './components/announcer'
import { HomePage } from './home/home-page'
import { InspectionRoute } from './inspections/inspection-page'
import { InspectionsPage } from './inspections/inspections-page'
import { RecordPage } from './inspections/record-page'
import { PlacesPage } from './pages/places-page'
import { ReportsPage } from './reports/reports-page'
import { RectificationRoutes } from './rectification/rectification-routes'
import { SettingsPage } from './pages/settings-page'
import { UnitsPage } from './pages/units-page'
import { PortalPage } from './web-audits/portal-page'
import { PortalsPage } from './web-audits/portals-page'
import { RunPage } from './web-audits/run-page'
import { fontSizes, useFontSize, type FontSizeKey } from './settings/display-settings'
import { accessibleTheme } from './theme'
import { usePrefersReducedMotion } from './settings/reduced-motion'

const navItems = [
  { to: '/', key: 'nav.home' },
  { to: '/inspections', key: 'nav.inspections' },
  { to: '/web-audits', key: 'nav.webAudits' },
  { to: '/rectification', key: 'nav.rectification' },
  { to: '/reports', key: 'nav.reports' },
  { to: '/places', key: 'nav.places' },
  { to: '/units', key: 'nav.units' },
  { to: '/settings', key: 'nav.settings' },
] as const

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <a
        className="aa-skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        {t('app.skipToContent')}
      </a>
      <div className="aa-shell">
        <header className="aa-sidebar">
          <div className="aa-brand">
            {t('app.name')}
            <small>{t('app.subtitle')}</small>
          </div>
          <nav className="aa-nav" aria-label={t('app.mainNav')}>
            <ul>
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" className="aa-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  )
}

function Routed({ fontSize, setFontSize }: { fontSize: FontSizeKey; setFontSize: (k: FontSizeKey) => void }) {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route path="/inspections" element={<InspectionsPage />} />
      <Route path="/inspections/:id" element={<InspectionRoute />} />
      <Route path="/inspections/:id/record" element={<RecordPage />} />
      <Route path="/web-audits" element={<PortalsPage />} />
      <Route path="/web-audits/portals/:id" element={<PortalPage />} />
      <Route path="/web-audits/runs/:runId" element={<RunPage />} />
      <Route path="/rectification/*" element={<RectificationRoutes />} />
      <Route path="/reports" element={<ReportsPage />} />
      <Route path="/places" element={<PlacesPage />} />
      <Route path="/units" element={<UnitsPage />} />
      <Route path="/settings" element={<SettingsPage fontSize={fontSize} onFontSize={setFontSize} />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  )
}

/** Browser mode without a token or a session cookie (an address typed by hand): say how to open the app. */
function NoSession() {
  const { t } = useTranslation()
  return (
    <main style={{ padding: 32 }}>
      <h1>{t('app.name')}</h1>
      <Alert type="error" role="alert" title={t('app.noToken')} />
    </main>
  )
}

function SessionGate({ children }: { children: ReactNode }) {
  const api = useApi()
  const info = useQuery({ queryKey: ['app:info'], queryFn: () => api.call('app:info', {}) })
  if (info.error instanceof ApiCallError && info.error.code === 'UNAUTHORIZED') return <NoSession />
  return children
}

export function App({ client }: { client: ApiClient | null }) {
  const [fontSize, setFontSize] = useFontSize()
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }),
    [],
  )
  const reducedMotion = usePrefersReducedMotion()
  const theme = useMemo(() => accessibleTheme(fontSizes[fontSize], reducedMotion), [fontSize, reducedMotion])
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <div style={{ fontSize: fontSizes[fontSize] }}>
          {client ? (
            <ApiContext.Provider value={client}>
              <QueryClientProvider client={queryClient}>
                <SessionGate>
                  <AnnouncerProvider>
                    <HashRouter>
                      <Shell>
                        <Routed fontSize={fontSize} setFontSize={setFontSize} />
                      </Shell>
                    </HashRouter>
                  </AnnouncerProvider>
                </SessionGate>
              </QueryClientProvider>
            </ApiContext.Provider>
          ) : (
            <NoSession />
          )}
        </div>
      </AntApp>
    </ConfigProvider>
  )
}
