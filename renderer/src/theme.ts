import type { ThemeConfig } from 'antd'

/**
 * antd's default blue (#1677ff) and grey texts fall below WCAG AA contrast on white; these tokens lift them
 * above 4.5:1 while keeping the look government staff know.
 */
export function accessibleTheme(fontSize: number, reducedMotion: boolean): ThemeConfig {
  return {
    token: {
      fontSize,
      // Honour the system's reduce-motion setting: no zooming dialogs or sliding menus.
      motion: !reducedMotion,
      colorPrimary: '#0950c3',
      colorLink: '#0950c3',
      // antd derives lighter hover and active shades (a hovered link read 3.33:1 on white): darker ones keep text
      // ≥ 4.5:1 on white and white text ≥ 4.5:1 on a hovered primary button.
      colorLinkHover: '#003a8c',
      colorLinkActive: '#002c8c',
      colorPrimaryHover: '#003eb3',
      colorPrimaryActive: '#002c8c',
      colorError: '#c41d1d',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorText: 'rgba(0, 0, 0, 0.88)',
      colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
      colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
      colorTextDescription: 'rgba(0, 0, 0, 0.7)',
      colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
      colorTextDisabled: 'rgba(0, 0, 0, 0.55)',
      colorBorder: '#8c8c8c',
      fontFamily:
        "-apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif",
    },
  }
}
