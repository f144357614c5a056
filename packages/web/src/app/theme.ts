// Ant Design themes: standard, elder (长辈版, MIIT 2021 ageing-friendly rules) and kiosk (touch, ≥24 px).
import type { ThemeConfig } from 'antd';

/** Which look a page has. */
export type UiMode = 'standard' | 'elder' | 'kiosk';

// #b71c1c on white is 6.6:1; text colours stay ≥ 4.5:1 everywhere (axe checks it).
const base: ThemeConfig['token'] = {
  colorPrimary: '#b71c1c',
  colorLink: '#8e1414',
  colorText: '#1f1f1f',
  colorTextSecondary: '#4a4a4a',
  colorTextDescription: '#4a4a4a',
  colorTextPlaceholder: '#5c5c5c',
  colorSuccess: '#1b6e20',
  colorError: '#b3261e',
  colorWarning: '#8a5300',
  fontFamily: "'Noto Sans SC', 'Noto Sans', sans-serif",
  borderRadius: 6,
};

/** The theme for a mode. */
export function themeFor(mode: UiMode): ThemeConfig {
  if (mode === 'elder')
    return {
      token: {
        ...base,
        fontSize: 20,
        fontSizeLG: 22,
        fontSizeHeading1: 34,
        fontSizeHeading2: 30,
        lineHeight: 1.5,
        controlHeight: 60,
        controlHeightLG: 64,
      },
      components: { Button: { contentFontSize: 22, contentFontSizeLG: 24 } },
    };
  if (mode === 'kiosk')
    return {
      token: {
        ...base,
        fontSize: 26,
        fontSizeLG: 28,
        fontSizeHeading1: 44,
        fontSizeHeading2: 36,
        lineHeight: 1.4,
        controlHeight: 72,
        controlHeightLG: 88,
      },
      components: { Button: { contentFontSize: 28, contentFontSizeLG: 32 } },
    };
  return { token: { ...base, fontSize: 16, controlHeight: 44, controlHeightLG: 48, lineHeight: 1.6 } };
}
