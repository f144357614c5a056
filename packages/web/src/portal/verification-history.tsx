// 核验记录: when and how my certificate was checked (never by whom) — shown to the holder only.
import { Empty, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { usePrefs } from '../app/i18n.tsx';

interface VerificationEvent {
  at: string;
  channel: 'code' | 'document' | 'token';
  result: string;
}

/** The checks of one certificate; renders nothing where the platform does not offer them (not the holder). */
export function VerificationHistory(props: { certificateId: string }) {
  const { t, lang } = usePrefs();
  const [events, setEvents] = useState<VerificationEvent[] | null>();
  useEffect(() => {
    api<VerificationEvent[]>(`/api/v1/certificates/${props.certificateId}/verifications`).then(
      setEvents,
      () => setEvents(null),
    );
  }, [props.certificateId]);
  if (!events) return null;
  const channel = {
    code: t('输入验证码', 'by code'),
    document: t('上传PDF', 'PDF upload'),
    token: t('扫描二维码', 'QR scan'),
  };
  return (
    <section className="cc-history" aria-labelledby={`hist-${props.certificateId}`}>
      <Typography.Title level={3} id={`hist-${props.certificateId}`}>
        {t('核验记录', 'Verification history')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('谁核验过不会被记录，这里只显示时间和方式。', 'Who checked is never recorded; only when and how.')}
      </Typography.Paragraph>
      {events.length === 0 ? (
        <Empty description={t('还没有人核验过', 'Not checked yet')} />
      ) : (
        <List
          size="small"
          dataSource={events}
          renderItem={(e) => (
            <List.Item>
              {formatDateTime(e.at, lang)} · {channel[e.channel] ?? e.channel} · {e.result}
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
