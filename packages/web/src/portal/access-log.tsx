// 用数记录: every access to my data — who, when, which registers, for what.
import { Card, Empty, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import type { AccessEntry, CertificateTypeView } from '../app/types.ts';

// The departments' datasets by id (catalogue/sources), in words a resident understands.
const SOURCE_NAMES: Record<string, [string, string]> = {
  household: ['户籍信息', 'household register'],
  'criminal-record': ['违法犯罪信息', 'criminal records'],
  wanted: ['在逃人员信息', 'wanted persons'],
  'drug-control': ['禁毒信息', 'drug-control records'],
  marriage: ['婚姻登记信息', 'marriage registrations'],
  'birth-certificate': ['出生医学证明', 'birth certificates'],
  'death-certificate': ['死亡医学证明', 'death certificates'],
  cremation: ['火化信息', 'cremation records'],
  insured: ['社会保险参保信息', 'social insurance'],
  pensioner: ['养老金领取信息', 'pensions'],
  'real-estate': ['不动产登记信息', 'real-estate register'],
};

/** My access log, newest first. */
export function AccessLog() {
  const { t, lang } = usePrefs();
  const [entries, setEntries] = useState<AccessEntry[]>();
  const [error, setError] = useState<unknown>();
  const [types, setTypes] = useState<CertificateTypeView[]>([]);
  useEffect(() => {
    api<AccessEntry[]>('/api/v1/me/access-log?limit=100').then(setEntries, setError);
    api<CertificateTypeView[]>('/api/v1/certificate-types').then(setTypes, () => undefined);
  }, []);
  const service = (code: string) => {
    const [kind, rest] = code.split(':', 2);
    const type = types.find((x) => x.code === rest);
    if (kind === 'certificate' && type) return lang === 'zh' ? type.name.zh : type.name.en;
    return code;
  };
  const source = (id: string) => {
    const name = SOURCE_NAMES[id];
    return name ? t(name[0], name[1]) : id;
  };
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
                    {t('事项', 'Service')}：{service(e.service)} · {t('用途', 'Purpose')}：{e.purpose}
                    {e.sources.length > 0
                      ? ` · ${t('数据', 'Records')}：${e.sources.map(source).join(t('、', ', '))}`
                      : ''}
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
