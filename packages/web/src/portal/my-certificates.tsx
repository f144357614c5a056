// 我的证明: certificates I hold or asked for, newest first, each opening to its card.
import { Button, Card, Empty, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import type { CertificateView } from '../app/types.ts';
import { StatusTag } from './certificate-card.tsx';

/** The list of my certificates. */
export function MyCertificates(props: { onOpen(cert: CertificateView): void }) {
  const { t, lang } = usePrefs();
  const [certs, setCerts] = useState<CertificateView[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<CertificateView[]>('/api/v1/certificates').then(setCerts, setError);
  }, []);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('我的证明', 'My certificates')}
        </Typography.Title>
      }
    >
      {error ? <Problem error={error} /> : null}
      {certs && certs.length === 0 ? <Empty description={t('还没有证明', 'No certificates yet')} /> : null}
      {certs && certs.length > 0 ? (
        <List
          dataSource={[...certs].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="open" size="large" onClick={() => props.onOpen(c)}>
                  {t('查看', 'Open')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${lang === 'zh' ? c.typeName.zh : c.typeName.en} · ${c.holder.name}`}
                description={
                  <span>
                    <StatusTag cert={c} /> · {t('开具于', 'issued')} {formatDate(c.issuedAt, lang)} ·{' '}
                    {c.serial}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
