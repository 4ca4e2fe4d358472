/**
 * A returned update form, filled in by a script as a lead would in Excel: only the cells the
 * form leaves unlocked can be typed in (a locked one is refused, as Excel refuses it).
 */
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';

/** One answer: a column of the form by its header, and the row by its place on the form (0 = first action) or by the plan row it is for. */
export interface Answer {
  row?: number;
  planRow?: number;
  column: string;
  value: string | number;
}

/** The form's bytes with the answers typed in. */
export async function fillForm(bytes: Uint8Array, answers: Answer[]): Promise<Uint8Array> {
  const wb = XlsxWorkbook.fromBytes(bytes);
  const sheet = (await wb.readGrid()).sheets.find((s) => s.name === 'Update')!;
  const header = sheet.rows.findIndex((r) => r?.some((c) => c?.value === '% Complete'));
  const col = (name: string) => sheet.rows[header]!.findIndex((c) => c?.value === name);
  const planRowCol = col('Key: Row');
  const formRow = (a: Answer) => {
    if (a.planRow === undefined) return header + 2 + (a.row ?? 0);
    const r = sheet.rows.findIndex((row, i) => i > header && row?.[planRowCol]?.value === a.planRow);
    if (r < 0) throw new Error(`plan row ${a.planRow} is not on this form`);
    return r + 1;
  };
  await wb.editCells(
    answers.map((a) => ({ sheet: 'Update', row: formRow(a), col: col(a.column), value: a.value })),
    { onProtected: 'unlocked-only' },
  );
  return wb.toBytes();
}
