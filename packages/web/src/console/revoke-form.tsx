// Revoking a certificate with a reason (officer of the issuing unit). Inline, never a pop-up.
import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { api } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';

/** A reason box and a revoke button; `onRevoked` after the platform confirms. */
export function RevokeForm(props: { certificateId: string; onRevoked(): void }) {
  const { t } = usePrefs();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button danger onClick={() => setOpen(true)}>
        {t('撤销', 'Revoke')}
      </Button>
    );
  const submit = async (v: { category: string; reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/v1/certificates/${props.certificateId}/revoke`, {
        body: { category: v.category, reason: v.reason.trim() },
        idempotent: true,
      });
      props.onRevoked();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      name={`revoke-${props.certificateId}`}
      onFinish={submit}
      style={{ width: '100%' }}
    >
      <Form.Item
        name="category"
        label={t('撤销类别（核验页面会显示）', 'Category (shown on the verification page)')}
        rules={[{ required: true, message: t('请选择撤销类别', 'Choose a category') }]}
      >
        <Radio.Group>
          <Radio value="issued-in-error">{t('开具有误', 'Issued in error')}</Radio>
          <Radio value="facts-changed">{t('情况发生变化', 'The facts changed')}</Radio>
          <Radio value="holder-request">{t('持证人申请', 'Holder’s request')}</Radio>
          <Radio value="superseded">{t('已换发新证明', 'Superseded')}</Radio>
          <Radio value="other">{t('其他', 'Other')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('撤销原因（仅内部记录）', 'Reason (kept on record, not shown publicly)')}
        rules={[
          { required: true, whitespace: true, min: 2, message: t('请填写撤销原因', 'Enter the reason') },
        ]}
      >
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      {error ? <Problem error={error} /> : null}
      <Button danger type="primary" htmlType="submit" loading={busy}>
        {t('确认撤销', 'Revoke now')}
      </Button>{' '}
      <Button onClick={() => setOpen(false)}>{t('取消', 'Cancel')}</Button>
    </Form>
  );
}
