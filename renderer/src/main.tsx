import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n/index'
import './styles.css'
import { App } from './app'
import { createClient } from './api/client'

const root = createRoot(document.getElementById('root') as HTMLElement)
root.render(
  <StrictMode>
    <App client={createClient()} />
  </StrictMode>,
)
