// Browser test of the languages (docs/languages.md): a focal point chooses Lao in the
// menu of the sign-in page (no JavaScript needed), signs in and files a work-plan status
// in Lao; then chooses Vietnamese (kept on the account) and updates it; an admin takes
// screenshots of every page in Khmer, Lao, Thai and Burmese into SHOTS (i18n-LANG-PAGE.png),
// each page checked for its <html lang>, its words in that language and the script's
// font being the one the page names (document.fonts.check: no fallback boxes); the
// dashboard's report tables and an upload with errors in each of those languages
// (i18n-LANG-dashboard-tables.png, i18n-LANG-upload-errors.png).
// Usage: node i18n.mjs URL PASSWORD SHOTS_DIR
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [url, password, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
let passed = 0, failed = 0;
function check(name, cond, detail = '') {
  if (cond) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name}${detail ? `\n#   ${detail}` : ''}`); }
}
const lang = async (p) => p.getAttribute('html', 'lang');
// chooses a language in the page's menu (a plain form post)
async function choose(p, code) {
  await p.selectOption('#lang-pick', code);
  await Promise.all([p.waitForNavigation(), p.click('#lang-menu input[type=submit]')]);
}
// files a status for a line of the open matrix and returns the state shown after saving
async function file(p, line, status, note) {
  const row = p.locator(`#line-${line}`);
  await row.locator('summary').click();
  await row.locator('select[name=status]').selectOption(status);
  await row.locator('textarea[name=note]').fill(note);
  await Promise.all([p.waitForNavigation(), row.locator('button[type=submit]').click()]);
  await p.waitForSelector('.msg.ok');
  return { state: (await p.locator(`#line-${line} .state`).textContent()).trim(), text: await p.locator(`#line-${line}`).textContent() };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const fp = await ctx.newPage();
  await fp.goto(`${url}/login`);
  check('English by default (Accept-Language en-GB)', (await lang(fp)) === 'en');
  await choose(fp, 'lo');
  check('the menu turns the sign-in page into Lao', (await lang(fp)) === 'lo' && (await fp.textContent('h1')).includes('ເຂົ້າສູ່ລະບົບ'));
  check('the menu kept the page', fp.url() === `${url}/login`);
  await fp.fill('#user', 'fp');
  await fp.fill('#password', password);
  await Promise.all([fp.waitForNavigation(), fp.click('main button[type=submit]')]);
  check('signed in, in Lao', (await lang(fp)) === 'lo' && (await fp.textContent('nav.main')).includes('ແຜນວຽກ'));
  await fp.click('nav.main a[href="/workplan"]');
  await fp.selectOption('#f-period', '2021-H2');
  await Promise.all([fp.waitForNavigation(), fp.click('form.filters button[type=submit]')]);
  const lo = await file(fp, 'WP-1', 'completed', 'ສຳເລັດການສຶກສາແລ້ວ');
  check('Lao: the status is filed and shown as ສຳເລັດແລ້ວ', lo.state === 'ສຳເລັດແລ້ວ', lo.state);
  check('Lao: the note is shown', lo.text.includes('ສຳເລັດການສຶກສາແລ້ວ'));
  check('Lao: the saved message is in Lao', (await fp.textContent('.msg.ok')).includes('ໄດ້ຖືກບັນທຶກແລ້ວ'));
  await fp.screenshot({ path: `${shots}/i18n-lo-workplan-filed.png`, fullPage: true });
  await choose(fp, 'vi');
  check('the menu keeps the matrix page, now in Vietnamese', (await lang(fp)) === 'vi' && fp.url().includes('/workplan'));
  const vi = await file(fp, 'WP-1', 'ongoing', 'Đang soạn thảo hướng dẫn');
  check('Vietnamese: the status is filed and shown as Đang thực hiện', vi.state === 'Đang thực hiện', vi.state);
  check('Vietnamese: the note is shown', vi.text.includes('Đang soạn thảo hướng dẫn'));
  await fp.screenshot({ path: `${shots}/i18n-vi-workplan-filed.png`, fullPage: true });
  // the account keeps the choice: a new browser that asks for English gets Vietnamese
  const other = await browser.newContext({ locale: 'en-US' });
  const again = await other.newPage();
  await again.goto(`${url}/login`);
  await again.fill('#user', 'fp');
  await again.fill('#password', password);
  await Promise.all([again.waitForNavigation(), again.click('main button[type=submit]')]);
  check("the account's language follows it to another browser", (await lang(again)) === 'vi');
  await other.close();
  await choose(fp, 'en'); // back to English for the scripts that follow on this server

  // every page in Khmer, Lao, Thai and Burmese
  const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await admin.goto(`${url}/login`);
  await admin.fill('#user', 'admin');
  await admin.fill('#password', password);
  await Promise.all([admin.waitForNavigation(), admin.click('main button[type=submit]')]);
  const pages = {
    dashboard: '/', activities: '/activities', activity: '/activities/KH-1', 'activity-edit': '/activities/KH-1/edit',
    records: '/records', 'records-activities': '/records/activities', 'records-participants': '/records/participants',
    upload: '/upload', periods: '/periods', audit: '/audit', users: '/users', me: '/me',
    workplan: '/workplan?plan=WP-TEST&period=2021-H1',
  };
  // a participants file with a bad sex and a bad e-mail on line 2
  const bad = 'activity_id,full_name,sex,country,email\nKH-1,Test Person,x,KH,not-an-address\n';
  const scripts = { km: ['Noto Sans Khmer', 'ខ្មែរ', /[\u1780-\u17FF]/], lo: ['Noto Sans Lao', 'ລາວ', /[\u0E80-\u0EFF]/],
    th: ['Noto Sans Thai', 'ไทย', /[\u0E00-\u0E7F]/], my: ['Noto Sans Myanmar', 'မြန်မာ', /[\u1000-\u109F]/] };
  for (const [code, [font, sample, range]] of Object.entries(scripts)) {
    await admin.goto(`${url}/`);
    await choose(admin, code);
    let ok = 0;
    for (const [name, path] of Object.entries(pages)) {
      await admin.goto(`${url}${path}`);
      const h = await admin.textContent('main');
      const good = (await lang(admin)) === code && range.test(h) && !/>\s*Sign out\s*</.test(await admin.content());
      if (!good) check(`${code} ${name}: lang, script and no English sign-out`, false, path);
      else ok++;
      await admin.screenshot({ path: `${shots}/i18n-${code}-${name}.png`, fullPage: true });
    }
    check(`${code}: every page (${Object.keys(pages).length}) in the language`, ok === Object.keys(pages).length);
    // the dashboard's report tables: captions, heads and country names in the language
    await admin.goto(`${url}/`);
    const caption = await admin.textContent('figure.table figcaption');
    const tables = await admin.textContent('#main');
    check(`${code} dashboard: Table 1's caption in the language`, range.test(caption) && !/Table \d/.test(caption), caption);
    check(`${code} dashboard: no English table words or country names`,
      !/Country\/region|Cambodia|Thailand|Source: |Female/.test(tables));
    await admin.screenshot({ path: `${shots}/i18n-${code}-dashboard-tables.png`, fullPage: true });
    // an upload with errors: the lines in the language, their positions as in English
    await admin.goto(`${url}/upload`);
    await admin.setInputFiles('#file', { name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await admin.click('#upload-form button[type=submit]');
    await admin.waitForSelector('#errors');
    const errs = (await admin.locator('#errors li').allTextContents()).map((e) => e.trim());
    check(`${code} upload: two errors, in the language, at FILE:LINE: COLUMN`,
      errs.length === 2 && errs.every((e) => range.test(e)) && errs.some((e) => e.startsWith('participants.csv:2: sex: ')) &&
      errs.some((e) => e.startsWith('participants.csv:2: email: ')), errs.join(' | '));
    const said = await admin.textContent('#upload-status');
    check(`${code} upload: the script's status line in the language`, range.test(said) && !/stored/.test(said), said);
    await admin.screenshot({ path: `${shots}/i18n-${code}-upload-errors.png`, fullPage: true });
    const fontOk = await admin.evaluate(async ([f, s]) => { await document.fonts.ready; return document.fonts.check(`16px "${f}"`, s); }, [font, sample]);
    check(`${code}: the page's font ${font} is installed (no tofu)`, fontOk);
  }
  await choose(admin, 'en');
  check('back in English', (await lang(admin)) === 'en');
  // phone width, one page per script
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(`${url}/login`);
  for (const code of ['km', 'lo', 'th', 'my']) {
    await choose(phone, code);
    await phone.screenshot({ path: `${shots}/i18n-${code}-login-390.png`, fullPage: true });
  }
  check('phone: the menu works on the sign-in page', (await lang(phone)) === 'my');
} catch (e) {
  check('no exception', false, e.stack);
} finally {
  await browser.close();
}
console.log(`browser checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
