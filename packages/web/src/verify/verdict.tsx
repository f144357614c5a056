// The answer of a check in large, unambiguous words with an icon (never colour alone), and whom to call.
import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  DisconnectOutlined,
  QuestionCircleFilled,
  StopFilled,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { formatDate } from '../app/format.ts';
import { usePrefs } from '../app/i18n.tsx';
import { ContactLine } from '../app/problem.tsx';
import type { Contact } from '../app/types.ts';

/** Every answer the page can give. */
export type VerdictKind =
  | 'valid'
  | 'revoked'
  | 'expired'
  | 'not-found'
  | 'not-genuine'
  | 'unavailable'
  | 'unknown-status'
  | 'offline-genuine';

/** One check of a document or token, in words. */
export interface CheckLine {
  name: string;
  result: 'passed' | 'failed' | 'unknown';
  message: string;
}

/** The facts shown with an answer (masked name and ID only). */
export interface VerdictFacts {
  typeName?: string;
  holderName?: string;
  holderId?: string;
  serial?: string;
  issuedAt?: string;
  validUntil?: string;
  revokedAt?: string | null;
  statement?: string;
  issuer?: Contact;
  issuerCode?: string;
  revocationCategory?: string;
  checks?: CheckLine[];
}

const CATEGORY: Record<string, [string, string]> = {
  'issued-in-error': ['开具有误', 'issued in error'],
  'facts-changed': ['情况发生变化', 'the facts changed'],
  'holder-request': ['持证人申请', 'at the holder’s request'],
  superseded: ['已换发新证明', 'replaced by a new certificate'],
  other: ['其他原因', 'other reasons'],
};

/** One answer, as a large block. */
export function Verdict(props: { kind: VerdictKind; facts?: VerdictFacts }) {
  const { t, lang } = usePrefs();
  const f = props.facts ?? {};
  const when = (iso?: string | null) => (iso ? formatDate(iso, lang) : '');
  const category = f.revocationCategory ? CATEGORY[f.revocationCategory] : undefined;
  const look: Record<VerdictKind, { cls: string; icon: ReactNode; words: string; more: string }> = {
    valid: {
      cls: 'ok',
      icon: <CheckCircleFilled />,
      words: t('✔ 真实有效', '✔ Genuine and valid'),
      more: t(
        '这份证明由平台开具，内容未被改动，目前有效。',
        'This certificate was issued by the platform, is unaltered and is valid now.',
      ),
    },
    revoked: {
      cls: 'bad',
      icon: <StopFilled />,
      words: f.revokedAt
        ? t(`✘ 已撤销（${when(f.revokedAt)}）`, `✘ Revoked on ${when(f.revokedAt)}`)
        : t('✘ 已撤销', '✘ Revoked'),
      more:
        t(
          '这份证明已被开具单位撤销，不能再使用。',
          'The issuing office has revoked this certificate; it must not be relied on.',
        ) + (category ? ` ${t('撤销原因：', 'Reason: ')}${t(category[0], category[1])}` : ''),
    },
    expired: {
      cls: 'warn',
      icon: <ClockCircleFilled />,
      words: t(`⚠ 已过期（有效期至${when(f.validUntil)}）`, `⚠ Expired (valid until ${when(f.validUntil)})`),
      more: t(
        '这份证明是真实的，但已超过有效期。',
        'This certificate is genuine but past its validity date.',
      ),
    },
    'not-found': {
      cls: 'bad',
      icon: <QuestionCircleFilled />,
      words: t('✘ 查无此证明', '✘ No such certificate'),
      more: t(
        '请核对验证码是否输入正确；仍查不到的，请联系出示证明的人或开具单位。',
        'Check the code was typed correctly; if it is still not found, contact the person who showed it or the issuing office.',
      ),
    },
    'not-genuine': {
      cls: 'bad',
      icon: <CloseCircleFilled />,
      words: t('✘ 不是平台开具或已被改动', '✘ Not issued by the platform, or altered'),
      more: t(
        '文件的电子签名无法验证，请勿采信，并联系开具单位核实。',
        'The file’s electronic signature does not verify; do not rely on it, and contact the issuing office.',
      ),
    },
    unavailable: {
      cls: 'warn',
      icon: <DisconnectOutlined />,
      words: t('⚠ 暂时无法核验', '⚠ Cannot check right now'),
      more: t(
        '无法连接核验服务，请稍后再试，或致电开具单位核实。',
        'The verification service cannot be reached; try again later, or call the issuing office.',
      ),
    },
    'unknown-status': {
      cls: 'warn',
      icon: <QuestionCircleFilled />,
      words: t('⚠ 文件真实，但无法确认状态', '⚠ Authentic, but the status cannot be confirmed'),
      more: t(
        '签章完好，但平台没有找到对应的开具记录，请致电开具单位确认。这不表示文件是伪造的。',
        'The seal is intact but the platform has no matching record; call the issuing office. This does not mean it is forged.',
      ),
    },
    'offline-genuine': {
      cls: 'warn',
      icon: <CheckCircleFilled />,
      words: t('✔ 二维码签名真实（离线）', '✔ QR signature genuine (offline)'),
      more: t(
        '二维码由平台签发、内容未被改动。是否已被撤销需要联网查询，请联网后再核验一次。',
        'The QR was signed by the platform and is unaltered. Whether it was revoked needs a connection: check again when online.',
      ),
    },
  };
  const v = look[props.kind];
  return (
    <section className={`cc-verdict ${v.cls}`} role="status" aria-live="polite" data-verdict={props.kind}>
      <span className="cc-verdict-icon" aria-hidden="true">
        {v.icon}
      </span>
      <div className="cc-verdict-body">
        <h2 className="cc-verdict-words">{v.words}</h2>
        <p>{v.more}</p>
        {f.typeName || f.serial ? (
          <dl className="cc-facts">
            {f.typeName ? <Row label={t('证明名称', 'Certificate')} value={f.typeName} /> : null}
            {f.holderName ? (
              <Row label={t('证明对象', 'Holder')} value={`${f.holderName}（${f.holderId ?? ''}）`} />
            ) : null}
            {f.statement ? <Row label={t('证明内容', 'Statement')} value={f.statement} /> : null}
            {f.serial ? <Row label={t('编号', 'Serial')} value={f.serial} /> : null}
            {f.issuedAt ? <Row label={t('开具日期', 'Issued')} value={when(f.issuedAt)} /> : null}
            {f.validUntil ? <Row label={t('有效期至', 'Valid until')} value={when(f.validUntil)} /> : null}
            {f.issuerCode && !f.issuer ? (
              <Row label={t('开具单位代码', 'Issuer code')} value={f.issuerCode} />
            ) : null}
          </dl>
        ) : null}
        {f.checks && f.checks.length > 0 ? (
          <ul className="cc-checks" aria-label={t('逐项检查', 'Checks')}>
            {f.checks.map((c) => (
              <li key={c.name}>
                <span aria-hidden="true">
                  {c.result === 'passed' ? '✔' : c.result === 'failed' ? '✘' : '？'}
                </span>{' '}
                <strong>
                  {c.result === 'passed'
                    ? t('通过', 'Passed')
                    : c.result === 'failed'
                      ? t('未通过', 'Failed')
                      : t('无法检查', 'Not checked')}
                </strong>
                ：{c.message}
              </li>
            ))}
          </ul>
        ) : null}
        {f.issuer ? (
          <div style={{ marginTop: 12 }}>
            <strong>{t('如有疑问，请致电开具单位：', 'Questions? Call the issuing office:')}</strong>
            <ContactLine contact={f.issuer} />
          </div>
        ) : null}
      </div>
    </section>
  );
}

function Row(props: { label: string; value: string }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </>
  );
}
