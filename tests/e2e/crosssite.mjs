// Login CSRF in a real browser (Debian's chromium through playwright-core): a viewer is
// signed in; a page on another site (evil.test, mapped to loopback) posts the sign-in
// form with an attacker's account, once with <meta name=referrer content=no-referrer>
// (the browser then sends "Origin: null") and once without (a foreign Origin). Both
// must be refused, and the victim must still be signed in as themself. The same form
// served by actip itself (the positive case) signs in.
// Usage: node crosssite.mjs URL PASSWORD EVIL_PORT
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';

const [url, password, evilPort] = process.argv.slice(2);
let passed = 0, failed = 0;
function check(name, cond, detail = '') {
  if (cond) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name}${detail ? `\n#   ${detail}` : ''}`); }
}

// The attacker's page: a form that posts itself to actip's /login on load.
const evil = createServer((req, res) => {
  const noref = req.url.includes('noref');
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(`<!doctype html><html><head>${noref ? '<meta name="referrer" content="no-referrer">' : ''}</head><body>
<form id="f" method="post" action="${url}/login"><input name="user" value="kh"><input name="password" value="${password}"></form>
<script>document.getElementById('f').submit();</script></body></html>`);
});
await new Promise(r => evil.listen(Number(evilPort), '127.0.0.1', r));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--host-resolver-rules=MAP evil.test 127.0.0.1'],
});
try {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${url}/login`);
  await page.fill('#user', 'viewer');
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${url}/`);
  const who = async () => { await page.goto(`${url}/`); return (await page.textContent('.who span')) || ''; };
  check('the victim is signed in as viewer', (await who()).startsWith('viewer'));
  const cookieBefore = (await ctx.cookies(url)).map(c => c.value).join();

  for (const variant of ['noref', 'plain']) {
    const answers = [];
    const listener = r => { if (r.url() === `${url}/login` && r.request().method() === 'POST') answers.push(r); };
    page.on('response', listener);
    await page.goto(`http://evil.test:${evilPort}/${variant}`);
    await page.waitForLoadState('load');
    for (let i = 0; i < 50 && answers.length === 0; i++) await page.waitForTimeout(100);
    page.off('response', listener);
    const origin = answers.length ? await answers[0].request().headerValue('origin') : '(none)';
    check(`cross-site sign-in (${variant}): the browser posted, Origin ${origin}`,
      answers.length === 1 && (variant === 'noref' ? origin === 'null' : origin === `http://evil.test:${evilPort}`));
    check(`cross-site sign-in (${variant}): refused with 403`, answers.length === 1 && answers[0].status() === 403,
      answers.length ? `status ${answers[0].status()}` : 'no answer');
    const cookieAfter = (await ctx.cookies(url)).map(c => c.value).join();
    check(`cross-site sign-in (${variant}): the session cookie is unchanged`, cookieAfter === cookieBefore);
    check(`cross-site sign-in (${variant}): still signed in as viewer, not kh`, (await who()).startsWith('viewer'));
  }

  // Positive: actip's own form signs in as kh in a fresh context.
  const own = await (await browser.newContext()).newPage();
  await own.goto(`${url}/login`);
  await own.fill('#user', 'kh');
  await own.fill('#password', password);
  await own.click('button[type=submit]');
  await own.waitForURL(`${url}/`);
  check('the same sign-in from actip\'s own page succeeds', ((await own.textContent('.who span')) || '').startsWith('kh'));
} catch (e) {
  failed++;
  console.log(`not ok - browser run: ${e.message}`);
} finally {
  await browser.close();
  evil.close();
}
console.log(`browser checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
