// The certificate menu and each type's service guide (办事指南), shown before a resident applies.
import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { usePrefs } from '../app/i18n.tsx';
import type { CertificateTypeView } from '../app/types.ts';

const GUIDE_LABELS: Record<string, [string, string]> = {
  purpose: ['用途', 'What it is for'],
  conditions: ['办理条件', 'Conditions'],
  materials: ['所需材料', 'Materials needed'],
  timeLimit: ['办理时限', 'Time limit'],
  fee: ['收费', 'Fee'],
  legalBasis: ['设定依据', 'Legal basis'],
};

/** The menu: one card per certificate type. */
export function TypeMenu(props: { types: CertificateTypeView[]; onOpen(type: CertificateTypeView): void }) {
  const { t, lang, elder } = usePrefs();
  const web = props.types.filter((x) => x.channels.includes('web'));
  return (
    <section aria-labelledby="menu-title">
      <Typography.Title level={2} id="menu-title">
        {t('证明事项', 'Certificates')}
      </Typography.Title>
      <div className="cc-grid">
        {web.map((type) => (
          <Card
            key={type.code}
            className="cc-type-card"
            title={
              <span>
                <FileTextOutlined aria-hidden="true" /> {lang === 'zh' ? type.name.zh : type.name.en}
              </span>
            }
          >
            {elder ? null : (
              <Typography.Paragraph ellipsis={{ rows: 3 }}>
                {type.guide['purpose']
                  ? lang === 'zh'
                    ? type.guide['purpose'].zh
                    : type.guide['purpose'].en
                  : ''}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph>
              {t('开具单位', 'Issued by')}：{type.issuer}
            </Typography.Paragraph>
            <Button
              type="primary"
              size="large"
              block
              onClick={() => props.onOpen(type)}
              aria-label={`${t('办理', 'Apply for')} ${lang === 'zh' ? type.name.zh : type.name.en}`}
            >
              {t('查看指南并办理', 'Guide and apply')}
            </Button>
          </Card>
        ))}
      </div>
    </section>
  );
}

/** The service guide of one type, with who may ask and how long it is valid. */
export function ServiceGuide(props: { type: CertificateTypeView }) {
  const { t, lang } = usePrefs();
  const type = props.type;
  const relatives = type.requesters.relatives.map((r) =>
    r === 'child'
      ? t('子女为父母', 'a child for a parent')
      : r === 'parent'
        ? t('父母为子女', 'a parent for a child')
        : t('配偶', 'a spouse'),
  );
  return (
    <Card title={t('办事指南', 'Service guide')} className="cc-guide">
      <dl className="cc-facts">
        <dt>{t('实施主体', 'Issued by')}</dt>
        <dd>{type.issuer}</dd>
        {Object.entries(type.guide).map(([key, text]) => (
          <GuideRow
            key={key}
            label={GUIDE_LABELS[key] ?? [key, key]}
            text={lang === 'zh' ? text.zh : text.en}
          />
        ))}
        <dt>{t('有效期', 'Valid for')}</dt>
        <dd>{t(`${type.validityDays}天`, `${type.validityDays} days`)}</dd>
        <dt>{t('可申请人', 'Who may apply')}</dt>
        <dd>
          {[type.requesters.self ? t('本人', 'the person themselves') : null, ...relatives]
            .filter(Boolean)
            .join(t('、', ', '))}
        </dd>
      </dl>
    </Card>
  );
}

function GuideRow(props: { label: [string, string]; text: string }) {
  const { t } = usePrefs();
  return (
    <>
      <dt>{t(props.label[0], props.label[1])}</dt>
      <dd>{props.text}</dd>
    </>
  );
}
