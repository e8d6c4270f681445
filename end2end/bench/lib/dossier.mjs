// The dossier every load and trial sends: a birth registration by a parent, complete and valid
// under the rules (a child born ten days ago, no attachments), as a device's outbox sends it.
import { randomUUID } from 'node:crypto';

const DAY = 86_400_000;

/** The body of `POST /api/dossiers/submit` for idempotency key `key` (the draft's id too). */
export function submission(key = randomUUID()) {
  // Hà Nội's date, ten days back.
  const born = new Date(Date.now() + 7 * 3600_000 - 10 * DAY);
  const form = {
    applicant_name: 'Nguyễn Văn An', applicant_birth_day: '2', applicant_birth_month: '3',
    applicant_birth_year: '1985', applicant_sex: 'male', applicant_id: '001085012345',
    applicant_residence: '12 Hàng Bạc, Hoàn Kiếm', applicant_phone: '0912 345 678',
    child_name: 'Nguyễn Văn Bình', child_sex: 'male', child_birthplace: 'Bệnh viện Phụ sản Hà Nội',
    child_ethnicity: 'Kinh', child_nationality: 'Việt Nam',
    child_birth_day: String(born.getUTCDate()), child_birth_month: String(born.getUTCMonth() + 1),
    child_birth_year: String(born.getUTCFullYear()),
    mother_name: 'Trần Thị Hoa', mother_birth_day: '5', mother_birth_month: '6', mother_birth_year: '1990',
    mother_id: '001190012345', mother_ethnicity: 'Kinh', mother_nationality: 'Việt Nam',
    mother_residence: '12 Hàng Bạc, Hoàn Kiếm', father_known: 'no',
  };
  const draft = {
    format: 2, id: key, procedure: '1.001193', procedure_name: { vi: 'Đăng ký khai sinh' },
    variant: null,
    answers: {
      who: 'child', registered: 'never', has_papers: 'no', foreign: 'no',
      born: born.toISOString().slice(0, 10), married: 'yes', proof: 'certificate', special: 'none',
    },
    who_for: 'child', form, completed: [], ticks: ['form', 'birth_certificate', 'identity', 'residence_proof'],
    attachments: [], created: Date.now(), updated: Date.now(), state: { state: 'draft' },
    submission_key: null, office: 70, declared: true,
  };
  return { key, draft };
}

/**
 * Sends `key`'s dossier once. Returns the tracking code of the receipt, or null when no receipt
 * came back (an error, or the connection dropped).
 */
export async function submit(base, key, signal) {
  try {
    const response = await fetch(`${base}/api/dossiers/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(submission(key)),
      signal,
    });
    const text = await response.text();
    return response.ok ? JSON.parse(text).tracking_code ?? null : null;
  } catch {
    return null;
  }
}

/** Which of `keys` the server at `base` holds a dossier for (asked 100 at a time, as devices do). */
export async function storedKeys(base, keys) {
  const stored = new Set();
  for (let i = 0; i < keys.length; i += 100) {
    const response = await fetch(`${base}/api/dossiers/statuses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ keys: keys.slice(i, i + 100) }),
    });
    if (!response.ok) throw new Error(`statuses: HTTP ${response.status}`);
    for (const [key, events] of await response.json()) if (events.length > 0) stored.add(key);
  }
  return stored;
}
