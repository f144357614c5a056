// An error told in plain words with what to do next and the department's phone (DESIGN §10), never a pop-up.
import { CloseCircleOutlined, PhoneOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { ApiError } from './api.ts';
import { usePrefs } from './i18n.tsx';
import type { Contact } from './types.ts';

interface Bilingual {
  zh: string;
  en: string;
}

/** The contact details in an error's details, when the API sent them. */
export function contactOf(error: ApiError): Contact | undefined {
  const c = error.details['contact'] as Partial<Contact> | null | undefined;
  return c?.name && c.phone ? (c as Contact) : undefined;
}

/** Phone, address and hours of a department, with a tappable phone number. */
export function ContactLine(props: { contact: Contact }) {
  const { t } = usePrefs();
  const c = props.contact;
  return (
    <div className="cc-contact">
      <div>
        <strong>{c.name}</strong>
      </div>
      <div>
        <PhoneOutlined aria-hidden="true" /> {t('咨询电话', 'Phone')}：
        <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a>
      </div>
      {c.address ? (
        <div>
          {t('地址', 'Address')}：{c.address}
        </div>
      ) : null}
      {c.officeHours ? (
        <div>
          {t('办公时间', 'Office hours')}：{c.officeHours}
        </div>
      ) : null}
    </div>
  );
}

/** The words for an error, with the reason and contact the API gave. */
export function Problem(props: { error: unknown; title?: string }) {
  const { t, lang } = usePrefs();
  const error = props.error instanceof ApiError ? props.error : new ApiError(500, {});
  const reason = error.details['reason'] as Bilingual | string | undefined;
  const contact = contactOf(error);
  const referred = error.code === 'REFERRED';
  const network = error.code === 'NETWORK';
  const title =
    props.title ??
    (error.code === 'NOT_ELIGIBLE'
      ? t('暂不能开具', 'This certificate cannot be issued')
      : referred
        ? t('请到窗口办理', 'Please go to a service window')
        : network
          ? t('无法连接平台', 'The platform cannot be reached')
          : lang === 'zh'
            ? error.messageZh
            : error.messageEn);
  const reasonText =
    typeof reason === 'object' && reason ? (lang === 'zh' ? reason.zh : reason.en) : undefined;
  const general = network
    ? t('请检查网络连接后再试。', 'Check the connection and try again.')
    : lang === 'zh'
      ? error.messageZh
      : error.messageEn;
  return (
    <Alert
      type={referred || network ? 'warning' : 'error'}
      showIcon
      icon={referred || network ? <WarningOutlined /> : <CloseCircleOutlined />}
      role="alert"
      className="cc-problem"
      title={<span className="cc-problem-title">{title}</span>}
      description={
        <div>
          <Typography.Paragraph className="cc-problem-reason">{reasonText ?? general}</Typography.Paragraph>
          {referred ? (
            <Typography.Paragraph>
              {t(
                '请带上身份证到下面的单位办理，工作人员会为您核实。',
                'Take your ID card to the office below; staff will check your case.',
              )}
            </Typography.Paragraph>
          ) : null}
          {contact ? <ContactLine contact={contact} /> : null}
        </div>
      }
    />
  );
}
