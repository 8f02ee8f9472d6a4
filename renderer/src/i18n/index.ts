import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { zhCN } from './zh-cn'

void i18next.use(initReactI18next).init({
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false }, // React escapes; never inject HTML from strings.
  returnNull: false,
})

export { i18next }
