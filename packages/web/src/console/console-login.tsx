// Officer sign-in: username, password and the six-digit code from the authenticator app (TOTP).
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';

/** The staff sign-in form. */
export function ConsoleLogin(props: { onSignedIn(): void }) {
  const { t } = usePrefs();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string; totp: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/v1/auth/staff/login', {
        body: { username: v.username.trim(), password: v.password, totp: v.totp.trim() },
      });
      props.onSignedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }}>
      <Typography.Title level={1}>{t('工作人员登录', 'Staff sign-in')}</Typography.Title>
      <Form layout="vertical" requiredMark={false} name="staff-login" onFinish={submit}>
        <Form.Item
          name="username"
          label={t('用户名', 'Username')}
          rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('密码', 'Password')}
          rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="totp"
          label={t('动态口令（6位数字）', 'Authenticator code (6 digits)')}
          rules={[
            { required: true, pattern: /^\d{6}$/, message: t('请输入6位动态口令', 'Enter the 6-digit code') },
          ]}
        >
          <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
        </Form.Item>
        {error ? <Problem error={error} /> : null}
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('登录', 'Sign in')}
        </Button>
      </Form>
    </Card>
  );
}
