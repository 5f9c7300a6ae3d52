// Browser test of the upload page's column step (spec/import-formats.md, "Header names"):
// an officer sends a workbook whose file and sheet names tell nothing and whose header
// has columns no template knows; the page takes the template from the header, shows
// how each column was read, lets the user say which column the unknown ones hold, checks
// again and stores. A second file with the same header needs no step. Screenshots at
// desktop and phone width go to SHOTS.
// Usage: node upload_map.mjs URL PASSWORD SHOTS_DIR WORKBOOK
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';

const [url, password, shots, workbook] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
let passed = 0, failed = 0;
function check(name, cond, detail = '') {
  if (cond) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name}${detail ? `\n#   ${detail}` : ''}`); }
}
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
try {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    const ctx = await browser.newContext({ viewport: { width, height } });
    const page = await ctx.newPage();
    await page.goto(`${url}/login`);
    await page.fill('#user', 'admin');
    await page.fill('#password', password);
    await Promise.all([page.waitForURL(`${url}/`), page.click('button[type=submit]')]);
    const at = `(${width})`;

    await page.goto(`${url}/upload`);
    await page.setInputFiles('#file', { name: `workshop-list-${width}.xlsx`, mimeType: xlsxType, buffer: readFileSync(workbook) });
    await page.click('#upload-form button[type=submit]');
    await page.waitForSelector('#columns');
    const lead = await page.textContent('main');
    if (width === 1280) {
      check(`${at} the template is taken from the header`, lead.includes('as participants'), lead.slice(0, 300));
      check(`${at} the column step is shown`, (await page.locator('#mapping').count()) === 1);
      check(`${at} the step names the unknown columns`, (await page.locator('#mapping label', { hasText: 'Attendee' }).count()) === 1 &&
        (await page.locator('#mapping label', { hasText: 'Ministry' }).count()) === 1);
      check(`${at} known columns are shown as read`, (await page.textContent('#columns')).includes('Nationality'));
      await page.screenshot({ path: `${shots}/upload-map-step-${width}.png`, fullPage: true });
      await page.selectOption('#mapping select >> nth=0', 'full_name');
      await page.selectOption('#mapping select >> nth=1', 'organisation');
      await page.click('#mapping button[type=submit]');
      await page.waitForSelector('#preview');
      const cols = await page.textContent('#columns');
      check(`${at} after the step the columns read as chosen`, cols.includes('full_name') && cols.includes('organisation'), cols);
      check(`${at} no step is left`, (await page.locator('#mapping').count()) === 0);
      check(`${at} the preview counts 2 rows`, (await page.textContent('#preview')).includes('2 participants rows'));
      await page.screenshot({ path: `${shots}/upload-map-preview-${width}.png`, fullPage: true });
      await page.click('text=Store it');
      await page.waitForSelector('#stored');
      await page.goto(`${url}/activities/KH-1`);
      const act = await page.textContent('main');
      check(`${at} the mapped names are stored`, act.includes('Pich Sreymom') && act.includes('Nguyen Van An'), act.slice(0, 400));
    } else {
      // The same header again, on a phone: remembered, so a plain preview.
      check(`${at} the same header needs no step the second time`, (await page.locator('#mapping').count()) === 0);
      check(`${at} it is a preview`, (await page.locator('#preview').count()) === 1);
      await page.screenshot({ path: `${shots}/upload-map-again-${width}.png`, fullPage: true });
      await page.click('text=Cancel');
    }
    await ctx.close();
  }
} catch (e) {
  failed++;
  console.log(`not ok - upload column step ran to its end\n#   ${e.message}`);
} finally {
  await browser.close();
}
console.log(`browser checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
