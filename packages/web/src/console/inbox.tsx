// 工作台: issuance notices for my units (masked), mark read, and revoke from a notice.
import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import type { Notice } from '../app/types.ts';
import { RevokeForm } from './revoke-form.tsx';

/** The officer's inbox. */
export function Inbox() {
  const { t, lang } = usePrefs();
  const [notices, setNotices] = useState<Notice[]>();
  const [error, setError] = useState<unknown>();
  const [revoked, setRevoked] = useState<Set<string>>(new Set());
  const load = useCallback(() => {
    api<Notice[]>('/api/v1/inbox').then(setNotices, setError);
  }, []);
  useEffect(load, [load]);
  const ack = async (id: string) => {
    try {
      await api(`/api/v1/inbox/${id}/ack`, { method: 'POST' });
      load();
    } catch (e) {
      setError(e);
    }
  };
  const unread = notices?.filter((n) => !n.read).length ?? 0;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('开具通知', 'Issuance notices')}{' '}
          {unread > 0 ? t(`（${unread} 条未读）`, `(${unread} unread)`) : ''}
        </Typography.Title>
      }
      extra={<Button onClick={load}>{t('刷新', 'Refresh')}</Button>}
    >
      {error ? <Problem error={error} /> : null}
      {notices && notices.length === 0 ? <Empty description={t('暂无通知', 'No notices')} /> : null}
      <List
        dataSource={notices ?? []}
        renderItem={(n) => (
          <List.Item data-notice={n.serial}>
            <div style={{ width: '100%' }}>
              <Space wrap>
                {n.read ? (
                  <Tag icon={<CheckOutlined />}>{t('已读', 'Read')}</Tag>
                ) : (
                  <Tag color="#8e1414">{t('未读', 'Unread')}</Tag>
                )}
                <strong>{n.summary}</strong>
              </Space>
              <div>
                {formatDateTime(n.createdAt, lang)} · {n.holderName}（{n.holderIdNumber}）· {n.serial}
              </div>
              <Space wrap style={{ marginTop: 8 }}>
                {n.read ? null : (
                  <Button onClick={() => ack(n.id)} aria-label={`${t('标记已读', 'Mark read')} ${n.serial}`}>
                    {t('标记已读', 'Mark read')}
                  </Button>
                )}
                {revoked.has(n.certificateId) ? (
                  <Tag>{t('已撤销', 'Revoked')}</Tag>
                ) : (
                  <RevokeForm
                    certificateId={n.certificateId}
                    onRevoked={() => setRevoked((s) => new Set([...s, n.certificateId]))}
                  />
                )}
              </Space>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
