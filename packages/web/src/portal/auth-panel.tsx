// Sign in, or register: ID number + name + phone → one-time code by SMS → password.
import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';

const ID_PATTERN = /^\d{17}[\dXx]$/;

/** The sign-in and registration forms; calls `onSignedIn` once a session cookie is set. */
export function AuthPanel(props: { onSignedIn(): void }) {
  const { t } = usePrefs();
  const [tab, setTab] = useState('login');
  return (
    <Card className="cc-auth">
      <Typography.Title level={2}>{t('登录后办理', 'Sign in to apply')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'login',
            label: t('登录', 'Sign in'),
            children: <LoginForm onSignedIn={props.onSignedIn} />,
          },
          {
            key: 'register',
            label: t('注册', 'Register'),
            children: <RegisterForm onSignedIn={props.onSignedIn} />,
          },
        ]}
      />
    </Card>
  );
}

function useIdRule() {
  const { t } = usePrefs();
  return [
    { required: true, message: t('请输入公民身份号码', 'Enter your resident ID number') },
    { pattern: ID_PATTERN, message: t('公民身份号码为18位', 'The ID number has 18 characters') },
  ];
}

function LoginForm(props: { onSignedIn(): void }) {
  const { t } = usePrefs();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const idRule = useIdRule();
  const submit = async (v: { idNumber: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/v1/auth/resident/login', {
        body: { idNumber: v.idNumber.trim(), password: v.password },
      });
      props.onSignedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false} name="login">
      <Form.Item name="idNumber" label={t('公民身份号码', 'Resident ID number')} rules={idRule}>
        <Input autoComplete="username" inputMode="text" maxLength={18} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('密码', 'Password')}
        rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {error ? <Problem error={error} /> : null}
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('登录', 'Sign in')}
      </Button>
    </Form>
  );
}

function RegisterForm(props: { onSignedIn(): void }) {
  const { t, lang } = usePrefs();
  const [step, setStep] = useState<'details' | 'code'>('details');
  const [idNumber, setIdNumber] = useState('');
  const [sentWords, setSentWords] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const idRule = useIdRule();

  const start = async (v: { idNumber: string; name: string; phone: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ message?: string; messageEn?: string }>('/api/v1/auth/resident/register', {
        body: { idNumber: v.idNumber.trim(), name: v.name.trim(), phone: v.phone.trim() },
      });
      setIdNumber(v.idNumber.trim());
      setSentWords((lang === 'zh' ? r.message : r.messageEn) ?? '');
      setStep('code');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (v: { code: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/v1/auth/resident/confirm', {
        body: { idNumber, code: v.code.trim(), password: v.password },
      });
      await api('/api/v1/auth/resident/login', { body: { idNumber, password: v.password } });
      props.onSignedIn();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'INVALID_CODE') setStep('code');
    } finally {
      setBusy(false);
    }
  };

  if (step === 'details')
    return (
      <Form layout="vertical" onFinish={start} requiredMark={false} name="register">
        <Typography.Paragraph>
          {t(
            '填写本人身份信息，平台会与户籍登记核对，并向您的手机发送验证码。',
            'Enter your details; the platform checks them against the household register and texts you a code.',
          )}
        </Typography.Paragraph>
        <Form.Item name="idNumber" label={t('公民身份号码', 'Resident ID number')} rules={idRule}>
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('姓名', 'Name')}
          rules={[{ required: true, message: t('请输入姓名', 'Enter your name') }]}
        >
          <Input autoComplete="name" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('手机号码', 'Mobile phone number')}
          rules={[
            {
              required: true,
              pattern: /^1\d{10}$/,
              message: t('请输入11位手机号码', 'Enter an 11-digit mobile number'),
            },
          ]}
        >
          <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
        </Form.Item>
        {error ? <Problem error={error} /> : null}
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('获取验证码', 'Send me a code')}
        </Button>
      </Form>
    );
  return (
    <Form layout="vertical" onFinish={confirm} requiredMark={false} name="confirm">
      <Alert
        type="info"
        showIcon
        title={sentWords || t('验证码已发送到您的手机。', 'A code was sent to your phone.')}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="code"
        label={t('短信验证码（6位数字）', 'Code from the text message (6 digits)')}
        rules={[
          { required: true, pattern: /^\d{6}$/, message: t('请输入6位数字验证码', 'Enter the 6-digit code') },
        ]}
      >
        <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('设置密码（至少10位）', 'Choose a password (at least 10 characters)')}
        rules={[{ required: true, min: 10, message: t('密码至少10位', 'At least 10 characters') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error ? <Problem error={error} /> : null}
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('完成注册并登录', 'Finish and sign in')}
      </Button>
      <Button type="link" onClick={() => setStep('details')}>
        {t('重新填写', 'Start again')}
      </Button>
    </Form>
  );
}
