// Dossier submissions through the real server function (POST /api/dossiers/submit), with N
// clients each sending one dossier after another (unique idempotency keys), for a fixed time.
// Reports dossiers stored per second and the latency p50/p99, then how many dossiers the server
// holds. Usage: node bench/submit-load.mjs <base url> <clients> [seconds] [repeat-percent]
// With repeat-percent, that share of requests re-sends an earlier key: the count of dossiers
// stored must equal the count of unique keys.

import { randomUUID } from 'node:crypto';

const base = process.argv[2] ?? 'http://127.0.0.1:3300';
const clients = Number(process.argv[3] ?? 50);
const seconds = Number(process.argv[4] ?? 10);
const repeatPercent = Number(process.argv[5] ?? 0);

const day = 86_400_000;
const born = new Date(Date.now() + 7 * 3600_000 - 10 * day);
const iso = born.toISOString().slice(0, 10);

function draft() {
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
  return {
    format: 2, id: randomUUID(), procedure: '1.001193', procedure_name: { vi: 'Đăng ký khai sinh' },
    variant: null,
    answers: { who: 'child', registered: 'never', has_papers: 'no', foreign: 'no', born: iso, married: 'yes', proof: 'certificate', special: 'none' },
    who_for: 'child', form, completed: [], ticks: ['form', 'birth_certificate', 'identity', 'residence_proof'],
    attachments: [], created: Date.now(), updated: Date.now(), state: { state: 'draft' },
    submission_key: null, office: 70, declared: true,
  };
}

const latencies = [];
const keys = [];
let errors = 0;
let sent = 0;
const end = Date.now() + seconds * 1000;

async function client() {
  while (Date.now() < end) {
    let key;
    if (repeatPercent > 0 && keys.length > 0 && Math.random() * 100 < repeatPercent) {
      key = keys[Math.floor(Math.random() * keys.length)];
    } else {
      key = randomUUID();
      keys.push(key);
    }
    const body = JSON.stringify({ key, draft: draft() });
    const started = performance.now();
    try {
      const response = await fetch(base + '/api/dossiers/submit', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
      });
      await response.text();
      if (response.ok) latencies.push(performance.now() - started);
      else errors += 1;
    } catch {
      errors += 1;
    }
    sent += 1;
  }
}

const before = (await (await fetch(base + '/healthz')).json()).database.dossiers;
const started = performance.now();
await Promise.all(Array.from({ length: clients }, client));
const elapsed = (performance.now() - started) / 1000;
const after = (await (await fetch(base + '/healthz')).json()).database.dossiers;
latencies.sort((a, b) => a - b);
const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
const result = {
  clients,
  seconds: Number(elapsed.toFixed(1)),
  requests: sent,
  ok: latencies.length,
  errors,
  requests_per_second: Number((latencies.length / elapsed).toFixed(1)),
  p50_ms: Number(pick(0.5).toFixed(1)),
  p99_ms: Number(pick(0.99).toFixed(1)),
  unique_keys: keys.length,
  dossiers_stored: after - before,
  dossiers_per_second: Number(((after - before) / elapsed).toFixed(1)),
};
console.log(JSON.stringify(result));
if (result.dossiers_stored !== keys.length) {
  console.error(`stored ${result.dossiers_stored} dossiers for ${keys.length} unique keys`);
  process.exit(1);
}
