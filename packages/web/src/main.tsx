// Entry: one bundle, one page per path; each page's code is loaded only when it is opened.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import { Spin } from 'antd';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { PrefsProvider } from './app/i18n.tsx';
import { usePath } from './app/router.ts';

const PortalApp = lazy(() => import('./portal/portal-app.tsx'));
const KioskApp = lazy(() => import('./kiosk/kiosk-app.tsx'));
const ConsoleApp = lazy(() => import('./console/console-app.tsx'));
const VerifyApp = lazy(() => import('./verify/verify-app.tsx'));
const ComingSoon = lazy(() => import('./app/coming-soon.tsx'));

function Root() {
  const path = usePath();
  if (path.startsWith('/kiosk'))
    return (
      <PrefsProvider mode="kiosk" remember={false}>
        <KioskApp />
      </PrefsProvider>
    );
  let page = <PortalApp />;
  if (path.startsWith('/console')) page = <ConsoleApp />;
  else if (path.startsWith('/verify') || path.startsWith('/v/')) page = <VerifyApp />;
  else if (path.startsWith('/org') || path.startsWith('/admin')) page = <ComingSoon />;
  return <PrefsProvider>{page}</PrefsProvider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense
      fallback={
        <div className="cc-loading">
          <Spin size="large" />
        </div>
      }
    >
      <Root />
    </Suspense>
  </StrictMode>,
);

// Installable app (PWA): the worker keeps the shell and the public keys for offline QR checks.
if (
  'serviceWorker' in navigator &&
  location.protocol !== 'file:' &&
  !location.pathname.startsWith('/kiosk')
) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
