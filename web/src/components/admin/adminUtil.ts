// Helpers of the unit's settings (UnitAdmin): money in đồng written the Vietnamese way, months as
// typed, the due date a reporting rule gives, and who may change a unit itself (the server's rule:
// managing the unit it sits in; a province, only admin).
import type { ReportKind, ReportingRule } from '../../api/types';
import { canManageUnit, isAdmin } from '../core/shared';
import { wholeNumber } from '../core/textInput';

/** The largest amount a rate may name (src/core/allowance.hpp kMaxAmount). */
export const MAX_AMOUNT = 100_000_000;

/** 150000 → "150.000 đ" (vi) or "150,000 đ" (en). */
export function formatMoney(n: number | null | undefined, locale: string): string {
  if (n == null) return '—';
  return `${n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN')} đ`;
}

/**
 * What an officer types for an amount of đồng: "150.000", "150 000", "150,000", "150000đ".
 * Returns null for an empty field, NaN for anything that is not a whole number of đồng.
 */
export function parseMoney(text: string): number | null {
  // Money is whole đồng: the thousands grouped as any whole number is typed, no decimals.
  return wholeNumber(text.trim().replace(/\s*(đ|đồng|vnd)$/i, ''));
}

/** A field of whole numbers: null when empty, NaN when not digits. */
export function parseWhole(text: string): number | null {
  const s = text.trim();
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : NaN;
}

/**
 * A month as typed: "2025-07" (what <input type="month"> gives) or "07/2025", "7/2025".
 * Returns YYYY-MM with a year 2000–2100 (the server's range), or null.
 */
export function parseMonth(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let r = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (r) {
    y = Number(r[1]);
    m = Number(r[2]);
  } else if ((r = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s))) {
    m = Number(r[1]);
    y = Number(r[2]);
  } else {
    return null;
  }
  if (y < 2000 || y > 2100 || m < 1 || m > 12) return null;
  return `${y}-${String(m).padStart(2, '0')}`;
}

export const ANNUAL_KINDS: ReportKind[] = ['commune_annual'];
export const isAnnual = (k: ReportKind) => ANNUAL_KINDS.includes(k);

/**
 * The due date (YYYY-MM-DD) of the report of a period under a rule, as src/core/reporting.cpp
 * DueDate computes it: day `due_day` (null: the last) of the period's month or the next one; an
 * annual report in month `due_month` (null: December) of its year; the day clamped to the month.
 */
export function dueDate(kind: ReportKind, year: number, month: number, rule: Pick<ReportingRule, 'due_day' | 'month_offset' | 'due_month'>): string {
  let y = year;
  let m: number;
  if (isAnnual(kind)) {
    m = rule.due_month ?? 12;
  } else {
    m = month + (rule.month_offset ?? 0);
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = rule.due_day == null ? last : Math.min(rule.due_day, last);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * May the account change the unit itself (rename, move, merge away, split, dissolve)? The server
 * asks for the right to manage the unit it sits in: for a province, the whole country (admin).
 */
export function canChangeUnit(pathIds: number[]): boolean {
  if (pathIds.length <= 1) return isAdmin();
  return canManageUnit(pathIds.slice(0, -1));
}

/** Which kinds of unit a unit of `kind` may sit under (src/core/unit.cpp CheckParent). */
export function parentKinds(kind: string): string[] {
  switch (kind) {
    case 'district':
      return ['province'];
    case 'commune':
      return ['district', 'province'];
    case 'village':
      return ['commune'];
    default:
      return [];
  }
}
