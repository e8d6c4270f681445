import { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { expect, interactive } from './fixtures';

// Help-desk accounts for the tests, made with the server's own command, and signing in.

export const root = path.resolve(__dirname, '..', '..');
export const scratch = process.env.E2E_DATA_DIR ?? path.join(root, 'target', 'e2e', 'data');
export const password = 'mật khẩu cán bộ 2026';

/** A new officer of Phường Hoàn Kiếm (70), made by `server staff add-officer`. */
export function officer(prefix: string): string {
  const name = `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
  execFileSync(path.join(root, 'target', 'release', 'server'), ['staff', 'add-officer', name, '70'], {
    input: password + '\n',
    cwd: root,
    env: { ...process.env, MOTCUA_DATA_DIR: scratch, MOTCUA_LOG: 'warn' },
  });
  return name;
}

export async function signIn(page: Page, name: string, next = '/desk') {
  await page.goto(next);
  await expect(page).toHaveURL(/\/desk\/login\?next=/);
  await interactive(page);
  await page.getByLabel('Tên đăng nhập').fill(name);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('desk-user')).toHaveText(name);
}
