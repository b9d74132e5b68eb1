/**
 * Validators for billing codes, ICD-10-CM codes, modifiers and dates (SPEC 2.1).
 * Hand-written character checks: inputs can be arbitrarily long, so nothing here backtracks.
 */

const D0 = 48; // '0'
const D9 = 57; // '9'

function isDigit(c: number): boolean {
  return c >= D0 && c <= D9;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isUpperAlnum(c: number): boolean {
  return isDigit(c) || isUpper(c);
}

/** CPT: five digits, or four digits and `F` (Category II) / `T` (Category III). Upper case only. */
export function isCptCode(s: string): boolean {
  if (s.length !== 5) return false;
  for (let i = 0; i < 4; i++) if (!isDigit(s.charCodeAt(i))) return false;
  const last = s.charCodeAt(4);
  return isDigit(last) || last === 70 /* F */ || last === 84 /* T */;
}

/** HCPCS Level II: a letter `A`-`V` and four digits, e.g. `Q2028`. Upper case only. */
export function isHcpcsCode(s: string): boolean {
  if (s.length !== 5) return false;
  const first = s.charCodeAt(0);
  if (first < 65 || first > 86) return false; // A..V
  for (let i = 1; i < 5; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** A billable procedure code: CPT or HCPCS Level II. */
export function isProcedureCode(s: string): boolean {
  return isCptCode(s) || isHcpcsCode(s);
}

/**
 * ICD-10-CM shape `[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?`, the dot optional, any case
 * (`m340` is accepted and normalises to `M34.0`).
 */
export function isIcd10(s: string): boolean {
  const n = s.length;
  if (n < 3 || n > 8) return false;
  const u = s.toUpperCase();
  const c0 = u.charCodeAt(0);
  if (!isUpper(c0) || c0 === 85 /* U */) return false;
  if (!isDigit(u.charCodeAt(1)) || !isUpperAlnum(u.charCodeAt(2))) return false;
  if (n === 3) return true;
  let i = 3;
  if (u.charCodeAt(3) === 46 /* . */) {
    i = 4;
    if (n === 4) return false; // a dot must be followed by 1-4 characters
  } else if (n > 7) return false; // without the dot at most 4 more characters
  for (; i < n; i++) if (!isUpperAlnum(u.charCodeAt(i))) return false;
  return true;
}

/** Upper case with the dot after the third character (`m34` -> `M34`, `m340` -> `M34.0`). */
export function normalizeIcd10(s: string): string {
  const u = s.toUpperCase();
  if (!isIcd10(u)) return u;
  const bare = u.length > 3 && u.charCodeAt(3) === 46 ? u.slice(0, 3) + u.slice(4) : u;
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

/** Modifier: exactly two letters or digits (any case; callers upper-case it). */
export function isModifier(s: string): boolean {
  if (s.length !== 2) return false;
  const u = s.toUpperCase();
  return isUpperAlnum(u.charCodeAt(0)) && isUpperAlnum(u.charCodeAt(1));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` naming a real day of the (proleptic Gregorian) calendar, year 0001 or later. */
export function isValidDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(s.charCodeAt(i))) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return day <= max;
}

/** Why a date is not valid, for messages (`null` when it is valid). */
export function dateProblem(s: string): string | null {
  if (isValidDate(s)) return null;
  let shaped = s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (shaped && !isDigit(s.charCodeAt(i))) shaped = false;
  if (!shaped) return 'expected YYYY-MM-DD';
  const month = Number(s.slice(5, 7));
  if (month < 1 || month > 12) return 'month must be 01-12';
  if (Number(s.slice(0, 4)) < 1) return 'year must be 0001 or later';
  return 'that day does not exist in the calendar';
}

export const PROCEDURE_CODE_EXPECTED =
  'a CPT code (five digits, or four digits and F/T, e.g. 15773, 0489T) or a HCPCS code (a letter A-V and four digits, e.g. Q2028)';

export const ICD10_EXPECTED =
  'an ICD-10-CM code: a letter (not U), a digit, a letter or digit, then optionally "." and 1-4 letters or digits, e.g. M34.0';
