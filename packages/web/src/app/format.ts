// Dates as people read them: 2026年12月3日 in Chinese, 3 Dec 2026 in English (China's calendar day).
import type { Lang } from './i18n.tsx';

/** A date (ISO date or timestamp) in the page language, in China's time zone. */
export function formatDate(iso: string, lang: Lang): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00+08:00`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: lang === 'zh' ? 'long' : 'short',
    day: 'numeric',
  }).format(d);
}

/** A moment with the time of day, e.g. 2026年12月3日 14:05. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
  return `${formatDate(iso, lang)} ${time}`;
}
