// The officer console (/console): TOTP sign-in, the inbox of issuance notices, serving residents at the window.
import { Button, Menu, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { PageShell } from '../app/shell.tsx';
import type { Me } from '../app/types.ts';
import { ConsoleLogin } from './console-login.tsx';
import { Inbox } from './inbox.tsx';
import { ServeWindow } from './serve-window.tsx';

/** The console page. */
export default function ConsoleApp() {
  const { t } = usePrefs();
  const [me, setMe] = useState<Me | null>();
  const [tab, setTab] = useState<'inbox' | 'window'>('inbox');
  const loadMe = useCallback(() => {
    api<Me>('/api/v1/auth/me').then(
      (m) => setMe(m.kind === 'staff' ? m : null),
      () => setMe(null),
    );
  }, []);
  useEffect(() => {
    loadMe();
    document.title = `${t('工作台', 'Officer console')} · ${t('证明云共享平台', 'certcloud')}`;
  }, [loadMe, t]);
  const signOut = async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    setMe(null);
  };
  return (
    <PageShell
      title={t('工作人员工作台', 'Officer console')}
      actions={me ? <Button onClick={signOut}>{t('退出', 'Sign out')}</Button> : null}
    >
      {me === undefined ? <Spin size="large" /> : null}
      {me === null ? <ConsoleLogin onSignedIn={loadMe} /> : null}
      {me ? (
        <div className="cc-stack">
          <Typography.Title level={1}>
            {t('您好，', 'Hello, ')}
            {me.username}
          </Typography.Title>
          <nav aria-label={t('工作台', 'Console')}>
            <Menu
              mode="horizontal"
              selectedKeys={[tab]}
              onClick={(e) => setTab(e.key as 'inbox' | 'window')}
              items={[
                { key: 'inbox', label: t('开具通知', 'Notices') },
                { key: 'window', label: t('窗口代办', 'Window service') },
              ]}
            />
          </nav>
          {tab === 'inbox' ? <Inbox /> : <ServeWindow />}
        </div>
      ) : null}
    </PageShell>
  );
}
