// The checks a phone can make before the server sees a record, with the server's own rules
// (src/core/phone.cpp, src/app/support_records.cpp; docs/field-work.md, docs/openapi.yaml), so a
// volunteer offline learns of a typo at once, not days later.

// Today in Vietnam (UTC+7, no daylight saving): the server refuses dates after it.
export function todayInVietnam(now: Date = new Date()): string {
  const t = new Date(now.getTime() + 7 * 3600_000);
  return t.toISOString().slice(0, 10);
}

// 2018: eleven-digit mobile prefixes became ten-digit ones.
const RENUMBERED_2018: Record<string, string> = {
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036',
  '0167': '037', '0168': '038', '0169': '039', '0186': '056', '0188': '058',
  '0199': '059',
};

// A Vietnamese mobile number as ten digits starting 03, 05, 07, 08 or 09, or null. Accepts what
// the server accepts: spaces, dots, dashes, brackets; +84 / 84 / 0084; pre-2018 numbers.
export function normalizeMobile(raw: string): string | null {
  let digits = '';
  let plus = false;
  for (const c of raw) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c === '+' && digits === '' && !plus) plus = true;
    else if (c === ' ' || c === '.' || c === '-' || c === '(' || c === ')') continue;
    else return null;
    if (digits.length > 15) return null;
  }
  if (digits.startsWith('0084')) digits = '0' + digits.slice(4);
  else if (digits.startsWith('84') && (plus || digits.length >= 11)) digits = '0' + digits.slice(2);
  else if (plus) return null;
  if (digits.length === 11) {
    const renumbered = RENUMBERED_2018[digits.slice(0, 4)];
    if (renumbered) digits = renumbered + digits.slice(4);
  }
  if (digits.length !== 10 || digits[0] !== '0' || !'35789'.includes(digits[1])) return null;
  return digits;
}

// An ID number (số định danh cá nhân / CCCD 12 digits, old CMND 9): spaces are dropped here.
export function normalizeIdNumber(raw: string): string | null {
  const d = raw.replace(/[\s.]/g, '');
  return /^([0-9]{9}|[0-9]{12})$/.test(d) ? d : null;
}

// Mã số thuế: 10 digits, or 10 digits "-" 3 digits for a branch; spaces removed.
export function normalizeTaxCode(raw: string): string | null {
  const d = raw.replace(/\s/g, '');
  return /^[0-9]{10}(-[0-9]{3})?$/.test(d) ? d : null;
}

// A name (household, business): white space collapsed, never empty.
export function cleanName(raw: string): string | null {
  const s = raw.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

// Shows a number the way it was typed for the officer, but masked in lists: •••••45678.
export function mask(value: string): string {
  return value.length <= 4 ? value : '•'.repeat(Math.min(value.length - 4, 6)) + value.slice(-4);
}
