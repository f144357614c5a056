// 窗口代办: an officer issues a certificate on a resident's behalf, with the reason recorded.
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, apiBlob, saveBlob } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import type { CertificateTypeView, CertificateView } from '../app/types.ts';
import { StatusTag } from '../portal/certificate-card.tsx';
import { RevokeForm } from './revoke-form.tsx';

interface Values {
  holderId: string;
  type: string;
  purpose: string;
  reason: string;
}

/** The window form and its result. */
export function ServeWindow() {
  const { t, lang } = usePrefs();
  const [types, setTypes] = useState<CertificateTypeView[]>([]);
  const [cert, setCert] = useState<CertificateView>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    api<CertificateTypeView[]>('/api/v1/certificate-types').then(
      (all) => setTypes(all.filter((x) => x.requesters.officer)),
      setError,
    );
  }, []);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    setCert(undefined);
    try {
      const c = await api<CertificateView>('/api/v1/certificates', {
        body: {
          type: v.type,
          holderId: v.holderId.trim().toUpperCase(),
          purpose: v.purpose.trim(),
          reason: v.reason.trim(),
        },
        idempotent: true,
      });
      setCert(c);
      form.resetFields(['holderId']); // the next resident starts from an empty ID field
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('窗口代办', 'Serve a resident at the window')}
        </Typography.Title>
      }
    >
      <Form form={form} layout="vertical" requiredMark={false} name="serve" onFinish={submit}>
        <Form.Item
          name="holderId"
          label={t('居民公民身份号码（核对身份证原件）', "Resident's ID number (check the ID card)")}
          rules={[
            {
              required: true,
              pattern: /^\d{17}[\dXx]$/,
              message: t('请输入18位公民身份号码', 'Enter the 18-character ID number'),
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('证明事项', 'Certificate')}
          rules={[{ required: true, message: t('请选择证明', 'Choose a certificate') }]}
        >
          <Select
            options={types.map((x) => ({ value: x.code, label: lang === 'zh' ? x.name.zh : x.name.en }))}
          />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('用途', 'Purpose')}
          rules={[{ required: true, whitespace: true, message: t('请填写用途', 'Enter the purpose') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('代办事由（将记录在案）', 'Why you issue it for them (kept on record)')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('请填写代办事由', 'Enter the reason') },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {error ? <Problem error={error} /> : null}
        <Button type="primary" htmlType="submit" size="large" loading={busy}>
          {t('开具', 'Issue')}
        </Button>
      </Form>
      {cert ? (
        <Card style={{ marginTop: 16 }} title={lang === 'zh' ? cert.typeName.zh : cert.typeName.en}>
          <p>
            <StatusTag cert={cert} />
          </p>
          <Typography.Paragraph>{cert.statement}</Typography.Paragraph>
          <Typography.Paragraph>
            {t('编号', 'Serial')}：{cert.serial} · {t('验证码', 'Code')}：
            <span className="cc-code">{cert.verificationCode}</span>
          </Typography.Paragraph>
          <Space wrap>
            <Button
              onClick={() => apiBlob(cert.links.pdf).then((b) => saveBlob(b, `${cert.serial}.pdf`), setError)}
            >
              {t('下载PDF打印', 'Download the PDF to print')}
            </Button>
            <RevokeForm
              certificateId={cert.id}
              onRevoked={() => setCert({ ...cert, status: 'revoked', revokedAt: new Date().toISOString() })}
            />
          </Space>
        </Card>
      ) : null}
    </Card>
  );
}
