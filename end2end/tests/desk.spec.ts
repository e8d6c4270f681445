import { test, expect, interactive } from './fixtures';
import { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { completeBirthDossier, openBirthDossier, prepareSending, saved } from './dossier-helpers';
import { png } from './images';
import { scanPage } from './a11y';
import { officer, password, root, scratch, signIn } from './desk-helpers';

// The help desk: an officer signs in, handles the queue of their ward, asks for a missing paper
// with a reason; the resident reads the reason on /track, adds the paper from their phone, and
// the officer marks the result ready. Accounts are made with the server's own command.

/** A birth registration sent from the resident's phone to Phường Hoàn Kiếm: its tracking code. */
async function sendDossier(page: Page): Promise<{ dossier: string; code: string }> {
  const dossier = await openBirthDossier(page);
  await completeBirthDossier(page, dossier, png(1200, 1600));
  await prepareSending(page, dossier);
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 30_000 });
  const code = (await page.getByTestId('tracking-code').textContent())!.trim().replace(/-/g, '');
  return { dossier, code };
}

async function decide(page: Page, status: string, reason = '', papers: string[] = []) {
  const form = page.getByTestId('decision-form');
  await form.getByLabel(status, { exact: true }).check();
  for (const paper of papers) await form.locator(`#missing-${paper}`).check();
  if (reason) await form.getByLabel(/Lý do, ghi cho người dân/).fill(reason);
  await form.getByRole('button', { name: 'Lưu trạng thái' }).click();
}

async function officerPage(browser: Browser, baseURL: string | undefined) {
  // The desk computer: its own browser profile, not the resident's phone.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  return context.newPage();
}

test('a resident submits, the officer asks for a paper with a reason, the resident adds it, the result is ready', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { code } = await sendDossier(page);
  const name = officer('lan');

  // The officer signs in and finds the dossier in the ward's queue.
  const desk = await officerPage(browser, baseURL);
  await signIn(desk, name);
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ cần xử lý');
  const row = desk.locator(`tr[data-code="${code}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'received');
  await row.getByRole('link').click();
  await expect(desk).toHaveURL(new RegExp(`/desk/dossiers/${code}$`));
  await expect(desk.getByTestId('desk-status')).toHaveAttribute('data-status', 'received');
  // Everything the resident sent: the form, the answers, the photo of the birth certificate.
  await expect(desk.getByText('Nguyễn Minh Khang')).toBeVisible();
  const certificate = desk.locator('[data-paper="birth_certificate"]');
  await expect(certificate.locator('.desk-file')).toHaveCount(1);
  const photo = await desk.request.get(await certificate.locator('.desk-file a').first().getAttribute('href') as string);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['cache-control']).toBe('no-store');

  // A reason is required to ask for papers.
  await decide(desk, 'Cần bổ sung giấy tờ', '', ['birth_certificate']);
  await expect(desk.locator('#decision-problem')).toContainText('Ghi rõ lý do');
  const reason = 'Ảnh giấy chứng sinh bị mờ, không đọc được số. Vui lòng chụp lại rõ nét.';
  await desk.getByLabel(/Lý do, ghi cho người dân/).fill(reason);
  await desk.getByRole('button', { name: 'Lưu trạng thái' }).click();
  await expect(desk.getByTestId('desk-status')).toHaveAttribute('data-status', 'more_documents_needed');
  const history = desk.getByTestId('desk-history');
  await expect(history.locator('.history__step')).toHaveCount(2);
  await expect(history).toContainText(reason);
  await expect(history).toContainText(name);

  // The resident reads the reason and the paper on /track.
  await page.goto(`/track?code=${code}`);
  await interactive(page);
  await page.getByLabel(/4 số cuối/).fill('5678');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('track-status')).toHaveAttribute('data-status', 'more_documents_needed');
  await expect(page.getByTestId('timeline')).toContainText(reason);
  await expect(page.getByTestId('missing-papers')).toContainText('chứng sinh');

  // …and adds the paper to the same dossier from "My dossiers".
  await page.goto('/dossiers');
  await interactive(page);
  await expect(page.getByTestId('missing-papers')).toContainText('chứng sinh');
  await page.getByTestId('add-papers').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bổ sung giấy tờ cho hồ sơ');
  await expect(page.getByTestId('office-reason')).toContainText(reason);
  // Send without the photo: the page says which paper is missing.
  await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
  await expect(page.locator('#error-summary')).toContainText('chứng sinh');
  await page
    .locator('[data-document="birth_certificate"] input[type=file][multiple]')
    .setInputFiles({ name: 'giay-chung-sinh-ro.png', mimeType: 'image/png', buffer: png(1400, 1800) });
  await expect(page.locator('[data-document="birth_certificate"] .attachment')).toHaveCount(1);
  // No network at that moment: the papers wait on the phone and go when it is back.
  await context.setOffline(true);
  await expect(page.locator('.network')).toHaveAttribute('data-online', 'false');
  await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
  await expect(page.getByTestId('supplement-waiting')).toBeVisible();
  await expect(page.getByTestId('waiting-count')).toContainText('1');
  await page.reload();
  await expect(page.getByTestId('supplement-waiting')).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId('supplement-done')).toContainText('Đã gửi giấy tờ bổ sung', { timeout: 30_000 });
  await expect(page.getByTestId('waiting-count')).toBeHidden();

  // Back in the officer's queue, with both photos; processed, then the result is ready.
  await desk.reload();
  await interactive(desk);
  await expect(desk.getByTestId('desk-status')).toHaveAttribute('data-status', 'received');
  await expect(certificate.locator('.desk-file')).toHaveCount(2);
  await decide(desk, 'Đang giải quyết');
  await expect(desk.getByTestId('desk-status')).toHaveAttribute('data-status', 'processing');
  await decide(desk, 'Đã có kết quả');
  await expect(desk.getByTestId('desk-status')).toHaveAttribute('data-status', 'result_ready');
  await expect(history.locator('.history__step')).toHaveCount(5);

  await page.goto(`/track?code=${code}`);
  await interactive(page);
  await page.getByLabel(/4 số cuối/).fill('5678');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('track-status')).toHaveAttribute('data-status', 'result_ready');
  await expect(page.getByTestId('timeline')).toContainText(reason);
  await desk.context().close();

  // Without JavaScript (blocked, or a form sent before the page's script ran), tracking and the
  // officer's decision work by POST, and nothing typed appears in an address.
  const plainPhone = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const phone = await plainPhone.newPage();
  const addresses: string[] = [];
  phone.on('request', (request) => addresses.push(request.url()));
  await phone.goto('/track');
  await phone.getByLabel('Mã hồ sơ').fill(code);
  await phone.getByLabel(/4 số cuối/).fill('5678');
  await phone.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(phone).toHaveURL(/\/track$/);
  await expect(phone.getByTestId('track-status')).toHaveAttribute('data-status', 'result_ready');
  for (const address of addresses) {
    expect(address).not.toContain(code);
    expect(address).not.toContain('5678');
  }
  const plainDesk = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const counter = await plainDesk.newPage();
  await counter.goto('/desk/login');
  await counter.getByLabel('Tên đăng nhập').fill(name);
  await counter.getByLabel('Mật khẩu').fill(password);
  await counter.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(counter).toHaveURL(/\/desk$/);
  await counter.goto(`/desk/dossiers/${code}`);
  await counter.getByTestId('decision-form').getByLabel('Đã trả kết quả', { exact: true }).check();
  await counter.getByRole('button', { name: 'Lưu trạng thái' }).click();
  await expect(counter).toHaveURL(new RegExp(`/desk/dossiers/${code}$`));
  await expect(counter.getByTestId('desk-status')).toHaveAttribute('data-status', 'collected');
  await expect(counter.getByTestId('desk-history').locator('.history__step')).toHaveCount(6);
  await plainPhone.close();
  await plainDesk.close();
});

test('sign-in tells when to try again after too many wrong passwords, and signing out ends the session', async ({ page }) => {
  const name = officer('minh');
  await page.goto('/desk/login');
  await interactive(page);
  await page.getByLabel('Tên đăng nhập').fill(name);
  for (let i = 0; i < 4; i++) {
    await page.getByLabel('Mật khẩu').fill('sai mật khẩu ' + i);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('desk-login-problem')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
    await expect(page.locator('#error-summary')).toBeFocused();
  }
  await page.getByLabel('Mật khẩu').fill('sai lần thứ năm');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('desk-login-problem')).toHaveText(/tạm khóa .* thử lại sau \d\d:\d\d\.$/);
  // Even the right password waits.
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('desk-login-problem')).toContainText('tạm khóa');
  await page.goto('/desk');
  await expect(page).toHaveURL(/\/desk\/login/);

  // Another officer signs in, and out.
  const other = officer('hoa');
  await signIn(page, other);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'motcua_desk')!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Strict');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/desk\/login$/);
  await page.goto('/desk');
  await expect(page).toHaveURL(/\/desk\/login/);
});

test('without JavaScript, sign-in works by POST and the password never appears in an address', async ({ browser, baseURL }) => {
  const name = officer('tam');
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const addresses: string[] = [];
  page.on('request', (request) => addresses.push(request.url()));
  try {
    await page.goto('/desk/numbers');
    await expect(page).toHaveURL(/\/desk\/login\?next=/);
    await page.getByLabel('Tên đăng nhập').fill(name);
    await page.getByLabel('Mật khẩu').fill('sai mật khẩu bí mật');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('desk-login-problem')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
    await expect(page).toHaveURL(/\/desk\/login\?next=\/desk\/numbers&problem=wrong$/);
    await page.getByLabel('Tên đăng nhập').fill(name);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/desk\/numbers$/);
    await expect(page.getByTestId('desk-user')).toHaveText(name);
  } finally {
    await context.close();
  }
  const typed = [password, 'sai mật khẩu bí mật'].flatMap((p) => [p, encodeURIComponent(p), encodeURIComponent(p).replace(/%20/g, '+')]);
  for (const address of addresses) for (const secret of typed) expect(address).not.toContain(secret);
});

test('an officer changes their password: a common one is refused, other sessions end, only the new one signs in', async ({
  page,
  browser,
  baseURL,
}) => {
  const name = officer('thu');
  const addresses: string[] = [];
  page.on('request', (request) => addresses.push(request.url()));
  await signIn(page, name);
  const elsewhere = await officerPage(browser, baseURL);
  await signIn(elsewhere, name);

  await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
  await expect(page).toHaveURL(/\/desk\/password$/);
  await interactive(page);
  await scanPage(page, 'desk password');
  const change = async (current: string, fresh: string, again = fresh) => {
    await page.getByLabel('Mật khẩu hiện tại').fill(current);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(fresh);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(again);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  };
  await change(password, 'password1234');
  await expect(page).toHaveURL(/\/desk\/password\?problem=common$/);
  await expect(page.getByTestId('desk-password-problem')).toHaveText(/quá phổ biến hoặc dễ đoán/);
  await expect(page).toHaveTitle(/^Lỗi: Đổi mật khẩu/);
  await scanPage(page, 'desk password, refused');
  const fresh = 'gió mùa đông bắc về muộn';
  await change('sai mật khẩu cũ', fresh);
  await expect(page.getByTestId('desk-password-problem')).toHaveText('Mật khẩu hiện tại không đúng.');
  await change(password, fresh);
  await expect(page.getByTestId('desk-password-changed')).toBeVisible();
  await expect(page.getByTestId('desk-user')).toHaveText(name);

  // The other computer's session has ended; the old password no longer signs in, the new one does.
  await elsewhere.goto('/desk');
  await expect(elsewhere).toHaveURL(/\/desk\/login/);
  await interactive(elsewhere);
  await elsewhere.getByLabel('Tên đăng nhập').fill(name);
  await elsewhere.getByLabel('Mật khẩu').fill(password);
  await elsewhere.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(elsewhere.getByTestId('desk-login-problem')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await elsewhere.getByLabel('Mật khẩu').fill(fresh);
  await elsewhere.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(elsewhere.getByTestId('desk-user')).toHaveText(name);
  await elsewhere.context().close();

  const typed = [password, fresh, 'password1234'].flatMap((p) => [p, encodeURIComponent(p), encodeURIComponent(p).replace(/%20/g, '+')]);
  for (const address of addresses) for (const secret of typed) expect(address).not.toContain(secret);
});

test('the desk pages pass axe', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const { code } = await sendDossier(page);
  const desk = await officerPage(browser, baseURL);
  await desk.goto('/desk/login');
  await interactive(desk);
  await scanPage(desk, 'desk sign-in');
  await signIn(desk, officer('an'));
  await scanPage(desk, 'desk queue');
  await desk.goto(`/desk/dossiers/${code}`);
  await interactive(desk);
  await expect(desk.getByTestId('desk-status')).toBeVisible();
  await scanPage(desk, 'desk dossier');
  await desk.context().close();
});

test('a stuck resident gets a help code after consenting; the officer opens the draft at the same part, once', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const dossier = await openBirthDossier(page);
  await page.goto(dossier + '/applicant');
  await interactive(page);
  await page.getByLabel('Họ, chữ đệm và tên').fill('Lê Thị Mai');
  await saved(page);
  await page.goto(dossier + '/mother');
  await interactive(page);
  const help = page.getByTestId('handoff');
  await help.locator('summary').click();
  await help.getByRole('button', { name: 'Lấy mã hỗ trợ' }).click();
  // Nothing leaves the phone without consent.
  await expect(help.getByRole('alert')).toHaveText('Đánh dấu ô đồng ý trước khi lấy mã.');
  await help.getByLabel('Tôi đồng ý gửi bản nháp này cho cán bộ một cửa.').check();
  await help.getByRole('button', { name: 'Lấy mã hỗ trợ' }).click();
  const code = (await help.getByTestId('handoff-code').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{3} [2-9A-HJ-NP-Z]{3}$/);
  await expect(help).toContainText(/Dùng được một lần, đến \d\d:\d\d\./);

  const desk = await officerPage(browser, baseURL);
  await signIn(desk, officer('tuan'), '/desk/handoff');
  await expect(desk).toHaveURL(/\/desk\/handoff$/);
  await interactive(desk);
  await desk.getByLabel('Mã hỗ trợ (6 ký tự)').fill(code.toLowerCase());
  await desk.getByRole('button', { name: 'Mở bản nháp' }).click();
  await expect(desk.getByTestId('handoff-step')).toContainText('Thông tin người mẹ');
  await expect(desk.locator('[data-section="mother"] [data-testid="resident-step"]')).toBeVisible();
  await expect(desk.locator('[data-section="applicant"]')).toContainText('Lê Thị Mai');
  // Used once: the same code again is refused.
  await desk.getByLabel('Mã hỗ trợ (6 ký tự)').fill(code);
  await desk.getByRole('button', { name: 'Mở bản nháp' }).click();
  await expect(desk.locator('#handoff-code-error')).toContainText('đã dùng hoặc đã hết hạn');
  await desk.context().close();
});

test('an officer files for a walk-in resident on a shared desk computer, prints the receipt, clears the computer, or hands the draft to the resident\u2019s phone', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const desk = await officerPage(browser, baseURL);
  await signIn(desk, officer('thu'), '/desk/assist');
  await interactive(desk);
  await desk.getByRole('button', { name: 'Bắt đầu hồ sơ mới' }).click();
  await expect(desk).toHaveURL(/\/procedures$/);
  // A first dossier: filed and its receipt printed.
  const { code } = await sendDossier(desk);
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{13}$/);
  await desk.emulateMedia({ media: 'print' });
  await expect(desk.getByTestId('tracking-code')).toBeVisible();
  await desk.emulateMedia({ media: 'screen' });
  await expect.poll(() => desk.evaluate(() => localStorage.getItem('motcua.shared'))).toBe('1');

  // A second resident would rather finish at home: the officer gives a code instead.
  const dossier = await openBirthDossier(desk);
  await desk.goto(dossier + '/applicant');
  await interactive(desk);
  await desk.getByLabel('Họ, chữ đệm và tên').fill('Phạm Văn Hùng');
  await saved(desk);
  await desk.goto(dossier);
  await interactive(desk);
  const help = desk.getByTestId('handoff');
  await help.locator('summary').click();
  await expect(help).toContainText('Bạn đang đăng nhập với tư cách cán bộ');
  await help.getByRole('button', { name: 'Lấy mã hỗ trợ' }).click();
  const given = (await help.getByTestId('handoff-code').textContent())!.trim();

  // Finish: nothing of either resident stays on the desk computer.
  await desk.goto('/desk/assist');
  await interactive(desk);
  await desk.getByRole('button', { name: 'Kết thúc và xóa dữ liệu trên máy này' }).click();
  await expect(desk.getByTestId('assist-cleared')).toBeVisible();
  await desk.goto('/dossiers');
  await interactive(desk);
  await expect(desk.getByText(/^Chưa có hồ sơ nào trên thiết bị này/)).toBeVisible();

  // On the resident's phone: the code opens the draft, at the part the officer was on — even
  // typed before the page's script has arrived (a slow network): the form goes by POST, never in
  // the address, and the code is used as soon as the script runs.
  const phoneContext = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const phone = await phoneContext.newPage();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await phone.route(/\/pkg\/handoff\.[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const addresses: string[] = [];
  phone.on('request', (request) => addresses.push(request.url()));
  await phone.goto('/handoff', { waitUntil: 'domcontentloaded' });
  await phone.getByLabel('Mã hỗ trợ (6 ký tự)').fill(given);
  await phone.getByRole('button', { name: 'Tiếp tục hồ sơ' }).click();
  await expect(phone.getByTestId('handoff-waiting')).toBeVisible();
  await expect(phone).toHaveURL(/\/handoff$/);
  release();
  await expect(phone).toHaveURL(/\/dossiers\/[0-9a-f-]{36}\/applicant$/);
  await expect(phone.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Phạm Văn Hùng');
  await phone.goto('/dossiers');
  await interactive(phone);
  await expect(phone.locator('.dossier-row')).toHaveCount(1);
  const typed = given.replace(' ', '');
  for (const address of addresses) expect(address.replace(/(%20|\+)/g, '')).not.toContain(typed);
  await phoneContext.close();
  await desk.context().close();
});

test('the office numbers count the ward\u2019s dossiers for the period, as a table and a bar chart', async ({
  page: resident,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await sendDossier(resident);
  const page = await officerPage(browser, baseURL);
  await signIn(page, officer('ha'), '/desk/numbers');
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Số liệu của cơ quan');
  await expect(page.getByTestId('numbers-period')).toContainText('Hồ sơ nhận từ 01/');
  const ward = page.locator('tr[data-key="70"]');
  await expect(ward).toContainText('Phường Hoàn Kiếm');
  expect(Number(await page.getByTestId('total-received').textContent())).toBeGreaterThan(0);
  await expect(page.locator('.chart-box svg[role="img"]').first()).toHaveAttribute('aria-label', 'Hồ sơ theo xã, phường');
  await expect(page.locator('.chart-box svg rect').first()).toBeVisible();
  // A period with nothing in it.
  await page.goto('/desk/numbers?from=2020-01-01&to=2020-01-31');
  await interactive(page);
  await expect(page.getByTestId('total-received')).toHaveText('0');
  await expect(page.getByText('Không có hồ sơ nào trong thời gian này.').first()).toBeVisible();
  await page.context().close();
});

test('an administrator adds an officer, who can then sign in; the staff page passes axe', async ({ page, browser, baseURL }) => {
  const admin = `admin-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
  execFileSync(path.join(root, 'target', 'release', 'server'), ['staff', 'add-admin', admin], {
    input: password + '\n',
    cwd: root,
    env: { ...process.env, MOTCUA_DATA_DIR: scratch, MOTCUA_LOG: 'warn' },
  });
  await signIn(page, admin, '/desk/staff');
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài khoản cán bộ');
  await scanPage(page, 'desk staff');
  const name = `mai-${Date.now().toString(36)}`;
  await page.getByLabel('Tên đăng nhập').fill(name);
  await page.getByLabel('Mật khẩu ban đầu').fill('ngắn');
  await page.getByLabel('Xã, phường phụ trách').selectOption([{ label: 'Phường Hoàn Kiếm' }]);
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  await expect(page.locator('#add-officer-problem')).toContainText('ít nhất 12 ký tự');
  await page.getByLabel('Mật khẩu ban đầu').fill(password);
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  await expect(page.getByTestId('officer-added')).toHaveText(name);
  await expect(page.locator(`tr[data-user="${name}"]`)).toContainText('Phường Hoàn Kiếm');

  const desk = await officerPage(browser, baseURL);
  await signIn(desk, name);
  await desk.context().close();
});
