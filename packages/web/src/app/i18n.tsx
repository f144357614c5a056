// Chinese first, English second, switchable on every page; the choice and elder mode are remembered.
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { themeFor, type UiMode } from './theme.ts';

/** The page language. */
export type Lang = 'zh' | 'en';

interface Prefs {
  lang: Lang;
  setLang(lang: Lang): void;
  /** Picks the words for the current language. */
  t(zh: string, en: string): string;
  /** 长辈版: larger type, bigger targets, fewer steps. */
  elder: boolean;
  setElder(on: boolean): void;
}

const PrefsContext = createContext<Prefs | null>(null);

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Provides language, elder mode and the Ant Design theme and locale to a page. */
export function PrefsProvider(props: { children: ReactNode; mode?: UiMode; remember?: boolean }) {
  const remember = props.remember ?? true;
  const [lang, setLangState] = useState<Lang>(() => (remember && stored('cc.lang') === 'en' ? 'en' : 'zh'));
  const [elder, setElderState] = useState<boolean>(() => remember && stored('cc.elder') === '1');
  const prefs = useMemo<Prefs>(
    () => ({
      lang,
      setLang(l) {
        setLangState(l);
        if (remember) store('cc.lang', l);
      },
      t: (zh, en) => (lang === 'zh' ? zh : en),
      elder,
      setElder(on) {
        setElderState(on);
        if (remember) store('cc.elder', on ? '1' : '0');
      },
    }),
    [lang, elder, remember],
  );
  const mode: UiMode = props.mode ?? (elder ? 'elder' : 'standard');
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.body.dataset['mode'] = mode;
  }, [lang, mode]);
  return (
    <PrefsContext.Provider value={prefs}>
      <ConfigProvider
        locale={lang === 'zh' ? zhCN : enUS}
        theme={themeFor(mode)}
        button={{ autoInsertSpace: false }}
      >
        {props.children}
      </ConfigProvider>
    </PrefsContext.Provider>
  );
}

/** The current language, translator and elder mode. */
export function usePrefs(): Prefs {
  const prefs = useContext(PrefsContext);
  if (!prefs) throw new Error('usePrefs outside PrefsProvider');
  return prefs;
}
