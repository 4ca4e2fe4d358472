/**
 * Synthetic plans for the benchmarks, reproducible from a fixed seed: block layout (a
 * heading, a header and numbered actions per workstream, leads merged down over runs of
 * actions) and flat layout (one action per row, the workstream merged down), with the
 * messiness of real plans: text dates in several forms, TBC in Cyrillic, blanks, % as text.
 */
import ExcelJS from 'exceljs';

/** Mulberry32: small, fast, and the same sequence everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIMESCALES = [
  '31 Mar 21',
  '30/06/2021',
  'May 2021',
  '30 Sep 21',
  'ТВС',
  'Start now / ongoing',
  '30 Jun 21 31 Mar 21',
  '31 Dec 21 / ongoing',
  '',
  'Q3 2021',
];
const LEADS = ['J Craig', 'D Robertson / J Craig', 'H/GSP', 'DCE (ECOD)', 'C Hepburn', '', 'R McCulloch- Graham'];
const WORDS =
  'review improve develop ensure deliver agree monitor report engage partnership performance budget service members staff community plan framework'.split(
    ' ',
  );

function sentence(r: () => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
}

/** Writes a plan of `actions` actions in the given layout to `file`. */
export async function writePlan(file: string, layout: 'blocks' | 'flat', actions: number, seed = 20211): Promise<void> {
  const r = rng(seed + actions + (layout === 'flat' ? 1 : 0));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Plan');
  const perWorkstream = 25;
  if (layout === 'flat') {
    ws.addRow(['Report Date:', '01/03/2021']);
    ws.addRow(['Workstream', 'No.', 'Action', 'Target Date', 'Owner', '% Complete', 'RAG', 'Commentary']);
    let row = 3;
    for (let i = 0; i < actions; i++) {
      const n = i % perWorkstream;
      const pct = r() < 0.1 ? '' : r() < 0.1 ? `${Math.floor(r() * 10) * 10}%` : Math.floor(r() * 11) * 10;
      ws.addRow([
        n === 0 ? `Workstream ${Math.floor(i / perWorkstream) + 1}: ${sentence(r, 6)}` : null,
        n + 1,
        sentence(r, 12),
        TIMESCALES[Math.floor(r() * TIMESCALES.length)],
        LEADS[Math.floor(r() * LEADS.length)],
        pct,
        ['Red', 'Amber', 'Green', '', 'Blue'][Math.floor(r() * 5)],
        r() < 0.5 ? sentence(r, 15) : '',
      ]);
      if (n === perWorkstream - 1 || i === actions - 1) {
        ws.mergeCells(row - n, 1, row, 1);
        // Rows can be streamed out only once their merges are declared.
        ws.getRow(row).commit();
      }
      row++;
    }
  } else {
    ws.addRow(['Synthetic action plan']);
    let row = 2;
    for (let i = 0; i < actions; i++) {
      const n = i % perWorkstream;
      if (n === 0) {
        ws.addRow([]);
        ws.addRow([`Workstream ${Math.floor(i / perWorkstream) + 1}: ${sentence(r, 10)}`]);
        ws.mergeCells(row + 1, 1, row + 1, 5);
        ws.addRow(['No.', 'Actions Proposed', 'Timescales', 'Lead Officer', 'Report Ref']);
        row += 3;
      }
      const lead = n % 3 === 0 ? LEADS[Math.floor(r() * LEADS.length)] : null;
      ws.addRow([
        n + 1,
        sentence(r, 14),
        TIMESCALES[Math.floor(r() * TIMESCALES.length)],
        lead,
        r() < 0.3 ? `${100 + n} - ${104 + n}` : null,
      ]);
      // A lead merged down over three actions owns all three.
      if (n % 3 === 2) {
        ws.mergeCells(row - 2, 4, row, 4);
        // Rows can be streamed out only once their merges are declared.
        ws.getRow(row).commit();
      }
      row++;
    }
  }
  ws.commit();
  await wb.commit();
}
