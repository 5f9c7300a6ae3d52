// Browser tests of the web application with Debian's chromium (playwright-core, no
// downloaded browser): sign in; upload a participants CSV with one bad line and see the
// line-level error with nothing changed; fix it, confirm, and see the dashboard numbers
// change; two tabs edit one activity: the second save gets the 409 page that keeps its
// typing, and saving that page again stores it; a viewer cannot reach the upload page.
// Also takes the screenshots of every page at desktop (1280) and phone (390) widths
// into SHOTS.
// Uploads also: the template told by the file's name, errors naming the user's own
// file with the chosen file kept, and an .xlsx workbook (WORKBOOK, a Participants sheet
// with typed headers and local-language values) previewed and stored.
// Usage: node run.mjs URL PASSWORD SHOTS_DIR WORKBOOK
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';

const [url, password, shots, workbook] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
let passed = 0, failed = 0;
function check(name, cond, detail = '') {
  if (cond) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name}${detail ? `\n#   ${detail}` : ''}`); }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
try {
  const main = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await main.newPage();
  // Sign in.
  await page.goto(`${url}/login`);
  await page.screenshot({ path: `${shots}/login-1280.png`, fullPage: true });
  await page.fill('#user', 'admin');
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${url}/`);
  check('sign in lands on the dashboard', (await page.textContent('h1')).includes('Annual progress'));
  const participants = async () => (await page.textContent('#summary .card:nth-child(2) .n')).trim();
  const before = await participants();
  await page.screenshot({ path: `${shots}/dashboard-1280.png`, fullPage: true });

  // Upload with one bad line: the error names FILE:LINE: COLUMN; nothing changes.
  const bad = 'activity_id,full_name,sex,country\nKH-1,Sok Dara,female,KH\nKH-1,Chan Vanna,mael,KH\nKH-1,Ly Sophea,female,KH\n';
  await page.goto(`${url}/upload`);
  await page.screenshot({ path: `${shots}/upload-1280.png`, fullPage: true });
  // No template chosen: the file's name tells it; the errors name that file.
  await page.setInputFiles('#file', { name: 'kh-participants.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.click('#upload-form button[type=submit]');
  await page.waitForSelector('#errors');
  const errors = await page.textContent('#errors');
  check('bad line reported as FILE:LINE: COLUMN of the user\'s file', errors.includes('kh-participants.csv:3: sex'), errors);
  check('says nothing was stored', errors.includes('Nothing was stored'));
  check('the chosen file is kept after the error',
    (await page.evaluate(() => document.getElementById('file').files.length)) === 1 &&
    (await page.evaluate(() => document.getElementById('file').files[0].name)) === 'kh-participants.csv');
  check('the form is still there to send again', (await page.locator('#upload-form').count()) === 1);
  await page.screenshot({ path: `${shots}/upload-errors-1280.png`, fullPage: true });
  await page.goto(`${url}/`);
  check('dashboard unchanged after the bad upload', (await participants()) === before, `${before} -> ${await participants()}`);

  // Fixed: a preview first, then stored on confirmation; the numbers change.
  await page.goto(`${url}/upload`);
  await page.selectOption('#template', 'participants');
  await page.setInputFiles('#file', { name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.replace('mael', 'male')) });
  await page.click('#upload-form button[type=submit]');
  await page.waitForSelector('#preview');
  check('preview says what would be stored', (await page.textContent('#preview')).includes('3 participants rows'));
  await page.screenshot({ path: `${shots}/upload-preview-1280.png`, fullPage: true });
  const tab = await main.newPage();
  await tab.goto(`${url}/`);
  check('preview stored nothing', (await tab.textContent('#summary .card:nth-child(2) .n')).trim() === before);
  await tab.close();
  await page.click('text=Store it');
  await page.waitForSelector('#stored');
  await page.goto(`${url}/`);
  const after = await participants();
  check('dashboard numbers change after the upload', after !== before && Number(after.replace(/,/g, '')) === Number(before.replace(/,/g, '')) + 2,
    `${before} -> ${after}`);

  // A workbook: its sheet named Participants, typed headers, values in Khmer and
  // Vietnamese; the template comes from the sheet's file name; previewed, then stored.
  await page.goto(`${url}/upload`);
  await page.setInputFiles('#file', { name: 'participants-kh-training.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(workbook) });
  await page.screenshot({ path: `${shots}/upload-xlsx-chosen-1280.png`, fullPage: true });
  await page.click('#upload-form button[type=submit]');
  await page.waitForSelector('#preview');
  const wpreview = await page.textContent('#preview');
  check('workbook preview: 2 participants rows', wpreview.includes('2 participants rows'), wpreview);
  await page.screenshot({ path: `${shots}/upload-xlsx-preview-1280.png`, fullPage: true });
  await page.click('text=Store it');
  await page.waitForSelector('#stored');
  await page.goto(`${url}/`);
  check('dashboard counts the workbook\'s participants', (await participants()) !== after, `${after} -> ${await participants()}`);

  // Two tabs edit one activity: the first save wins; the second gets the 409 page with
  // the current title and its own typing kept; saving that page again stores it.
  const tab1 = await main.newPage(), tab2 = await main.newPage();
  await tab1.goto(`${url}/activities/KH-1/edit`);
  await tab2.goto(`${url}/activities/KH-1/edit`);
  await tab1.fill('#a-title', 'Edited in tab one');
  await Promise.all([tab1.waitForURL(`${url}/activities/KH-1`), tab1.click('#main button[type=submit]')]);
  const typed = 'Edited in tab two <b>& "quoted"</b>';
  await tab2.fill('#a-title', typed);
  const [stale] = await Promise.all([
    tab2.waitForResponse(r => r.request().method() === 'POST' && r.url() === `${url}/activities/KH-1`),
    tab2.click('#main button[type=submit]')]);
  await tab2.waitForSelector('#conflict');
  check('two tabs: the second save is refused (409)', stale.status() === 409, `status ${stale.status()}`);
  check('two tabs: the page says someone else changed it', (await tab2.textContent('#conflict')).includes('Someone else changed the activity KH-1'));
  check('two tabs: the page shows the current title', (await tab2.textContent('#conflict-values')).includes('Edited in tab one'));
  check('two tabs: the form keeps what was typed', (await tab2.inputValue('#a-title')) === typed, await tab2.inputValue('#a-title'));
  await tab2.screenshot({ path: `${shots}/activity-conflict-1280.png`, fullPage: true });
  await Promise.all([tab2.waitForURL(`${url}/activities/KH-1`), tab2.click('#main button[type=submit]')]);
  check('two tabs: saving the 409 page again stores the typing', (await tab2.textContent('h1')) === typed, await tab2.textContent('h1'));
  await tab1.close();
  await tab2.close();

  // The other pages, at both widths.
  const pages = { dashboard: '/', activities: '/activities', activity: '/activities/KH-1', periods: '/periods', audit: '/audit', 'activity-edit': '/activities/KH-1/edit', workplan: '/workplan?plan=WP-TEST&period=2021-H1' };
  for (const [name, path] of Object.entries(pages)) {
    const resp = await page.goto(`${url}${path}`);
    check(`desktop: ${name} answers 200 signed in`, resp.status() === 200 && !page.url().endsWith('/login'), `${resp.status()} ${page.url()}`);
    await page.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true });
  }
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await phoneCtx.addCookies(await main.cookies());
  const phone = await phoneCtx.newPage();
  for (const [name, path] of Object.entries({ ...pages, upload: '/upload' })) {
    const resp = await phone.goto(`${url}${path}`);
    // (a sideways-scrolling check on an error or sign-in page would prove nothing)
    check(`phone: ${name} answers 200 signed in`, resp.status() === 200 && !phone.url().endsWith('/login'), `${resp.status()} ${phone.url()}`);
    await phone.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(`phone: ${name} has no sideways scrolling`, overflow <= 0, `overflow ${overflow}px`);
  }

  // A focal point files a status and a note for its body's line and sees it in the matrix.
  const fctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fp = await fctx.newPage();
  await fp.goto(`${url}/login`);
  await fp.fill('#user', 'fp');
  await fp.fill('#password', password);
  await fp.click('button[type=submit]');
  await fp.waitForURL(`${url}/`);
  await fp.click('nav.main a:has-text("Work plan")');
  await fp.selectOption('#f-period', '2021-H2');
  await fp.click('form.filters button[type=submit]');
  const row = fp.locator('#line-WP-1');
  check('focal point: own line has a report form', (await row.locator('form').count()) === 1);
  check('focal point: another body\'s line has no form', (await fp.locator('#line-WP-3 form').count()) === 0);
  check('focal point: cooperating line has a form', (await fp.locator('#line-WP-2 form').count()) === 1);
  const note = `Study launched in Manila ${Date.now()}`;
  await row.locator('summary').click();
  await row.locator('select[name=status]').selectOption('completed');
  await row.locator('textarea[name=note]').fill(note);
  await row.locator('button[type=submit]').click();
  await fp.waitForSelector('.msg.ok');
  const saved = fp.locator('#line-WP-1');
  check('focal point: the matrix shows the new state', (await saved.locator('.state').textContent()).trim() === 'Completed');
  check('focal point: the matrix shows the note', (await saved.textContent()).includes(note));
  await fp.screenshot({ path: `${shots}/workplan-focal-1280.png`, fullPage: true });
  const fphone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await fphone.addCookies(await fctx.cookies());
  const fpp = await fphone.newPage();
  await fpp.goto(`${url}/workplan?plan=WP-TEST&period=2021-H2`);
  await fpp.screenshot({ path: `${shots}/workplan-focal-390.png`, fullPage: true });
  const wpOverflow = await fpp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('phone: work plan has no sideways scrolling', wpOverflow <= 0, `overflow ${wpOverflow}px`);

  // A viewer cannot reach the upload page.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const v = await ctx.newPage();
  await v.goto(`${url}/login`);
  await v.fill('#user', 'viewer');
  await v.fill('#password', password);
  await v.click('button[type=submit]');
  await v.waitForURL(`${url}/`);
  check('viewer: no Upload link', (await v.locator('nav.main a', { hasText: 'Upload' }).count()) === 0);
  const resp = await v.goto(`${url}/upload`);
  check('viewer: upload page refused (403)', resp.status() === 403, `status ${resp.status()}`);
  check('viewer: no upload form', (await v.locator('#upload-form').count()) === 0);
} catch (e) {
  failed++;
  console.log(`not ok - browser test crashed\n#   ${String(e).split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`browser checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
