/** Excel number format codes: which ones show dates, which show percentages. */

/**
 * Built-in number formats (ECMA-376 §18.8.30), with the locale-dependent date ids shown the
 * way a UK Excel shows them. Ids absent here (and from a workbook's own list) are General.
 */
const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"£"#,##0;\\-"£"#,##0',
  6: '"£"#,##0;[Red]\\-"£"#,##0',
  7: '"£"#,##0.00;\\-"£"#,##0.00',
  8: '"£"#,##0.00;[Red]\\-"£"#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'dd/mm/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'dd/mm/yyyy hh:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The format code of one of Excel's built-in numFmtIds (14 is the locale's short date). */
export function builtinFormatCode(id: number): string | undefined {
  if (BUILTIN[id] !== undefined) return BUILTIN[id];
  // East Asian locale ids are dates (or times) in the locales that write them.
  if ((id >= 27 && id <= 31) || (id >= 50 && id <= 58)) return 'dd/mm/yyyy';
  if (id >= 32 && id <= 35) return 'h:mm:ss';
  return undefined;
}

/** The code without quoted text, escapes, [colour]/[$-809] sections and fill characters. */
function bare(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

/** True when the format shows a calendar date (not General, numbers, or time only). */
export function isDateFormat(code: string): boolean {
  if (typeof code !== 'string') return false;
  // Only the first section (positive numbers) decides how a date shows.
  const b = bare(code.split(';')[0]).toLowerCase();
  if (!b || b === 'general' || b === '@') return false;
  return /[dy]/.test(b) || /(^|[^h:])m{3,}/.test(b) || (/m/.test(b) && !/[hs:]/.test(b) && !/[0#?]/.test(b));
}

/** True when the format multiplies by 100 and shows a percent sign. */
export function isPercentFormat(code: string): boolean {
  return typeof code === 'string' && bare(code).includes('%');
}
