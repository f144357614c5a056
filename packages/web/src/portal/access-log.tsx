// 用数记录: every access to my data — who, when, which registers, for what.
import { Card, Empty, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import type { AccessEntry } from '../app/types.ts';

/** My access log, newest first. */
export function AccessLog() {
  const { t, lang } = usePrefs();
  const [entries, setEntries] = useState<AccessEntry[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<AccessEntry[]>('/api/v1/me/access-log?limit=100').then(setEntries, setError);
  }, []);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('用数记录', 'Access to my data')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>
        {t(
          '每一次查询您的数据都会记录在这里：谁、何时、查了哪些数据、用于什么。',
          'Every look-up of your data is listed here: who, when, which records, and why.',
        )}
      </Typography.Paragraph>
      {error ? <Problem error={error} /> : null}
      {entries && entries.length === 0 ? <Empty description={t('暂无记录', 'Nothing yet')} /> : null}
      {entries && entries.length > 0 ? (
        <List
          dataSource={entries}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={`${formatDateTime(e.at, lang)} · ${e.who}`}
                description={
                  <span>
                    {t('事项', 'Service')}：{e.service} · {t('用途', 'Purpose')}：{e.purpose}
                    {e.sources.length > 0 ? ` · ${t('数据', 'Records')}：${e.sources.join('、')}` : ''}
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
