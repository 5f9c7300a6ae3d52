// Browser tests of the record pages and accounts (issue: every record in the browser),
// with Debian's chromium through playwright-core:
// - a country officer enters a whole workshop: the activity, 20 participants one by one
//   and three feedback responses, then corrects one participant and deletes another;
// - a focal point, on a phone (390 px wide), files every line of its body in the work-plan
//   matrix, the body filter staying on across the saves and each line showing the body's
//   own report;
// - an admin creates an account, and the new account signs in.
// Screenshots of each step go to SHOTS.
// Usage: node records.mjs URL PASSWORD SHOTS_DIR
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [url, password, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
let passed = 0, failed = 0;
function check(name, cond, detail = '') {
  if (cond) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name}${detail ? `\n#   ${detail}` : ''}`); }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });

// Signs a new context in as user; returns its page.
async function signIn(user, width, pw = password) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${url}/login`);
  await page.fill('#user', user);
  await page.fill('#password', pw);
  await page.click('button[type=submit]');
  await page.waitForURL(`${url}/`);
  return page;
}

const names = ['Sok Dara', 'Chan Sophea', 'Ly Vanna', 'Keo Srey', 'Heng Bopha', 'Pich Sokha', 'Meas Rina',
  'Chea Dalin', 'Nget Sothea', 'Touch Malis', 'Sam Ratha', 'Phan Chenda', 'Kim Sreyleak', 'Ouk Vibol',
  'Sar Kanha', 'Long Dina', 'Mao Sovann', 'Roeun Thida', 'Yim Sopheap', 'Tep Rithy'];

try {
  // ---- a country officer enters a workshop ----
  const kh = await signIn('kh', 1280);
  await kh.goto(`${url}/records/activities`);
  check('officer: the activity list opens on Cambodia', (await kh.locator('#f-country').inputValue()) === 'KH');
  await kh.click('#add');
  check('officer: the type is not chosen for her', (await kh.locator('#r-type').inputValue()) === '');
  check('officer: her country is preset', (await kh.locator('#r-country').inputValue()) === 'KH');
  const thaiOption = await kh.locator('#r-project option[value=T101]').count();
  check('officer: the project picker offers only her country\'s projects', thaiOption === 0);
  await kh.fill('#r-activity_id', 'KH-2021-050');
  await kh.selectOption('#r-project', 'C202');
  await kh.selectOption('#r-type', 'capacity_development');
  await kh.fill('#r-title', 'Workshop on victim identification for provincial officers');
  await kh.fill('#r-start_date', '2021-09-14');
  await kh.fill('#r-end_date', '2021-09-15');
  await kh.screenshot({ path: `${shots}/records-activity-new-1280.png`, fullPage: true });
  await kh.click('#record-form button[type=submit]');
  await kh.waitForSelector('#saved');
  check('officer: the activity is saved and says so', (await kh.textContent('#saved')).includes('Saved'));
  for (let i = 0; i < names.length; i++) {
    await kh.goto(`${url}/records/participants?new=1&activity_id=KH-2021-050`);
    if (i === 0) {
      check('officer: the participant form chooses no sex', (await kh.locator('#r-sex').inputValue()) === '');
      await kh.screenshot({ path: `${shots}/records-participant-new-1280.png`, fullPage: true });
    }
    await kh.fill('#r-full_name', names[i]);
    await kh.selectOption('#r-sex', i % 3 === 1 ? 'male' : 'female');
    await kh.fill('#r-organisation', 'Provincial Department of Social Affairs');
    await kh.click('#record-form button[type=submit]');
    await kh.waitForSelector('#saved');
  }
  for (const [sat, und] of [['yes', 'good'], ['yes', 'excellent'], ['no', 'fair']]) {
    await kh.goto(`${url}/records/feedback?new=1&activity_id=KH-2021-050`);
    await kh.selectOption('#r-satisfied', sat);
    await kh.selectOption('#r-understanding', und);
    await kh.click('#record-form button[type=submit]');
    await kh.waitForSelector('#saved');
  }
  await kh.goto(`${url}/records/participants?activity_id=KH-2021-050`);
  check('officer: the workshop has 20 participants', (await kh.textContent('#pager')).startsWith('20 records'));
  await kh.screenshot({ path: `${shots}/records-participants-1280.png`, fullPage: true });
  await kh.goto(`${url}/records/feedback?activity_id=KH-2021-050`);
  check('officer: the workshop has 3 feedback responses', (await kh.textContent('#pager')).startsWith('3 records'));
  // correct participant 5, delete participant 6
  await kh.goto(`${url}/records/participants/KH-2021-050/5?edit=1`);
  await kh.fill('#r-organisation', 'Ministry of Interior');
  await kh.click('#record-form button[type=submit]');
  await kh.waitForSelector('#saved');
  check('officer: the corrected participant shows the new organisation',
    (await kh.textContent('#v-organisation')).includes('Ministry of Interior'));
  await kh.goto(`${url}/records/participants/KH-2021-050/6`);
  await kh.click('#delete');
  await kh.waitForSelector('#confirm-delete');
  await kh.screenshot({ path: `${shots}/records-delete-confirm-1280.png`, fullPage: true });
  await kh.click('#confirm-delete');
  await kh.waitForSelector('#deleted');
  await kh.goto(`${url}/records/participants?activity_id=KH-2021-050`);
  check('officer: 19 participants are left', (await kh.textContent('#pager')).startsWith('19 records'));
  check('officer: the other participants are untouched',
    (await kh.textContent('#records')).includes('Sok Dara') && !(await kh.textContent('#records')).includes(names[5]));
  const khPhone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await khPhone.addCookies(await kh.context().cookies());
  const kp = await khPhone.newPage();
  await kp.goto(`${url}/records/participants?activity_id=KH-2021-050`);
  await kp.screenshot({ path: `${shots}/records-participants-390.png`, fullPage: true });
  check('phone: the record list has no sideways scrolling',
    (await kp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0);

  // ---- a focal point files every line of its body on a phone ----
  const fp = await signIn('fp', 390);
  await fp.goto(`${url}/workplan?plan=WP-TEST&period=2021-H2&body=SOMTC`);
  const rows = await fp.locator('tr[id^=line-]').evaluateAll((els) => els.filter((e) => e.querySelector('details.file')).map((e) => e.id));
  check('focal point: its body has lines to file (WP-1 leads, WP-2 cooperates)', rows.includes('line-WP-1') && rows.includes('line-WP-2'), rows.join(','));
  for (const id of rows) {
    const row = fp.locator(`#${id}`);
    await row.locator('summary').click();
    if ((await row.locator('summary').textContent()).includes('File your report'))
      check(`focal point: ${id}'s first report has no status chosen for it`, (await row.locator('select[name=status]').inputValue()) === '');
    await row.locator('select[name=status]').selectOption('ongoing');
    await row.locator('textarea[name=note]').fill(`Filed from a phone for ${id}`);
    await row.locator('button[type=submit]').click();
    await fp.waitForSelector('.msg.ok');
    check(`focal point: after saving ${id} the body filter stays`, new URL(fp.url()).searchParams.get('body') === 'SOMTC', fp.url());
    check(`focal point: ${id} shows the body's own report`,
      (await fp.locator(`#mine-${id.slice(5)}`).textContent()).includes(`Filed from a phone for ${id}`));
  }
  await fp.screenshot({ path: `${shots}/workplan-filed-390.png`, fullPage: true });
  check('phone: the filed matrix has no sideways scrolling',
    (await fp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0);

  // ---- an admin creates an account ----
  const admin = await signIn('admin', 1280);
  await admin.goto(`${url}/users`);
  await admin.fill('#u-name', 'vn');
  await admin.selectOption('#u-role', 'country_officer');
  await admin.selectOption('#u-country', 'VN');
  await admin.fill('#u-pw', 'a first passphrase for Hanoi');
  await admin.click('#new-user button[type=submit]');
  await admin.waitForSelector('#result');
  check('admin: the account is created', (await admin.textContent('#result')).includes('created'));
  check('admin: the list shows it', (await admin.textContent('#users')).includes('Viet Nam') || (await admin.textContent('#users')).includes('Vietnam'));
  await admin.screenshot({ path: `${shots}/accounts-1280.png`, fullPage: true });
  const vn = await signIn('vn', 1280, 'a first passphrase for Hanoi');
  check('the new account signs in', (await vn.textContent('.who')).includes('vn'));
} catch (e) {
  failed++;
  console.log(`not ok - browser test crashed\n#   ${String(e).split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`browser checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
