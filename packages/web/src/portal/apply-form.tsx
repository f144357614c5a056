// Applying: for yourself or a family member (the relation is proven from the registers, not trusted),
// the extra fields a type asks for, and a purpose. The answer comes at once: a certificate or the reason.
import { Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import type { ApplyRequest, CertificateTypeView, CertificateView, Relation } from '../app/types.ts';

const ID_RULE = /^\d{17}[\dXx]$/;

interface Values {
  whom: 'self' | 'family';
  holderId?: string;
  relation?: Relation;
  relatedId?: string;
  kinship?: Relation;
  reference?: string;
  purpose?: string;
  otherPurpose?: string;
}

/** The application form of one type; `onIssued` receives the new certificate. */
export function ApplyForm(props: {
  type: CertificateTypeView;
  onIssued(cert: CertificateView): void;
  onCancel(): void;
}) {
  const { t, lang, elder } = usePrefs();
  const type = props.type;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const canSelf = type.requesters.self;
  const canFamily = type.requesters.relatives.length > 0;
  const whom = Form.useWatch('whom', form) ?? (canSelf ? 'self' : 'family');
  const purposeChoice = Form.useWatch('purpose', form);
  const words = (b: { zh: string; en: string }) => (lang === 'zh' ? b.zh : b.en);
  const relationLabel: Record<Relation, string> = {
    child: t('我的父亲或母亲（我是其子女）', 'My father or mother (I am their child)'),
    parent: t('我的子女（我是其父母）', 'My son or daughter (I am their parent)'),
    spouse: t('我的配偶', 'My husband or wife'),
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    const purpose = v.purpose === '__other' || !v.purpose ? (v.otherPurpose ?? '').trim() : v.purpose;
    const body: ApplyRequest = { type: type.code, purpose };
    if (whom === 'family' && v.holderId) {
      body.holderId = v.holderId.trim().toUpperCase();
      if (v.relation) body.relation = v.relation;
    }
    if (v.relatedId) body.relatedId = v.relatedId.trim().toUpperCase();
    if (v.kinship) body.kinship = v.kinship;
    if (v.reference) body.reference = v.reference.trim();
    try {
      const cert = await api<CertificateView>('/api/v1/certificates', { body, idempotent: true });
      props.onIssued(cert);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const purposes = type.purposes.map((p) => ({ value: p.zh, label: words(p) }));
  return (
    <Card title={`${t('申请', 'Apply for')}：${words(type.name)}`}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        name="apply"
        onFinish={submit}
        initialValues={{ whom: canSelf ? 'self' : 'family', purpose: purposes[0]?.value ?? '__other' }}
      >
        {canSelf && canFamily ? (
          <Form.Item name="whom" label={t('为谁申请', 'Who is it for')}>
            <Radio.Group optionType="button" buttonStyle="solid" size="large">
              <Radio.Button value="self">{t('本人', 'Myself')}</Radio.Button>
              <Radio.Button value="family">{t('家人', 'A family member')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
        ) : null}
        {whom === 'family' ? (
          <>
            <Form.Item
              name="relation"
              label={t('TA是您的', 'They are')}
              rules={[{ required: true, message: t('请选择关系', 'Choose the relation') }]}
            >
              <Radio.Group size="large">
                {type.requesters.relatives.map((r) => (
                  <Radio key={r} value={r} style={{ display: 'flex', minHeight: 44, alignItems: 'center' }}>
                    {relationLabel[r as Relation]}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="holderId"
              label={t('家人的公民身份号码', "The family member's resident ID number")}
              rules={[
                {
                  required: true,
                  pattern: ID_RULE,
                  message: t('请输入18位公民身份号码', 'Enter the 18-character ID number'),
                },
              ]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </>
        ) : null}
        {type.asks.related ? (
          <Form.Item
            name="relatedId"
            label={words(type.asks.related)}
            rules={[
              {
                required: true,
                pattern: ID_RULE,
                message: t('请输入18位公民身份号码', 'Enter the 18-character ID number'),
              },
            ]}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        ) : null}
        {type.code === 'kinship' ? (
          <Form.Item
            name="kinship"
            label={t('这位亲属是证明对象的', 'This relative is the holder’s')}
            rules={[{ required: true, message: t('请选择关系', 'Choose the relation') }]}
          >
            <Select
              size="large"
              options={[
                { value: 'child', label: t('子女', 'child') },
                { value: 'parent', label: t('父母', 'parent') },
                { value: 'spouse', label: t('配偶', 'spouse') },
              ]}
            />
          </Form.Item>
        ) : null}
        {type.asks.reference ? (
          <Form.Item
            name="reference"
            label={words(type.asks.reference)}
            rules={[{ required: true, message: t('请填写编号', 'Enter the number') }]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item name="purpose" label={t('用途', 'Purpose')}>
          <Radio.Group size="large">
            {purposes.map((p) => (
              <Radio
                key={p.value}
                value={p.value}
                style={{ display: 'flex', minHeight: 44, alignItems: 'center' }}
              >
                {p.label}
              </Radio>
            ))}
            {elder && purposes.length > 0 ? null : (
              <Radio value="__other" style={{ display: 'flex', minHeight: 44, alignItems: 'center' }}>
                {t('其他用途', 'Another purpose')}
              </Radio>
            )}
          </Radio.Group>
        </Form.Item>
        {purposeChoice === '__other' ? (
          <Form.Item
            name="otherPurpose"
            label={t('请写明用途', 'Say what it is for')}
            rules={[
              { required: true, whitespace: true, max: 100, message: t('请填写用途', 'Enter the purpose') },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        {error ? <Problem error={error} /> : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t(
            '提交后平台将向有关部门核查信息，查询记录会写入“用数记录”，您可随时查看。',
            'The platform will check the departments’ records; every look-up appears in your access log.',
          )}
        </Typography.Paragraph>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Button type="primary" htmlType="submit" size="large" loading={busy}>
            {t('提交申请', 'Apply now')}
          </Button>
          <Button size="large" onClick={props.onCancel}>
            {t('返回', 'Back')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
