// One certificate as its holder or requester sees it: the statement, status, PDF, and the verification code
// to share (with a QR of the public verification address).
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  DownloadOutlined,
  ShareAltOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { apiBlob, saveBlob } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { usePrefs } from '../app/i18n.tsx';
import { ContactLine, Problem } from '../app/problem.tsx';
import type { CertificateView } from '../app/types.ts';
import { VerificationHistory } from './verification-history.tsx';

/** Status in words with an icon (never colour alone). */
export function StatusTag(props: { cert: Pick<CertificateView, 'status' | 'revokedAt' | 'validUntil'> }) {
  const { t, lang } = usePrefs();
  const c = props.cert;
  if (c.status === 'revoked')
    return (
      <span className="cc-status bad">
        <StopOutlined aria-hidden="true" /> {t('已撤销', 'Revoked')}
        {c.revokedAt ? ` ${t('于', 'on')} ${formatDate(c.revokedAt, lang)}` : ''}
      </span>
    );
  if (c.status === 'expired')
    return (
      <span className="cc-status warn">
        <ClockCircleOutlined aria-hidden="true" /> {t('已过期', 'Expired')}
      </span>
    );
  return (
    <span className="cc-status ok">
      <CheckCircleOutlined aria-hidden="true" /> {t('有效', 'Valid')} · {t('有效期至', 'valid until')}{' '}
      {formatDate(c.validUntil, lang)}
    </span>
  );
}

/** The full card: facts, documents and sharing. `fresh` greets a certificate just issued. */
export function CertificateCard(props: { cert: CertificateView; fresh?: boolean }) {
  const { t, lang } = usePrefs();
  const c = props.cert;
  const [error, setError] = useState<unknown>();
  const [copied, setCopied] = useState(false);
  const download = async () => {
    setError(undefined);
    try {
      saveBlob(await apiBlob(c.links.pdf), `${c.serial}.pdf`);
    } catch (e) {
      setError(e);
    }
  };
  const share = async () => {
    const text = `${lang === 'zh' ? c.typeName.zh : c.typeName.en} ${t('验证码', 'verification code')} ${c.verificationCode}`;
    try {
      if (navigator.share) await navigator.share({ title: text, text, url: c.verifyUrl });
      else {
        await navigator.clipboard.writeText(`${text}\n${c.verifyUrl}`);
        setCopied(true);
      }
    } catch {
      // the person closed the share sheet
    }
  };
  return (
    <Card
      className="cc-cert"
      title={<span className="cc-wrap">{lang === 'zh' ? c.typeName.zh : c.typeName.en}</span>}
    >
      <p className="cc-cert-status">
        <StatusTag cert={c} />
      </p>
      {props.fresh ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('证明已开具，可立即下载使用。', 'Your certificate is issued and ready to use.')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Typography.Paragraph className="cc-statement">{c.statement}</Typography.Paragraph>
      <dl className="cc-facts">
        <dt>{t('证明对象', 'Holder')}</dt>
        <dd>
          {c.holder.name}（{c.holder.idNumber}）
        </dd>
        <dt>{t('用途', 'Purpose')}</dt>
        <dd>{c.purpose}</dd>
        <dt>{t('编号', 'Serial')}</dt>
        <dd>{c.serial}</dd>
        <dt>{t('开具日期', 'Issued')}</dt>
        <dd>{formatDate(c.issuedAt, lang)}</dd>
        <dt>{t('有效期至', 'Valid until')}</dt>
        <dd>{formatDate(c.validUntil, lang)}</dd>
      </dl>
      <div className="cc-share">
        <Typography.Title level={3}>{t('验证码', 'Verification code')}</Typography.Title>
        <Typography.Paragraph>
          {t(
            '把验证码或二维码交给需要核验的单位，对方可在核验页面查询真伪和状态。',
            'Give this code or QR to whoever needs to check the certificate; they check it on the verification page.',
          )}
        </Typography.Paragraph>
        <div className="cc-code" data-testid="verification-code">
          {c.verificationCode}
        </div>
        <div style={{ margin: '12px 0' }}>
          <QRCodeSVG value={c.verifyUrl} size={144} title={t('核验二维码', 'Verification QR code')} />
        </div>
        <Space wrap>
          <Button type="primary" size="large" icon={<DownloadOutlined />} onClick={download}>
            {t('下载PDF', 'Download PDF')}
          </Button>
          <Button size="large" icon={<ShareAltOutlined />} onClick={share}>
            {copied ? t('已复制', 'Copied') : t('分享验证码', 'Share the code')}
          </Button>
          <Button size="large" href={`/v/${encodeURIComponent(c.verificationCode)}`}>
            {t('查看核验结果', 'See the verification page')}
          </Button>
        </Space>
      </div>
      {error ? <Problem error={error} /> : null}
      <Typography.Title level={3} style={{ marginTop: 16 }}>
        {t('开具单位', 'Issued by')}
      </Typography.Title>
      <ContactLine contact={c.issuer} />
      {props.fresh ? null : <VerificationHistory certificateId={c.id} />}
    </Card>
  );
}
