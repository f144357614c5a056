// The frame of every page: skip link, header with the platform name and the language switch, main, footer.
import { Button, Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePrefs } from './i18n.tsx';

/** The language switch: shows the other language's name, in that language. */
export function LanguageSwitch() {
  const { lang, setLang } = usePrefs();
  return (
    <Button
      className="cc-lang"
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
    >
      {lang === 'zh' ? 'English' : '中文'}
    </Button>
  );
}

/** A page with header, main landmark and footer. */
export function PageShell(props: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  const { t } = usePrefs();
  return (
    <Layout className={`cc-page ${props.className ?? ''}`}>
      <a className="cc-skip" href="#main">
        {t('跳到主要内容', 'Skip to main content')}
      </a>
      <Layout.Header className="cc-header">
        <div className="cc-brand">
          <span className="cc-logo" aria-hidden="true">
            证
          </span>
          <span>
            <span className="cc-brand-name">{t('证明云共享平台', 'certcloud')}</span>
            <span className="cc-brand-page">{props.title}</span>
          </span>
        </div>
        <Space wrap className="cc-header-actions">
          {props.actions}
          <LanguageSwitch />
        </Space>
      </Layout.Header>
      <Layout.Content id="main" className="cc-main" tabIndex={-1}>
        {props.children}
      </Layout.Content>
      <Layout.Footer className="cc-footer">
        <Typography.Text>
          {t(
            '证明云共享平台 · 演示城市数据均为合成数据，不含真实个人信息',
            'certcloud · the demo city is synthetic: no real personal data',
          )}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
