// One resident's visit: card → face → menu → confirm → print → take your card. Every step is a tap.
import { CheckCircleFilled, IdcardOutlined, PrinterOutlined, ScanOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, apiBlob } from '../app/api.ts';
import { usePrefs } from '../app/i18n.tsx';
import { Problem } from '../app/problem.tsx';
import type { CertificateTypeView, CertificateView } from '../app/types.ts';
import { type DemoCard, type KioskDevice, printPdf, speak } from './kiosk-device.ts';

type Step =
  | { name: 'card' }
  | { name: 'face'; card: DemoCard }
  | { name: 'menu' }
  | { name: 'confirm'; type: CertificateTypeView }
  | { name: 'working' }
  | { name: 'printed'; cert: CertificateView }
  | { name: 'problem'; error: unknown };

interface Session {
  token: string;
  maskedName: string;
}

/** The steps of one visit; `onEnd` is called when the card is taken (the app then forgets everything). */
export function KioskFlow(props: {
  device: KioskDevice;
  onSession(token: string): void;
  onStep(name: string): void;
  onEnd(): void;
}) {
  const { t, lang } = usePrefs();
  const [step, setStep] = useState<Step>({ name: 'card' });
  const [session, setSession] = useState<Session>();
  const [types, setTypes] = useState<CertificateTypeView[]>([]);
  const [startError, setStartError] = useState<unknown>();
  const words = (b: { zh: string; en: string }) => (lang === 'zh' ? b.zh : b.en);
  const sessionHeaders = session ? { 'x-kiosk-session': session.token } : undefined;

  useEffect(() => {
    api<CertificateTypeView[]>('/api/v1/certificate-types').then(
      (all) => setTypes(all.filter((x) => x.channels.includes('kiosk') && x.requesters.self)),
      () => setTypes([]),
    );
  }, []);
  const { onStep } = props;
  useEffect(() => onStep(step.name), [step.name, onStep]);
  useEffect(() => {
    const prompts: Partial<Record<Step['name'], [string, string]>> = {
      card: ['请将身份证放在读卡区', 'Please put your ID card on the reader'],
      face: ['请正对屏幕，进行人脸核验', 'Please look at the screen for the face check'],
      menu: ['请选择要开具的证明', 'Please choose a certificate'],
      printed: ['证明已打印，请取走您的身份证', 'Your certificate is printed. Please take your ID card'],
    };
    const p = prompts[step.name];
    if (p) speak(t(p[0], p[1]), lang);
  }, [step.name, t, lang]);

  const startSession = async (card: DemoCard, faceMatch: boolean) => {
    setStartError(undefined);
    try {
      const s = await api<{ sessionToken: string; holder: { maskedName: string } }>(
        '/api/v1/kiosk/sessions',
        {
          body: { idNumber: card.idNumber, faceMatch },
          headers: { authorization: `Bearer ${props.device.credential}` },
          idempotent: true,
        },
      );
      setSession({ token: s.sessionToken, maskedName: s.holder.maskedName });
      props.onSession(s.sessionToken);
      setStep({ name: 'menu' });
    } catch (e) {
      setStartError(e);
    }
  };
  const issueAndPrint = async (type: CertificateTypeView, purpose: string) => {
    setStep({ name: 'working' });
    try {
      const cert = await api<CertificateView>('/api/v1/certificates', {
        body: { type: type.code, purpose },
        headers: sessionHeaders,
        idempotent: true,
      });
      printPdf(await apiBlob(cert.links.pdf, { headers: sessionHeaders }));
      setStep({ name: 'printed', cert });
    } catch (e) {
      setStep({ name: 'problem', error: e });
    }
  };

  if (step.name === 'card')
    return (
      <div>
        <h1>
          <IdcardOutlined aria-hidden="true" /> {t('请将身份证放在读卡区', 'Put your ID card on the reader')}
        </h1>
        <p>
          {t(
            '本机可开具：无犯罪记录、户籍、生存状况等证明，立即打印。',
            'Certificates printed here at once: no criminal record, household, survival and more.',
          )}
        </p>
        <section className="cc-sim" aria-label={t('模拟读卡器', 'Simulated card reader')}>
          <p className="cc-sim-label">
            {t(
              '【模拟设备 SIMULATED】演示用读卡器：点选一张演示身份证',
              '[SIMULATED device] Demo card reader: tap a demo ID card',
            )}
          </p>
          {props.device.cards.length === 0 ? <p>{t('没有演示身份证', 'No demo cards available')}</p> : null}
          <div className="cc-kiosk-grid">
            {props.device.cards.map((c) => (
              <Button key={c.idNumber} size="large" onClick={() => setStep({ name: 'face', card: c })}>
                {c.maskedName} · {words(c.label)}
              </Button>
            ))}
          </div>
        </section>
      </div>
    );
  if (step.name === 'face')
    return (
      <div>
        <h1>
          <ScanOutlined aria-hidden="true" />{' '}
          {t('请正对屏幕，进行人脸核验', 'Look at the screen for the face check')}
        </h1>
        <p>
          {t('已读取身份证：', 'Card read: ')}
          {step.card.maskedName}（{step.card.maskedIdNumber}）
        </p>
        {startError ? <Problem error={startError} /> : null}
        <section className="cc-sim" aria-label={t('模拟人脸核验', 'Simulated face check')}>
          <p className="cc-sim-label">
            {t('【模拟设备 SIMULATED】演示用人脸核验', '[SIMULATED device] Demo face check')}
          </p>
          <div className="cc-kiosk-grid">
            <Button type="primary" size="large" onClick={() => startSession(step.card, true)}>
              {t('模拟：本人，核验通过', 'Simulate: same person, match')}
            </Button>
            <Button size="large" onClick={() => startSession(step.card, false)}>
              {t('模拟：不是本人', 'Simulate: not the same person')}
            </Button>
          </div>
        </section>
        <Button size="large" style={{ marginTop: 24 }} onClick={props.onEnd}>
          {t('取消，退卡', 'Cancel and return the card')}
        </Button>
      </div>
    );
  if (step.name === 'menu')
    return (
      <div>
        <h1>
          {t(
            `${session?.maskedName ?? ''}，您好！请选择证明`,
            `Hello ${session?.maskedName ?? ''}, choose a certificate`,
          )}
        </h1>
        <div className="cc-kiosk-grid">
          {types.map((type) => (
            <Button key={type.code} size="large" onClick={() => setStep({ name: 'confirm', type })}>
              {words(type.name)}
            </Button>
          ))}
        </div>
        <Button size="large" style={{ marginTop: 24 }} onClick={props.onEnd}>
          {t('结束办理，退卡', 'Finish and return the card')}
        </Button>
      </div>
    );
  if (step.name === 'confirm') {
    const purposes =
      step.type.purposes.length > 0 ? step.type.purposes : [{ zh: '个人使用', en: 'Personal use' }];
    return (
      <div>
        <h1>{t(`确认开具：${step.type.name.zh}`, `Confirm: ${step.type.name.en}`)}</h1>
        <p>
          {t('开具单位', 'Issued by')}：{step.type.issuer}
        </p>
        <p>{t('请点选用途，立即打印：', 'Tap the purpose to print now:')}</p>
        <div className="cc-kiosk-grid">
          {purposes.map((p) => (
            <Button
              key={p.zh}
              type="primary"
              size="large"
              icon={<PrinterOutlined />}
              onClick={() => issueAndPrint(step.type, p.zh)}
            >
              {words(p)}
            </Button>
          ))}
        </div>
        <Button size="large" style={{ marginTop: 24 }} onClick={() => setStep({ name: 'menu' })}>
          {t('返回', 'Back')}
        </Button>
      </div>
    );
  }
  if (step.name === 'working')
    return (
      <div role="status" aria-live="polite">
        <h1>{t('正在核查并打印，请稍候…', 'Checking and printing, please wait…')}</h1>
        <Spin size="large" />
      </div>
    );
  if (step.name === 'printed')
    return (
      <div role="status" aria-live="polite">
        <h1>
          <CheckCircleFilled aria-hidden="true" style={{ color: '#1b6e20' }} />{' '}
          {t('证明已打印，请取走证明和身份证', 'Printed. Please take your certificate and your ID card')}
        </h1>
        <p>
          {words(step.cert.typeName)} · {t('验证码', 'Verification code')}：
          <span className="cc-code">{step.cert.verificationCode}</span>
        </p>
        <Button type="primary" size="large" icon={<IdcardOutlined />} onClick={props.onEnd}>
          {t('我已取走身份证', 'I have taken my card')}
        </Button>
      </div>
    );
  return (
    <div>
      <h1>{t('未能开具', 'Not issued')}</h1>
      <Problem error={step.error} />
      <div style={{ display: 'flex', gap: 16, marginTop: 24, flexWrap: 'wrap' }}>
        <Button size="large" onClick={() => setStep({ name: 'menu' })}>
          {t('返回选择', 'Choose again')}
        </Button>
        <Button type="primary" size="large" onClick={props.onEnd}>
          {t('结束办理，退卡', 'Finish and return the card')}
        </Button>
      </div>
    </div>
  );
}
