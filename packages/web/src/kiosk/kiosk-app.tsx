// The 24-hour kiosk (证明自助一体机): full screen, touch only, ≥24 px text, 60 s idle reset with a visible
// countdown. When a visit ends the whole flow is remounted: nothing of the previous person stays on screen.
import { Button, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePrefs } from '../app/i18n.tsx';
import { closePrintWindow, type KioskDevice, loadKioskDevice } from './kiosk-device.ts';
import { KioskFlow } from './kiosk-flow.tsx';

const IDLE_SECONDS = 60;
const WARN_SECONDS = 20;

/** The kiosk page. */
export default function KioskApp() {
  const { t, lang, setLang } = usePrefs();
  const [device, setDevice] = useState<KioskDevice | null>();
  const [visit, setVisit] = useState(0);
  const [left, setLeft] = useState(IDLE_SECONDS);
  const [active, setActive] = useState(false);
  const sessionToken = useRef<string | undefined>(undefined);
  const lastTouch = useRef(Date.now());
  const onStep = useCallback((name: string) => {
    lastTouch.current = Date.now();
    setLeft(IDLE_SECONDS);
    setActive(name !== 'card');
  }, []);

  useEffect(() => {
    // Touch screens open a context menu on a long press: a kiosk has no use for it.
    const noMenu = (e: Event) => e.preventDefault();
    addEventListener('contextmenu', noMenu);
    return () => removeEventListener('contextmenu', noMenu);
  }, []);
  useEffect(() => {
    loadKioskDevice().then((d) => setDevice(d ?? null));
    document.title = '证明自助一体机 Certificate kiosk';
  }, []);

  const endVisit = useCallback(() => {
    const token = sessionToken.current;
    sessionToken.current = undefined;
    closePrintWindow();
    if (token)
      fetch('/api/v1/kiosk/sessions/current', {
        method: 'DELETE',
        headers: { 'x-kiosk-session': token },
      }).catch(() => undefined);
    setActive(false);
    setLeft(IDLE_SECONDS);
    setLang('zh');
    setVisit((v) => v + 1); // a new key: every bit of the last visit's state is dropped
    window.scrollTo(0, 0);
  }, [setLang]);

  // Idle timer: any touch restarts it; at zero the visit ends (only while a visit is under way).
  useEffect(() => {
    const touch = () => {
      lastTouch.current = Date.now();
      setLeft(IDLE_SECONDS);
    };
    for (const ev of ['pointerdown', 'keydown', 'touchstart'] as const)
      addEventListener(ev, touch, { passive: true });
    const timer = setInterval(() => {
      const remaining = IDLE_SECONDS - Math.floor((Date.now() - lastTouch.current) / 1000);
      setLeft(Math.max(0, remaining));
      if (remaining <= 0 && active) endVisit();
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const ev of ['pointerdown', 'keydown', 'touchstart'] as const) removeEventListener(ev, touch);
    };
  }, [active, endVisit]);

  return (
    <div className="cc-kiosk">
      <header className="cc-kiosk-bar">
        <span>{t('证明自助一体机', 'Certificate kiosk')}</span>
        {active ? (
          <span
            className="cc-kiosk-countdown"
            role="timer"
            aria-live={left <= WARN_SECONDS ? 'assertive' : 'off'}
          >
            {t(`${left} 秒后自动退出`, `Ends in ${left} s`)}
          </span>
        ) : null}
        <Button
          size="large"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {lang === 'zh' ? 'English' : '中文'}
        </Button>
      </header>
      <main className="cc-kiosk-main" id="main">
        {active && left <= WARN_SECONDS ? (
          <div className="cc-kiosk-warning" role="alert">
            {t(
              `长时间无操作，${left} 秒后将自动退出。点击屏幕任意位置继续。`,
              `No activity: ending in ${left} s. Touch the screen to continue.`,
            )}
          </div>
        ) : null}
        {device === undefined ? <Spin size="large" /> : null}
        {device === null ? (
          <div>
            <h1>{t('本机尚未启用', 'This kiosk is not set up')}</h1>
            <p>
              {t(
                '请联系管理员登记本机（certcloud kiosks add），或使用演示模式。',
                'Ask an administrator to register it (certcloud kiosks add), or use the demo mode.',
              )}
            </p>
          </div>
        ) : null}
        {device ? (
          <KioskFlow
            key={visit}
            device={device}
            onSession={(token) => {
              sessionToken.current = token;
            }}
            onStep={onStep}
            onEnd={endVisit}
          />
        ) : null}
      </main>
    </div>
  );
}
