#!/usr/bin/env node
'use strict';
/**
 * Builds the example workbooks in examples/ from the two seed documents in examples/seeds/,
 * exactly as written (odd characters included), the way council officers lay such plans out
 * in Excel. Run: npm run examples. ExcelJS is used here only as a writing tool.
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const ROOT = path.join(__dirname, '..');
const SEEDS = path.join(ROOT, 'examples', 'seeds');
const OUT = path.join(ROOT, 'examples');
const FIXED = new Date(Date.UTC(2026, 10, 1));
const RAG_FILL = { 'Not Started': 'FFBFBFBF', Concern: 'FFC00000', Caution: 'FFFFC000', 'On Target': 'FF00B050', Complete: 'FF0070C0' };

function book() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanCheck examples';
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const MONTHS = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };

/** Seed 000: workstreams, each with numbered actions. */
function readActionPlan() {
  const lines = fs.readFileSync(path.join(SEEDS, '000_d21472b583a0ec77.txt'), 'utf8').split('\n');
  const title = lines[0].trim();
  const blocks = [];
  let heading = null;
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    // Word splits the merged "Actions Proposed" header cell: "Actio\tns", "Actio\tons", "Acti\tons".
    if (/^Act[io\t]*ns Proposed/.test(line)) {
      blocks.push({ heading, continued: /Continued from previous page/.test(line), actions: [] });
      continue;
    }
    if (/^Continued overleaf$/.test(line.trim())) {
      blocks[blocks.length - 1].overleaf = true;
      continue;
    }
    const m = /^(\d+)\t(.*)$/.exec(line);
    if (m && blocks.length) {
      const [desc, timescale = '', lead = '', ref = ''] = m[2].split('\t');
      blocks[blocks.length - 1].actions.push({ number: Number(m[1]), desc, timescale, lead, ref });
      continue;
    }
    heading = line;
  }
  return { title, blocks };
}

async function actionPlanBlocks() {
  const { title, blocks } = readActionPlan();
  const wb = book();
  const ws = wb.addWorksheet('Action Plan', { pageSetup: { orientation: 'landscape', fitToWidth: 1 } });
  ws.columns = [{ width: 6 }, { width: 70 }, { width: 22 }, { width: 24 }, { width: 16 }];
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const b of blocks) {
    const h = ws.addRow([b.heading]);
    ws.mergeCells(h.number, 1, h.number, 5);
    h.font = { bold: true };
    h.alignment = { wrapText: true, vertical: 'top' };
    h.height = 32;
    const header = ws.addRow(['No.', b.continued ? 'Actions Proposed (Continued from previous page)' : 'Actions Proposed', 'Timescales', 'Lead Officer', 'Report Ref']);
    header.font = { bold: true };
    header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } }));
    for (const a of b.actions) {
      // Report refs are typed as text except a plain page number, as officers do.
      const ref = /^\d+$/.test(a.ref.trim()) ? Number(a.ref.trim()) : a.ref;
      const r = ws.addRow([a.number, a.desc, a.timescale, a.lead, ref === '' ? null : ref]);
      r.alignment = { wrapText: true, vertical: 'top' };
    }
    ws.addRow([]);
    if (b.overleaf) {
      ws.addRow(['Continued overleaf']).font = { italic: true };
      ws.addRow([]);
    }
  }
  await wb.xlsx.writeFile(path.join(OUT, 'best-value-action-plan.xlsx'));
  return blocks;
}

async function actionPlanFlat(blocks) {
  const wb = book();
  const ws = wb.addWorksheet('Actions');
  ws.columns = [{ width: 40 }, { width: 6 }, { width: 60 }, { width: 20 }, { width: 22 }, { width: 14 }, { width: 11 }, { width: 9 }, { width: 40 }];
  ws.addRow(['Best Value Audit Action Plan: progress tracker (synthetic progress, see examples/README.md)']).font = { bold: true };
  ws.addRow(['Report Date:', utc(2020, 6, 1)]);
  ws.getCell('B2').numFmt = 'dd/mm/yyyy';
  ws.addRow([]);
  const header = ws.addRow(['Workstream', 'No.', 'Action', 'Target Date', 'Owner', 'Report Ref', '% Complete', 'RAG', 'Commentary']);
  header.font = { bold: true };
  // Synthetic progress: realistic mix, and one of each problem the checker should find.
  const progress = (w, i) => [100, 60, 0, 40, null, 25, 80, 100, 10, 50][(w * 3 + i) % 10];
  const merged = new Map();
  blocks
    .filter((b) => !b.continued)
    .forEach((b, w) => {
      const actions = b.actions.concat(blocks.filter((x) => x.continued && x.heading === b.heading).flatMap((x) => x.actions));
      const first = ws.rowCount + 1;
      actions.forEach((a, i) => {
        const single = /^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{2})$/.exec(a.timescale.trim());
        const target = single ? utc(2000 + Number(single[3]), MONTHS[single[2]], Number(single[1])) : a.timescale;
        const pct = progress(w, i);
        // Stated RAG as an officer would colour it: Blue when done, Red when plainly late, else Green.
        const late = single && target < utc(2020, 6, 1);
        const stated = pct === 100 ? 'Blue' : pct === null ? '' : late ? 'Red' : 'Green';
        const r = ws.addRow([i === 0 ? b.heading : null, a.number, a.desc.trim(), target, a.lead, a.ref || null, pct, stated, '']);
        if (single) r.getCell(4).numFmt = 'd-mmm-yy';
      });
      merged.set(first, ws.rowCount);
    });
  for (const [top, bottom] of merged) if (bottom > top) ws.mergeCells(top, 1, bottom, 1);
  ws.getColumn(1).alignment = { vertical: 'top', wrapText: true };
  // The problems a reviewer would find by eye, planted on purpose and listed in examples/README.md.
  ws.getCell('G6').value = 110; // impossible percentage
  ws.getCell('G7').value = { formula: 'F7/0', result: { error: '#DIV/0!' } }; // formula error
  ws.getCell('G8').value = 40;
  ws.getCell('H8').value = 'Green'; // stated Green, but the target passed with 40% done
  ws.getCell('E9').value = null; // no owner
  ws.getCell('B10').value = 2; // duplicate number in the same workstream
  ws.getCell('I5').value = 'PSIF adopted by CMT on 12 March.';
  await wb.xlsx.writeFile(path.join(OUT, 'action-plan-flat.xlsx'));
}

/**
 * Seed 002: a strategic summary, one workstream per row, with metadata and lists. `version`
 * rewrites it as an earlier committee's edition (for the compare examples).
 */
async function strategicSummary(version = null) {
  let lines = fs.readFileSync(path.join(SEEDS, '002_3babc84f93c8c00a.txt'), 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  if (version) lines = version.edit(lines);
  const ref = version ? version.ref : 'MC 002';
  const wb = book();
  const ws = wb.addWorksheet(ref, { pageSetup: { orientation: 'landscape', fitToWidth: 1 } });
  ws.columns = [{ width: 10 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 9 }, { width: 40 }, { width: 70 }, { width: 40 }];
  ws.addRow([lines[0].trim()]).font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow(['BVAR Strategic Summary Progress Update']).font = { bold: true };
  ws.addRow(['Committee Report Ref:', ref]);
  ws.addRow(['Report Date:', version ? version.reportDate : utc(2021, 3, 1)]);
  ws.getCell('B5').numFmt = 'dd/mm/yy';
  ws.addRow(['Committee Date:', version ? version.committeeDate : utc(2021, 3, 10)]);
  ws.getCell('B6').numFmt = 'dd/mm/yyyy';
  ws.addRow([]);
  const key = ws.addRow(['Key', 'Not Started', 'Concern', 'Caution', 'On Target', 'Complete']);
  ['Not Started', 'Concern', 'Caution', 'On Target', 'Complete'].forEach((l, i) => {
    key.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RAG_FILL[l] } };
  });
  const headerIndex = lines.findIndex((l) => l.startsWith('RAG\t% Completed'));
  const header = ws.addRow(lines[headerIndex].split('\t'));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (let i = headerIndex + 1; i < lines.length && lines[i].trim(); i++) {
    const [rag, pct, target, lead, priority, workstream, update, decisions] = lines[i].split('\t');
    // As typed: numbers, a percent-formatted fraction for "35%", text for the second "50%".
    let percent = pct;
    if (/^\d+$/.test(pct)) percent = Number(pct);
    else if (pct === '35%') percent = 0.35;
    const r = ws.addRow([rag || null, percent, target, lead, priority ? Number(priority) : null, workstream, update, decisions || null]);
    if (pct === '35%') r.getCell(2).numFmt = '0%';
    r.alignment = { wrapText: true, vertical: 'top' };
  }
  ws.addRow([]);
  const issuesKey = lines.findIndex((l) => l.startsWith('Key\tIssues'));
  ws.addRow(lines[issuesKey].split('\t').filter(Boolean));
  const listHeader = ws.addRow(['No.', 'Issues / Major Risks / Change Requests', 'No.', 'Targets for Next Period']);
  listHeader.font = { bold: true };
  for (let i = issuesKey + 2; i < lines.length && /^\d+\t/.test(lines[i]); i++) {
    const [n1, issue, n2, target] = lines[i].split('\t');
    const r = ws.addRow([Number(n1), issue || null, Number(n2), target ? target.trim() : null]);
    r.alignment = { wrapText: true, vertical: 'top' };
  }
  ws.addRow([]);
  const ps = lines.findIndex((l) => l.trim() === 'Programme Summary');
  ws.addRow(['Programme Summary']).font = { bold: true };
  const para = lines.slice(ps + 1).find((l) => l.trim());
  const p = ws.addRow([para.trim()]);
  ws.mergeCells(p.number, 1, p.number, 8);
  p.alignment = { wrapText: true, vertical: 'top' };
  p.height = 45;
  await wb.xlsx.writeFile(version ? version.file : path.join(OUT, 'strategic-summary-mc002.xlsx'));
}

/**
 * The committee before MC 002 (MC 001, December 2020), reconstructed the way the seed's own
 * Decisions and Change Requests describe it: transformational change was due April 2021
 * before "1.3.21: Change target date to May 2021"; the governance review was due March 2021;
 * Financial Planning had another lead; educational attainment was reported at 45%.
 */
const MC001 = {
  ref: 'MC 001',
  file: path.join(OUT, 'compare', 'strategic-summary-mc001.xlsx'),
  reportDate: utc(2020, 12, 1),
  committeeDate: utc(2020, 12, 9),
  edit(lines) {
    const rows = {
      'Increase the pace of Transformational Change': { pct: '60', target: 'April 2021', decisions: '' },
      'Financial Planning': { pct: '20', lead: 'DCE (ECOD)' },
      'Implement the Elected Member Development Strategy': { pct: '20' },
      'Continue to progress the Governance Review': { pct: '40', target: 'March 2021' },
      'Improve Educational Attainment': { pct: '45' },
      'Improving satisfaction levels in Housing': { pct: '20', decisions: '' },
      'Continue working with CPP to determine clear outcomes and milestones and Performance reporting': { pct: '50' },
    };
    return lines.map((line) => {
      const f = line.split('\t');
      if (f.length < 8) {
        // The change request for Housing was raised at MC 002, not before.
        return /^6\t\(C\)/.test(line) ? line.replace(/^6\t[^\t]*/, '6\t') : line;
      }
      const e = rows[f[5]];
      if (!e) return line;
      if (e.pct !== undefined) f[1] = e.pct;
      if (e.target !== undefined) f[2] = e.target;
      if (e.lead !== undefined) f[3] = e.lead;
      if (e.decisions !== undefined) f[7] = e.decisions;
      return f.join('\t');
    });
  },
};

/**
 * Two versions of the same action plan, three months apart (seed 000's first four
 * workstreams, flat layout), with the edits officers really make between committees:
 * moved and twice-moved target dates (a "Revised Target Date" column), a removed action
 * and the renumbering after it, a reworded action, a whole workstream completed, changed
 * owners, progress that went backwards, an action added, and RAGs left green while the
 * dates slipped. Progress and RAG are synthetic (see examples/README.md).
 */
async function comparePair(blocks) {
  const workstreams = blocks
    .filter((b) => !b.continued)
    .slice(0, 4)
    .map((b) => ({
      title: b.heading,
      actions: b.actions.concat(blocks.filter((x) => x.continued && x.heading === b.heading).flatMap((x) => x.actions)),
    }));
  const asDate = (t) => {
    const m = /^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{2})$/.exec(t.trim());
    return m ? utc(2000 + Number(m[3]), MONTHS[m[2]], Number(m[1])) : t;
  };
  // Progress at June 2020, by workstream and action number.
  const june = [
    [100, 40, 60],
    [100, 50, 20, 60, 30, 50],
    [50, 100, 20, 10, 0, 30, 100, 10, 20, 40],
    [80, 50, 40],
  ];
  const previous = workstreams.map((w, i) =>
    w.actions.map((a, j) => ({ number: a.number, desc: a.desc.trim(), target: asDate(a.timescale), revised: null, lead: a.lead, pct: june[i][j] })),
  );
  const current = previous.map((list) => list.map((a) => ({ ...a })));
  const [ci, nhs, cpp, staff] = current;
  // Continuous improvement: action 2 slipped a quarter but is still reported green; action 3 done, one lead left it.
  ci[1].revised = utc(2020, 9, 30);
  ci[1].pct = 70;
  ci[2].lead = 'D Robertson';
  ci[2].pct = 100;
  // NHS Borders: the whole workstream completed; action 4's wording tidied.
  for (const a of nhs) a.pct = 100;
  nhs[3].desc = nhs[3].desc.replace('IJB Board ,', 'IJB Board,').replace('. improving', '. Improving');
  // CPP: action 2 dropped (merged into 3), the rest renumbered; 8 reworded; 6 re-scoped; a new action.
  cpp.splice(1, 1);
  cpp.forEach((a, k) => (a.number = k + 1));
  const promote = cpp.find((a) => a.desc.startsWith('Promote stakeholder'));
  promote.desc =
    'Promote stakeholder engagement through Area Partnerships and online community engagement events, with training on leadership and the national standards of engagement.';
  cpp.find((a) => a.desc.startsWith('Review Community Plan')).pct = 20;
  cpp.push({ number: cpp.length + 1, desc: 'Publish an annual Community Engagement report for members and the CPP Strategic Board.', target: utc(2021, 3, 31), revised: null, lead: 'J Craig', pct: 0 });
  // Staff consultation: action 1 moved twice; action 2 has a new owner; action 3 done.
  staff[0].revised = '31 Dec 20 (revised from 30 Sep 20)';
  staff[1].lead = 'C Hepburn';
  staff[2].pct = 100;

  const write = async (file, reportDate, version, withRevised) => {
    const wb = book();
    const ws = wb.addWorksheet('Actions');
    ws.addRow([`Best Value Audit Action Plan: progress tracker (synthetic progress, see examples/README.md)`]).font = { bold: true };
    ws.addRow(['Report Date:', reportDate]);
    ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    ws.addRow([]);
    const head = ['Workstream', 'No.', 'Action', 'Target Date', ...(withRevised ? ['Revised Target Date'] : []), 'Owner', '% Complete', 'RAG'];
    ws.addRow(head).font = { bold: true };
    ws.columns = head.map((h) => ({ width: h === 'Action' || h === 'Workstream' ? 50 : 14 }));
    version.forEach((list, i) => {
      const first = ws.rowCount + 1;
      list.forEach((a, j) => {
        const target = a.revised ?? a.target;
        // The officer's RAG: Blue when done, Red when the date in front of them has passed, else Green.
        const late = target instanceof Date && target < reportDate;
        const stated = a.pct === 100 ? 'Blue' : late ? 'Red' : 'Green';
        const row = ws.addRow([j === 0 ? workstreams[i].title : null, a.number, a.desc, a.target, ...(withRevised ? [a.revised] : []), a.lead, a.pct, stated]);
        if (a.target instanceof Date) row.getCell(4).numFmt = 'd-mmm-yy';
        if (withRevised && a.revised instanceof Date) row.getCell(5).numFmt = 'd-mmm-yy';
        row.alignment = { wrapText: true, vertical: 'top' };
      });
      if (ws.rowCount > first) ws.mergeCells(first, 1, ws.rowCount, 1);
    });
    await wb.xlsx.writeFile(file);
  };
  await write(path.join(OUT, 'compare', 'action-plan-2020-06.xlsx'), utc(2020, 6, 1), previous, false);
  await write(path.join(OUT, 'compare', 'action-plan-2020-09.xlsx'), utc(2020, 9, 1), current, true);
}

/** A small plan saved with the 1904 date system (old Mac workbooks), real date cells. */
async function plan1904() {
  const wb = book();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Plan');
  ws.addRow(['Report Date:', utc(2021, 3, 1)]);
  ws.getCell('B1').numFmt = 'dd/mm/yyyy';
  ws.addRow(['Workstream', 'No.', 'Action', 'Target Date', 'Lead Officer', '% Complete']);
  const rows = [
    ['Financial Planning', 1, 'Draft medium term financial strategy', utc(2021, 2, 28), 'DCE (EEF)', 60],
    ['Financial Planning', 2, 'Agree prioritisation of investment templates', utc(2021, 3, 20), 'DCE (EEF)', 20],
    ['Governance Review', 1, 'Review second tier governance documents', utc(2021, 6, 30), 'H/GSP', 30],
    ['Governance Review', 2, 'Decide committee structure', utc(2021, 4, 30), 'H/GSP', 0],
    ['Member Development', 1, 'Launch development framework', utc(2020, 12, 31), 'H/HR ICT & OD', 100],
  ];
  for (const r of rows) ws.addRow(r).getCell(4).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(path.join(OUT, 'action-plan-1904.xlsx'));
}

(async () => {
  const blocks = await actionPlanBlocks();
  await actionPlanFlat(blocks);
  await strategicSummary();
  await plan1904();
  fs.mkdirSync(path.join(OUT, 'compare'), { recursive: true });
  await strategicSummary(MC001);
  await comparePair(blocks);
  process.stdout.write(
    'Wrote examples/best-value-action-plan.xlsx, action-plan-flat.xlsx, strategic-summary-mc002.xlsx, action-plan-1904.xlsx,\n' +
      '  compare/strategic-summary-mc001.xlsx, compare/action-plan-2020-06.xlsx, compare/action-plan-2020-09.xlsx\n',
  );
})().catch((e) => {
  process.stderr.write(`make-examples: ${e.message}\n`);
  process.exit(1);
});
