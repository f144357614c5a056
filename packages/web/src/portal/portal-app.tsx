// The resident portal (the "APP"): menu with service guides, apply for self or family, my certificates,
// my access log, and 长辈版 (elder mode) — one page, views switched in place.
import { Button, Card, Menu, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import { PageShell } from '../app/shell.tsx';
import type { CertificateTypeView, CertificateView, Me } from '../app/types.ts';
import { AccessLog } from './access-log.tsx';
import { ApplyForm } from './apply-form.tsx';
import { AuthPanel } from './auth-panel.tsx';
import { CertificateCard } from './certificate-card.tsx';
import { MyCertificates } from './my-certificates.tsx';
import { ServiceGuide, TypeMenu } from './type-menu.tsx';

type View =
  | { name: 'menu' }
  | { name: 'guide'; type: CertificateTypeView }
  | { name: 'certificate'; cert: CertificateView; fresh: boolean }
  | { name: 'mine' }
  | { name: 'log' };

/** The resident portal page. */
export default function PortalApp() {
  const { t, elder, setElder } = usePrefs();
  const [me, setMe] = useState<Me | null>();
  const [types, setTypes] = useState<CertificateTypeView[]>();
  const [error, setError] = useState<unknown>();
  const [view, setView] = useState<View>({ name: 'menu' });

  const loadMe = useCallback(() => {
    api<Me>('/api/v1/auth/me').then(
      (m) => setMe(m.kind === 'resident' ? m : null),
      (e) => {
        setMe(null);
        if (!(e instanceof ApiError && e.status === 401)) setError(e);
      },
    );
  }, []);
  useEffect(() => {
    loadMe();
    api<CertificateTypeView[]>('/api/v1/certificate-types').then(setTypes, setError);
  }, [loadMe]);
  useEffect(() => {
    document.title = `${t('证明云共享平台', 'certcloud')} · ${t('居民办事', 'Residents')}`;
  }, [t]);

  const signOut = async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    setMe(null);
    setView({ name: 'menu' });
  };
  const go = (v: View) => {
    setView(v);
    window.scrollTo(0, 0);
  };

  const actions = (
    <>
      <Button onClick={() => setElder(!elder)} aria-pressed={elder} className="cc-elder-switch">
        {elder ? t('标准版', 'Standard view') : t('长辈版', 'Elder mode 长辈版')}
      </Button>
      {me ? <Button onClick={signOut}>{t('退出', 'Sign out')}</Button> : null}
    </>
  );

  let body: React.ReactNode;
  if (me === undefined || !types) body = error ? <Problem error={error} /> : <Spin size="large" />;
  else if (view.name === 'guide')
    body = (
      <div className="cc-stack">
        <Typography.Title level={1}>{t(view.type.name.zh, view.type.name.en)}</Typography.Title>
        {elder ? null : <ServiceGuide type={view.type} />}
        {me ? (
          <ApplyForm
            type={view.type}
            onIssued={(cert) => go({ name: 'certificate', cert, fresh: true })}
            onCancel={() => go({ name: 'menu' })}
          />
        ) : (
          <AuthPanel onSignedIn={loadMe} />
        )}
        {elder ? <ServiceGuide type={view.type} /> : null}
      </div>
    );
  else if (view.name === 'certificate')
    body = (
      <div className="cc-stack">
        <Typography.Title level={1}>{t('证明', 'Certificate')}</Typography.Title>
        <CertificateCard cert={view.cert} fresh={view.fresh} />
        <Button size="large" onClick={() => go({ name: me ? 'mine' : 'menu' })}>
          {t('返回我的证明', 'Back to my certificates')}
        </Button>
      </div>
    );
  else if (view.name === 'mine' && me)
    body = <MyCertificates onOpen={(cert) => go({ name: 'certificate', cert, fresh: false })} />;
  else if (view.name === 'log' && me) body = <AccessLog />;
  else
    body = (
      <div className="cc-stack">
        <Typography.Title level={1}>
          {t('足不出户开证明', 'Official certificates, without the queue')}
        </Typography.Title>
        <Typography.Paragraph>
          {t(
            '无需提交材料，平台直接向有关部门核查，符合条件的立即出具带电子印章的证明。',
            'No papers needed: the platform checks the departments’ records and issues a sealed certificate at once.',
          )}
        </Typography.Paragraph>
        {!elder ? (
          <Card className="cc-elder-entry">
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('字太小？', 'Text too small?')}{' '}
              <Button type="primary" size="large" onClick={() => setElder(true)}>
                {t('进入长辈版', 'Open 长辈版 (elder mode)')}
              </Button>
            </Typography.Paragraph>
          </Card>
        ) : null}
        {me ? null : <AuthPanel onSignedIn={loadMe} />}
        <TypeMenu types={types} onOpen={(type) => go({ name: 'guide', type })} />
        <Card>
          <a className="cc-tap" href="/verify">
            {t('核验他人出示的证明 →', 'Check a certificate someone showed you →')}
          </a>
        </Card>
      </div>
    );

  return (
    <PageShell title={t('居民办事', 'Residents')} actions={actions}>
      {me ? (
        <nav aria-label={t('我的', 'Mine')}>
          <Menu
            mode="horizontal"
            selectedKeys={[view.name === 'guide' ? 'menu' : view.name]}
            onClick={(e) => go({ name: e.key as 'menu' | 'mine' | 'log' })}
            items={[
              { key: 'menu', label: t('证明事项', 'Certificates') },
              { key: 'mine', label: t('我的证明', 'My certificates') },
              { key: 'log', label: t('用数记录', 'Access log') },
            ]}
            style={{ marginBottom: 16 }}
          />
          <Typography.Text className="cc-me">
            {t('已登录', 'Signed in')}：{me.maskedIdNumber}
          </Typography.Text>
        </nav>
      ) : null}
      {body}
    </PageShell>
  );
}
