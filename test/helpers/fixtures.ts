/** Real .xlsx files for tests, written with ExcelJS (a test-only tool) the way Excel users lay plans out. */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh temporary folder for one test file. */
export function tmpDir(prefix = 'plancheck-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A block-layout action plan (seed 000's shape) with a few real problems. */
export async function writeBlockPlan(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action Plan');
  ws.addRow(['Appendix 2 Best Value Audit Action Plan']);
  ws.addRow([]);
  ws.addRow(['Embed a culture of Continuous improvement by implementing a corporate approach to self evaluation and benchmarking']);
  ws.mergeCells('A3:E3');
  ws.addRow(['No.', 'Actions Proposed', 'Timescales', 'Lead Officer', 'Report Ref']);
  ws.addRow([1, 'Adopt PSIF as a corporate approach to self evaluation.', '31 Mar 20', 'J Craig', '']);
  ws.addRow([2, 'Review service self-evaluation arrangements.', '30 Jun 20', 'J Craig', 67]);
  ws.addRow([3, 'Incorporation of self-evaluation and benchmarking data.', '30 Apr 20', 'D Robertson / J Craig', '']);
  ws.addRow([]);
  ws.addRow(['Improve how the Community Planning Partnership involves communities']);
  ws.mergeCells('A9:E9');
  ws.addRow(['No.', 'Actions Proposed', 'Timescales', 'Lead Officer', 'Report Ref']);
  ws.addRow([5, 'Undertake an organisational review under Fit for 2024.', 'ТВС', 'J Craig', '']);
  ws.addRow([]);
  ws.addRow(['Continued overleaf']);
  ws.addRow([]);
  ws.addRow(['Improve how the Community Planning Partnership involves communities']);
  ws.mergeCells('A15:E15');
  ws.addRow(['No.', 'Actions Proposed (Continued from previous page)', 'Timescales', 'Lead Officer', 'Report Ref']);
  ws.addRow([6, 'Review Community Plan and Action Plan.', '30 Jun 20 31 Mar 20', 'J Craig', '']);
  ws.addRow([7, 'Completion of Locality Plans and Action Plans.', '31 Mar 20', '', '']);
  ws.addRow([8, '=SUM(A1:A2) is text someone typed', 'Start now / ongoing', 'C Hepburn', '133 - 144']);
  await wb.xlsx.writeFile(file);
}

/** A workstream-rows summary (seed 002's shape) with report metadata. */
export async function writeSummaryPlan(file: string, opts: { userSummarySheet?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('MC 002');
  ws.addRow(['Best Value Assurance Strategic Action Plan: MC 002']);
  ws.addRow(['BVAR Strategic Summary Progress Update']);
  ws.addRow(['Committee Report Ref:', 'MC 002']);
  ws.addRow(['Report Date:', new Date(Date.UTC(2021, 2, 1))]);
  ws.getCell('B4').numFmt = 'dd/mm/yy';
  ws.addRow(['Committee Date:', new Date(Date.UTC(2021, 2, 10))]);
  ws.getCell('B5').numFmt = 'dd/mm/yyyy';
  ws.addRow([]);
  ws.addRow(['RAG', '% Completed', 'Target Date', 'Lead', 'Priority', 'Workstreams (BV Recommendations)', 'Status Update', 'Decisions Required/Made by cmt/smt']);
  ws.addRow(['', 70, 'May 2021', 'DCE (ECOD)', 1, 'Increase the pace of Transformational Change', 'Work on investment options has advanced.', '1.3.21: Change target date to May 2021']);
  ws.addRow(['', 50, 'July 2021', 'H/GSP', 2, 'Improve Performance Management reporting', '+44 slippage noted', '']);
  ws.addRow(['', 0.35, 'Feb 2022', 'DCE (EEF)', 1, 'Financial Planning', '=A1 stays text', '']);
  ws.getCell('B10').numFmt = '0%';
  ws.addRow(['Green', 30, 'Dec 2020', 'н/н&Р', 5, 'Improving satisfaction levels in Housing', 'Good progress being made.', '']);
  ws.addRow(['', '50%', 'Oct 2021', '', 1, 'Accounts Commission Findings: Need for clear committed and decisive leadership', '', '']);
  ws.addRow([]);
  ws.addRow(['Key', 'Issues (I) Major Risks (R) Change Request (C)']);
  ws.addRow(['', 'Issues / Major Risks / Change Requests', '', 'Targets for Next Period']);
  ws.addRow([1, '(I) Increase the pace of transformational change: main issue is emerging work', 1, 'Lead officers to continue to define benefits']);
  ws.addRow([2, '(R) Vacancy for H/Transformation and Inclusion Manager', 2, 'Detailed plan finalised and agreed']);
  ws.addRow([]);
  ws.addRow(['Programme Summary']);
  ws.addRow(['There is progress in all areas but timescales have been revised.']);
  if (opts.userSummarySheet) {
    const mine = wb.addWorksheet('Strategic Summary');
    mine.addRow(['My own notes: do not overwrite']);
  }
  await wb.xlsx.writeFile(file);
}

/** Reads a workbook back with ExcelJS: sheet name -> rows of values (as ExcelJS reports them). */
export async function readBack(file: string): Promise<Map<string, ExcelJS.Worksheet>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return new Map(wb.worksheets.map((w) => [w.name, w]));
}
