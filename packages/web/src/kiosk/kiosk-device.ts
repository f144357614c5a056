// The kiosk's own credential and devices. A real kiosk is provisioned once by opening
// /kiosk#device=<credential> (from `certcloud kiosks add`); the DEMO kiosk gets its credential from
// GET /api/v1/kiosk/demo, which the platform answers only when its demo-kiosk setting allows it.

const STORAGE_KEY = 'cc.kiosk.device';

/** A demo resident whose card the SIMULATED reader can "read". */
export interface DemoCard {
  label: { zh: string; en: string };
  maskedName: string;
  maskedIdNumber: string;
  idNumber: string;
}

/** How this kiosk talks to the platform. */
export interface KioskDevice {
  credential: string;
  demo: boolean;
  cards: DemoCard[];
}

/** The device credential: from the provisioning fragment, local storage, or the demo endpoint. */
export async function loadKioskDevice(): Promise<KioskDevice | undefined> {
  const m = /^#device=(ckd_[A-Za-z0-9_.-]+)$/.exec(location.hash);
  if (m) {
    try {
      localStorage.setItem(STORAGE_KEY, m[1]!);
    } catch {
      // no storage: provisioned for this page load only
    }
    history.replaceState(null, '', location.pathname); // never leave the secret in the address bar
  }
  let stored: string | null = m?.[1] ?? null;
  try {
    stored ??= localStorage.getItem(STORAGE_KEY);
  } catch {
    // no storage
  }
  let demo: { deviceCredential: string; cards: DemoCard[] } | undefined;
  try {
    const res = await fetch('/api/v1/kiosk/demo', { credentials: 'omit' });
    if (res.ok) demo = (await res.json()) as typeof demo;
  } catch {
    // offline: a provisioned kiosk still starts
  }
  if (stored) return { credential: stored, demo: false, cards: demo?.cards ?? [] };
  return demo ? { credential: demo.deviceCredential, demo: true, cards: demo.cards } : undefined;
}

/** Speaks a prompt where the device can speak (DESIGN §10: voice-friendly kiosk). */
export function speak(text: string, lang: 'zh' | 'en'): void {
  try {
    const synth = globalThis.speechSynthesis;
    if (!synth) return;
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang === 'zh' ? 'zh-CN' : 'en-GB';
    synth.speak(u);
  } catch {
    // no voice on this device
  }
}

let printWindow: Window | null = null;

/** Opens the signed PDF for printing (the kiosk's printer prints it; Chromium kiosks use --kiosk-printing). */
export function printPdf(blob: Blob): void {
  closePrintWindow();
  const url = URL.createObjectURL(blob);
  printWindow = window.open(url, '_blank');
  const w = printWindow;
  w?.addEventListener('load', () => {
    try {
      w.print();
    } catch {
      // the PDF viewer prints on its own
    }
  });
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
}

/** Closes the last person's print window, so the next person never sees their certificate. */
export function closePrintWindow(): void {
  try {
    printWindow?.close();
  } catch {
    // already closed
  }
  printWindow = null;
}
