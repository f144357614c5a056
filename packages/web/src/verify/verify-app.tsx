// Public verification (/verify, /v/{code}): type a code, scan a QR, or upload the PDF; the answer in
// large words. A scanned QR's token (the URL fragment) is checked offline against the cached keys.
import { FilePdfOutlined, SearchOutlined } from '@ant-design/icons';
import { normaliseVerificationCode } from '@certcloud/core';
import { Button, Card, Form, Input, Spin, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import { navigate, usePath } from '../app/router.ts';
import { PageShell } from '../app/shell.tsx';
import { loadJwks, parseVerifyUrl, verifyQrToken } from './offline-token.ts';
import { QrScanner } from './qr-scan.tsx';
import { Verdict, type VerdictFacts, type VerdictKind } from './verdict.tsx';
import { factsOfToken, verdictOf } from './verify-answer.ts';

interface Outcome {
  kind: VerdictKind;
  facts?: VerdictFacts;
}

/** The public verification page. */
export default function VerifyApp() {
  const { t, lang } = usePrefs();
  const path = usePath();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [problem, setProblem] = useState<unknown>();
  const [form] = Form.useForm<{ code: string }>();
  const pathCode = path.startsWith('/v/') ? decodeURIComponent(path.slice(3)) : undefined;
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    addEventListener('cc:navigate', on);
    return () => {
      removeEventListener('hashchange', on);
      removeEventListener('cc:navigate', on);
    };
  }, []);

  const check = useCallback(
    async (code: string, token?: string) => {
      setBusy(true);
      setOutcome(undefined);
      let offline: Outcome | undefined;
      if (token) {
        const keys = await loadJwks();
        const claims = keys ? await verifyQrToken(token, keys.jwks) : undefined;
        offline = claims ? { kind: 'offline-genuine', facts: factsOfToken(claims) } : { kind: 'not-genuine' };
      }
      const normal = normaliseVerificationCode(code);
      if (!normal) {
        setOutcome(offline?.kind === 'not-genuine' ? offline : { kind: 'not-found' });
        setBusy(false);
        return;
      }
      try {
        const answer = await api<Record<string, unknown>>(`/api/v1/verify/${normal}`);
        const v = verdictOf(answer, lang);
        setOutcome(offline?.kind === 'not-genuine' ? offline : v);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) setOutcome({ kind: 'not-found' });
        else setOutcome(offline ?? { kind: 'unavailable' });
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );

  useEffect(() => {
    document.title = `${t('证明核验', 'Verify a certificate')} · ${t('证明云共享平台', 'certcloud')}`;
  }, [t]);
  useEffect(() => {
    if (!pathCode) return;
    form.setFieldsValue({ code: pathCode });
    const token = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : undefined;
    void check(pathCode, token);
  }, [pathCode, hash, check, form]);

  const onScanned = (text: string) => {
    const parsed = parseVerifyUrl(text);
    if (!parsed) {
      setOutcome({ kind: 'not-found' });
      return;
    }
    navigate(`/v/${encodeURIComponent(parsed.code)}${parsed.token ? `#${parsed.token}` : ''}`);
  };
  const onPdf = async (file: Blob) => {
    setBusy(true);
    setOutcome(undefined);
    setProblem(undefined);
    try {
      const answer = await api<Record<string, unknown>>('/api/v1/verify/document', {
        body: file,
        headers: { 'content-type': 'application/pdf' },
      });
      setOutcome(verdictOf(answer, lang));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setOutcome({ kind: 'not-genuine' });
      else if (e instanceof ApiError && e.status > 0 && e.status < 500 && e.status !== 429) setProblem(e);
      else setOutcome({ kind: 'unavailable' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell title={t('证明核验', 'Verify a certificate')}>
      <div className="cc-stack">
        <Typography.Title level={1}>
          {t('核验证明真伪和状态', 'Check a certificate is genuine and valid')}
        </Typography.Title>
        {busy ? (
          <div role="status" aria-live="polite">
            <Spin size="large" /> {t('正在核验…', 'Checking…')}
          </div>
        ) : null}
        {problem ? <Problem error={problem} /> : null}
        {outcome ? (
          <Verdict kind={outcome.kind} {...(outcome.facts ? { facts: outcome.facts } : {})} />
        ) : null}
        <Card title={t('输入验证码', 'Type the verification code')}>
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            name="verify"
            onFinish={(v) => {
              const target = `/v/${encodeURIComponent(v.code.trim())}`;
              if (location.pathname === target) void check(v.code.trim());
              else navigate(target);
            }}
          >
            <Form.Item
              name="code"
              label={t(
                '证明上的验证码（22位，可含短横线）',
                'The code on the certificate (22 characters, dashes optional)',
              )}
              rules={[{ required: true, message: t('请输入验证码', 'Enter the code') }]}
            >
              <Input
                size="large"
                className="cc-code-input"
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
              />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" icon={<SearchOutlined />}>
              {t('核验', 'Check')}
            </Button>
          </Form>
        </Card>
        <Card title={t('扫描二维码', 'Scan the QR code')}>
          <QrScanner onText={onScanned} />
        </Card>
        <Card title={t('上传PDF文件', 'Upload the PDF')}>
          <Typography.Paragraph>
            {t(
              '检查电子签章是否完整、文件是否被改动。',
              'Checks the electronic seal and that the file was not altered.',
            )}
          </Typography.Paragraph>
          <Upload
            accept="application/pdf,.pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              void onPdf(file);
              return false;
            }}
          >
            <Button size="large" icon={<FilePdfOutlined />}>
              {t('选择PDF文件', 'Choose a PDF file')}
            </Button>
          </Upload>
        </Card>
      </div>
    </PageShell>
  );
}
