// Browser journeys in real headless Chromium against the real server (issue 7): a resident registers and
// gets a certificate, a family member applies for a parent, a kiosk visit, an officer revokes, and the
// public page tells the truth. Every page is photographed at three widths and checked with axe-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { maskName, maskResidentId } from '@certcloud/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signQrToken } from '../packages/server/src/documents/qr-token.ts';
import { residentCookie } from '../packages/server/src/modules/auth/test-data.ts';
import { readDevSms } from '../packages/server/src/notify/dev-sms-outbox.ts';
import {
  fixture,
  HAS_CHROMIUM,
  type Platform4Tests,
  snapshot,
  snapshotTime,
  startPlatform,
} from './harness.ts';

if (!HAS_CHROMIUM)
  console.warn('e2e: /usr/bin/chromium is absent — browser journeys SKIPPED (apt-get install chromium)');

const PASSWORD = 'e2e-Passw0rd-长';

describe.skipIf(!HAS_CHROMIUM)('browser journeys', () => {
  let p: Platform4Tests;
  const a11y: string[] = [];
  let ctx: BrowserContext;
  /** The first certificate's verification code (the resident journey), revoked later by the officer. */
  let issuedCode = '';
  /** Where the resident's downloaded PDF was saved. */
  let pdfPath = '';

  beforeAll(async () => {
    p = await startPlatform(2000);
  });
  afterAll(async () => {
    console.info(
      `e2e: ${snapshotTime.pages} pages photographed and checked in ${snapshotTime.ms} ms (axe ${snapshotTime.axeMs} ms)`,
    );
    await p?.close();
    fs.rmSync(pdfPath, { force: true });
  });

  /** Signs the current browser context in as a resident directly (a session row, no password). */
  async function signInAs(idNumber: string): Promise<void> {
    const [name, value] = (await residentCookie(p.store.db, idNumber)).split('=') as [string, string];
    await ctx.addCookies([{ name, value, url: p.url }]);
  }

  async function stationOf(idNumber: string): Promise<string> {
    const row = await p.store.db
      .selectFrom('src_household')
      .select(['police_station'])
      .where('id_number', '=', idNumber)
      .executeTakeFirstOrThrow();
    return row.police_station;
  }

  async function newPage(width = 1280): Promise<Page> {
    ctx = await p.browser.newContext({
      viewport: { width, height: 900 },
      acceptDownloads: true,
      locale: 'zh-CN',
    });
    // Nothing leaves the platform: any request to another host fails the journey.
    const outside: string[] = [];
    await ctx.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    const page = await ctx.newPage();
    (page as Page & { outside?: string[] }).outside = outside;
    return page;
  }

  it('a resident registers, signs in, gets a no-criminal-record certificate and downloads the PDF', async () => {
    const who = fixture(p, 'clean-adult');
    const page = await newPage();
    await page.goto(p.url);
    await page.getByRole('heading', { name: '足不出户开证明' }).waitFor();
    a11y.push(...(await snapshot(page, 'portal-home')));

    // Register: ID + name + phone → code from the (development) SMS outbox → password.
    await page.getByRole('tab', { name: '注册' }).click();
    const reg = page.locator('form#register');
    await reg.getByLabel('公民身份号码').fill(who.id);
    await reg.getByLabel('姓名').fill(who.name);
    await reg.getByLabel('手机号码').fill('13800138000');
    await reg.getByRole('button', { name: '获取验证码' }).click();
    await page.locator('form#confirm').waitFor();
    const sms = await readDevSms(p.store.db, { phone: '13800138000' });
    const code = /\b(\d{6})\b/.exec(sms[0]?.text ?? '')?.[1];
    expect(code, 'one-time code in the SMS outbox').toBeDefined();
    await page.getByLabel('短信验证码（6位数字）').fill(code!);
    await page.getByLabel('设置密码（至少10位）').fill(PASSWORD);
    await page.getByRole('button', { name: '完成注册并登录' }).click();
    await page.getByText('已登录').waitFor();
    // The owner sees their masked ID in the header; the full number appears nowhere but their own certificate.
    expect(await page.locator('body').textContent()).not.toContain(who.id);

    // Sign out and in again with the password.
    await page.getByRole('button', { name: '退出' }).click();
    const login = page.locator('form#login');
    await login.getByLabel('公民身份号码').fill(who.id);
    await login.getByLabel('密码').fill(PASSWORD);
    await login.getByRole('button', { name: '登录' }).click();
    await page.getByText('已登录').waitFor();

    // The menu → the guide → apply.
    await page.getByRole('button', { name: '办理 无犯罪记录证明' }).click();
    await page.getByText('办事指南').waitFor();
    a11y.push(...(await snapshot(page, 'portal-guide')));
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('证明已开具').waitFor();
    a11y.push(...(await snapshot(page, 'portal-certificate')));
    issuedCode = ((await page.getByTestId('verification-code').textContent()) ?? '').trim();
    expect(issuedCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5}){4}$/);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载PDF' }).click();
    pdfPath = path.join(os.tmpdir(), `e2e-${process.pid}-certificate.pdf`);
    await (await download).saveAs(pdfPath);
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    // My certificates and my access log.
    await page.getByRole('menuitem', { name: '我的证明' }).click();
    await page.getByText('无犯罪记录证明 ·').first().waitFor();
    a11y.push(...(await snapshot(page, 'portal-my-certificates')));
    await page.getByRole('menuitem', { name: '用数记录' }).click();
    await page.getByText('事项：无犯罪记录证明').first().waitFor();
    a11y.push(...(await snapshot(page, 'portal-access-log')));

    // Elder mode: larger type and targets.
    await page.getByRole('button', { name: '长辈版' }).click();
    const size = await page.locator('body').evaluate((b) => Number.parseFloat(getComputedStyle(b).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    const button = await page.getByRole('button', { name: '标准版' }).boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(60);
    a11y.push(...(await snapshot(page, 'portal-elder')));
    await page.getByRole('button', { name: '标准版' }).click();

    // The Chinese webfont comes from the platform (no system font, no CDN), and nothing left the platform.
    const fontLoaded = await page.evaluate(() =>
      document.fonts.ready.then(() => document.fonts.check('16px "Noto Sans SC"', '证明云')),
    );
    expect(fontLoaded).toBe(true);
    expect((page as Page & { outside?: string[] }).outside).toEqual([]);
    await ctx.close();
  });

  it('the certificate verifies as genuine and valid on the public page', async () => {
    const who = fixture(p, 'clean-adult');
    const page = await newPage();
    await page.goto(`${p.url}/v/${issuedCode}`);
    const verdict = page.locator('[data-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    await expect.poll(() => verdict.textContent()).toContain('真实有效');
    expect(await page.locator('body').textContent()).not.toContain(who.id);
    a11y.push(...(await snapshot(page, 'verify-valid')));
    await ctx.close();
  });

  it('the downloaded PDF verifies on the public page, check by check', async () => {
    const page = await newPage(768);
    await page.goto(`${p.url}/verify`);
    await page.locator('input[type=file][accept*="pdf"]').setInputFiles(pdfPath);
    const verdict = page.locator('[data-verdict]');
    await verdict.waitFor();
    const direct = await fetch(`${p.url}/api/v1/verify/document`, {
      method: 'POST',
      body: fs.readFileSync(pdfPath),
      headers: { 'content-type': 'application/pdf' },
    }).then((r) => r.text());
    expect(await verdict.getAttribute('data-verdict'), direct).toBe('valid');
    expect(await page.locator('.cc-checks').textContent()).toContain('通过');
    a11y.push(...(await snapshot(page, 'verify-document')));
    await ctx.close();
  });

  it('a scanned QR verifies offline with the cached keys and says status needs a connection', async () => {
    const row = await p.store.db
      .selectFrom('certificates')
      .selectAll()
      .where('verification_code', '=', issuedCode.replaceAll('-', ''))
      .executeTakeFirstOrThrow();
    // The same token the PDF's QR carries (signed by the issuing department's QR key).
    const signer = await p.platform.keyStore.signerFor(row.issuer_code);
    const token = signQrToken(
      {
        name: maskName(row.holder_name),
        id: maskResidentId(row.holder_id),
        type: row.type,
        serial: row.serial,
        issued: row.issued_at.slice(0, 10),
        validUntil: row.valid_until,
        issuer: row.issuer_code,
      },
      signer,
    );
    const page = await newPage(360);
    // Online once: the service worker installs and the public keys are cached.
    await page.goto(`${p.url}/v/${issuedCode}#${token}`);
    await page.locator('[data-verdict="valid"]').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.locator('[data-verdict="valid"]').waitFor();
    // Offline: the page and keys come from the device; the signature verifies; status needs a connection.
    await ctx.setOffline(true);
    await page.goto(`${p.url}/verify`);
    await page.goto(`${p.url}/v/${issuedCode}#${token}`);
    const verdict = page.locator('[data-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('offline-genuine');
    expect(await verdict.textContent()).toContain('需要联网');
    a11y.push(...(await snapshot(page, 'verify-offline-qr')));
    // A tampered token is refused even offline.
    await page.goto(`${p.url}/v/${issuedCode}#${token.slice(0, -4)}AAAA`);
    await page.locator('[data-verdict="not-genuine"]').waitFor();
    await ctx.close();
  });

  it('a family member gets a survival certificate for a parent', async () => {
    const parent = fixture(p, 'parent-of-adult-child');
    const childId = parent.related['child']!;
    const page = await newPage(360);
    await signInAs(childId); // registration through the page is the first journey's business
    await page.goto(p.url);
    await page.getByText('已登录').waitFor();

    await page.getByRole('button', { name: '办理 生存状况证明' }).click();
    await page.getByText('家人', { exact: true }).click();
    await page.getByText('我的父亲或母亲（我是其子女）').click();
    await page.getByLabel('家人的公民身份号码').fill(parent.id);
    a11y.push(...(await snapshot(page, 'portal-apply-family')));
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('证明已开具').waitFor();
    const text = await page.locator('.cc-cert').textContent();
    expect(text).toContain('生存状况证明');
    // The parent's full ID is not shown to the child (masked by the platform).
    expect(text).not.toContain(parent.id);
    await ctx.close();
  });

  it('a refusal or referral says why and whom to call', async () => {
    const who = fixture(p, 'criminal-record');
    const page = await newPage(768);
    await signInAs(who.id);
    await page.goto(p.url);
    await page.getByText('已登录').waitFor();
    await page.getByRole('button', { name: '办理 无犯罪记录证明' }).click();
    await page.getByRole('button', { name: '提交申请' }).click();
    const alert = page.locator('.cc-problem');
    await alert.waitFor();
    const words = await alert.textContent();
    expect(words).toMatch(/窗口|不能开具/);
    expect(words).toMatch(/咨询电话/);
    a11y.push(...(await snapshot(page, 'portal-referral')));
    await ctx.close();
  });

  it('a kiosk visit prints and returns to the start, leaving nothing of the person on screen', async () => {
    const who = fixture(p, 'clean-adult');
    const page = await newPage(1280);
    await page.clock.install();
    await page.goto(`${p.url}/kiosk`);
    await page.getByRole('heading', { name: /请将身份证放在读卡区/ }).waitFor();
    a11y.push(...(await snapshot(page, 'kiosk-start')));
    const card = page.locator('.cc-sim button').first();
    const cardLabel = await card.textContent();
    expect(cardLabel).not.toContain(who.id);
    await card.click();
    await page.getByRole('button', { name: '模拟：本人，核验通过' }).click();
    await page.getByRole('heading', { name: /请选择证明/ }).waitFor();
    await page.getByText(/秒后自动退出/).waitFor();
    a11y.push(...(await snapshot(page, 'kiosk-menu')));
    await page.getByRole('button', { name: '户籍证明' }).click();
    a11y.push(...(await snapshot(page, 'kiosk-confirm')));
    const popup = page.waitForEvent('popup');
    const pdf = page.waitForResponse((r) => r.url().endsWith('/pdf') && r.status() === 200);
    await page.locator('.cc-kiosk-grid button').first().click();
    await pdf;
    const printWindow = await popup;
    await page.getByRole('heading', { name: /证明已打印/ }).waitFor();
    a11y.push(...(await snapshot(page, 'kiosk-printed')));

    // Walk away: after 60 s without a touch the kiosk returns to the start by itself.
    await page.clock.runFor(61_000);
    await page.getByRole('heading', { name: /请将身份证放在读卡区/ }).waitFor();
    const after = await page.locator('.cc-kiosk-main').textContent();
    expect(after).not.toContain('验证码');
    expect(after).not.toContain('证明已打印');
    expect(printWindow.isClosed()).toBe(true); // the signed PDF window went with the visit
    // …and the platform ended the kiosk session (the card holder's token is worthless now).
    await expect
      .poll(
        async () =>
          (await p.store.db.selectFrom('kiosk_sessions').select('id').where('ended_at', 'is', null).execute())
            .length,
      )
      .toBe(0);
    await ctx.close();
  });

  it('an officer signs in with TOTP, reads the notice, marks it read and serves a resident at the window', async () => {
    const who = fixture(p, 'clean-adult');
    const station = await stationOf(who.id);
    const officer = await p.officer('e2e.officer', [station]);
    const page = await newPage(1280);
    await page.goto(`${p.url}/console`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    a11y.push(...(await snapshot(page, 'console-login')));
    await page.getByLabel('用户名').fill('e2e.officer');
    await page.getByLabel('密码').fill(officer.password);
    await page.getByLabel('动态口令（6位数字）').fill(await officer.totp());
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /开具通知/ }).waitFor();
    // The outbox delivers notices in the background: refresh until the resident's certificate is there.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: '刷新' }).click();
          return page.locator('[data-notice]').count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).not.toContain(who.id); // masked for the officer
    a11y.push(...(await snapshot(page, 'console-inbox')));
    const first = page.locator('[data-notice]').first();
    await first.getByRole('button', { name: /标记已读/ }).click();
    await first.getByText('已读', { exact: true }).waitFor();

    // At the window: a household-registration certificate for a resident of the station, with a reason.
    const neighbour = await p.store.db
      .selectFrom('src_household')
      .select(['id_number'])
      .where('police_station', '=', station)
      .where('status', '=', 'registered')
      .where('id_number', '!=', who.id)
      .executeTakeFirstOrThrow();
    await page.getByRole('menuitem', { name: '窗口代办' }).click();
    const form = page.locator('form#serve');
    await form.getByLabel(/居民公民身份号码/).fill(neighbour.id_number);
    await form.getByLabel('证明事项').click();
    await page.getByTitle('户籍证明').click();
    await form.getByLabel('用途').fill('办理入学');
    await form.getByLabel(/代办事由/).fill('居民不会使用手机，窗口代办');
    a11y.push(...(await snapshot(page, 'console-window')));
    await form.getByRole('button', { name: '开具' }).click();
    await page.getByText('下载PDF打印').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(neighbour.id_number.slice(6, 14));
    await ctx.close();
  });

  it('an officer revokes a certificate and the public page then says revoked', async () => {
    const who = fixture(p, 'clean-adult');
    const officer = await p.officer('e2e.revoker', [await stationOf(who.id)]);
    const page = await newPage(1280);
    await page.goto(`${p.url}/console`);
    await page.getByLabel('用户名').fill('e2e.revoker');
    await page.getByLabel('密码').fill(officer.password);
    await page.getByLabel('动态口令（6位数字）').fill(await officer.totp());
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /开具通知/ }).waitFor();
    const row = await p.store.db
      .selectFrom('certificates')
      .select(['serial'])
      .where('verification_code', '=', issuedCode.replaceAll('-', ''))
      .executeTakeFirstOrThrow();
    const notice = page.locator(`[data-notice="${row.serial}"]`);
    await notice.getByRole('button', { name: '撤销' }).click();
    await notice.getByText('持证人申请').click();
    await notice.getByLabel('撤销原因（仅内部记录）').fill('e2e：持证人申请作废');
    await notice.getByRole('button', { name: '确认撤销' }).click();
    await notice.getByText('已撤销').waitFor();

    await page.goto(`${p.url}/v/${issuedCode}`);
    const verdict = page.locator('[data-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('revoked');
    await expect.poll(() => verdict.textContent()).toContain('已撤销');
    a11y.push(...(await snapshot(page, 'verify-revoked')));
    await ctx.close();
  });

  it('the public verification page offers code, QR and PDF checks', async () => {
    const page = await newPage(768);
    await page.goto(`${p.url}/verify`);
    await page.getByRole('heading', { name: '核验证明真伪和状态' }).waitFor();
    await page.getByRole('button', { name: '上传二维码照片' }).waitFor();
    await page.getByRole('button', { name: '选择PDF文件' }).waitFor();
    a11y.push(...(await snapshot(page, 'verify-home')));
    // English everywhere: the switch changes the words and the page language.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Check a certificate is genuine and valid' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    a11y.push(...(await snapshot(page, 'verify-home-en')));
    await ctx.close();
  });

  it('the public page answers "not found" for an unknown code', async () => {
    const page = await newPage(768);
    await page.goto(`${p.url}/verify`);
    await page.getByLabel(/证明上的验证码/).fill('00000-00000-00000-00000-00');
    await page.getByRole('button', { name: '核验' }).click();
    const verdict = page.locator('[data-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('not-found');
    a11y.push(...(await snapshot(page, 'verify-not-found')));
    await ctx.close();
  });

  it('every page has no serious or critical accessibility violations (axe-core)', () => {
    expect(a11y, a11y.join('\n')).toEqual([]);
  });
});
