/**
 * The report's hand-written JSON items (src/core/reportJson.ts): each item is the text
 * `JSON.stringify(report, null, 2)` gives it, for the schema's shapes and for anything else.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check';
import { FINDING_CODES, type FindingItem, makeFinding, renderFinding } from '../../src/core/findings';
import { ActionSchema, FindingSchema, WorkstreamSchema } from '../../src/core/model';
import {
  ACTION_KEYS,
  FINDING_KEYS,
  JSON_TEXT,
  WORKSTREAM_KEYS,
  actionJson,
  findingJson,
  jsonString,
  reportItemJson,
  workstreamJson,
} from '../../src/core/reportJson';
import { resolveSettings } from '../../src/core/settings';
import { sheet, workbook } from '../helpers/grid';

/** An item as JSON.stringify(value, null, 2) writes it in a top-level array (4 spaces in). */
const stringified = (item: unknown) => {
  const s = JSON.stringify({ items: [item] }, null, 2);
  return s.slice('{\n  "items": [\n    '.length, s.length - '\n  ]\n}'.length);
};

// Text by code units, so lone surrogates, controls, quotes and backslashes all turn up.
const units = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0x22, 0x5c, 0x0a, 0x09, 0x1f, 0x7f, 0x2028, 0xd83d, 0xde00, 0xdfff, 0x41),
    ),
    {
      maxLength: 20,
    },
  )
  .map((cs) => String.fromCharCode(...cs));

const ODD_TEXT = [
  'Say "hi" \\ back',
  'new\nline\ttab\r\b\f\u0000\u001f\u007f',
  'lone \ud800 high, lone \udc00 low, pair \u{1F600}',
  'Прогресс у ТВС',
  '</script><script>alert(1)</script>',
  '\u2028\u2029',
  '',
];

describe('jsonString', () => {
  it.each(ODD_TEXT)('%j is JSON.stringify’s text', (s) => {
    expect(jsonString(s)).toBe(JSON.stringify(s));
  });

  it('is JSON.stringify’s text for any string of UTF-16 code units', () => {
    fc.assert(
      fc.property(units, (s) => jsonString(s) === JSON.stringify(s)),
      { numRuns: 5000 },
    );
  });
});

describe('the key lists the templates write', () => {
  it('are the schema’s, in its order', () => {
    expect(ACTION_KEYS).toEqual(Object.keys(ActionSchema.shape));
    expect(WORKSTREAM_KEYS).toEqual(Object.keys(WorkstreamSchema.shape));
    expect(FINDING_KEYS).toEqual(Object.keys(FindingSchema.shape));
  });

  it('are the checker’s: a real report takes the templates, not the generic path', () => {
    const r = checkWorkbook(
      workbook(
        sheet('Plan', [
          ['Workstream', 'No.', 'Action', 'Target Date', 'Owner', '% Complete'],
          ['Finance', 1, 'Draft', '31 Mar 21', '', 50],
        ]),
      ),
      { file: 'x.xlsx', asOf: '2021-06-01', today: '2021-06-01', settings: resolveSettings({}) },
    ).report;
    expect(Object.keys(r.actions[0])).toEqual(ACTION_KEYS);
    expect(Object.keys(r.workstreams[0])).toEqual(WORKSTREAM_KEYS);
    expect(Object.keys(JSON.parse(JSON.stringify(r.findings[0])))).toEqual(FINDING_KEYS);
  });

  it('maps the report’s arrays to their writers and nothing else', () => {
    expect(reportItemJson('actions')).toBe(actionJson);
    expect(reportItemJson('workstreams')).toBe(workstreamJson);
    expect(reportItemJson('findings')).toBe(findingJson);
    expect(reportItemJson('changes')).toBeUndefined();
    expect(reportItemJson('counts')).toBeUndefined();
  });
});

const action = {
  sheet: 'Plan',
  row: 4,
  workstream: 'Finance',
  number: 3,
  description: 'Draft the strategy',
  timescale: 'Agree approach 30 Mar 21 31 Mar 21',
  targetDate: '2021-03-31',
  milestones: [
    { date: '2021-03-30', label: 'Agree approach' },
    { date: '2021-03-31', label: null },
  ],
  targetHistory: ['2021-01-31'],
  leads: ['DCE', 'J Smith'],
  reportRefs: '',
  percent: null,
  statedRag: 'On Target',
  previousStatedRag: null,
  status: 'started',
  rag: 'Concern',
  ragReason: 'target passed',
};

const workstream = {
  sheet: 'Plan',
  row: 2,
  title: 'Finance',
  leads: [],
  targetDate: null,
  targetHistory: ['2020-12-31', '2021-01-31'],
  percent: 0,
  priority: 'High',
  statedRag: null,
  status: null,
  rag: 'Not Started',
  ragReason: 'no actions',
  statusUpdate: 'On "track"',
  decisions: null,
  actionCount: 0,
};

const finding = makeFinding(
  'missing-owner',
  { sheet: 'Plan "Q1" \\ ТВС', row: 4, col: 27 },
  { kind: 'action', index: 0, number: '3', workstream: 'Finance "core"', row: 4 },
);

/** The same object with its keys in another order, or one left out or added. */
const without = (o: object, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
const reordered = (o: object) => Object.fromEntries(Object.entries(o).reverse());

describe('items of the expected shape', () => {
  it.each(ODD_TEXT)('an action, a workstream and a finding with %j in their text', (text) => {
    const a = {
      ...action,
      sheet: text,
      workstream: text,
      description: text,
      leads: [text, text],
      milestones: [{ date: '2021-03-30', label: text }],
    };
    expect(actionJson(a)).toBe(stringified(a));
    const w = { ...workstream, title: text, statusUpdate: text, leads: [text] };
    expect(workstreamJson(w)).toBe(stringified(w));
    const f = makeFinding('unknown-rag', { sheet: text, row: 9, col: 2 }, { kind: 'workstream', index: 0, title: text }, { text });
    expect(findingJson(f)).toBe(stringified(f));
  });

  it('a stored finding is its toJSON, with an unusual sheet name and a far column', () => {
    expect(findingJson(finding)).toBe(stringified(finding));
    expect(findingJson(finding)).toContain('"cell": "AB4"');
  });

  it('any action of the schema’s shape, with any text and numbers', () => {
    const text = fc.oneof(units, fc.constantFrom(...ODD_TEXT));
    const num = fc.oneof(fc.integer(), fc.double(), fc.constant(-0));
    fc.assert(
      fc.property(
        text,
        num,
        fc.oneof(num, text, fc.constant(null)),
        fc.option(num, { nil: null }),
        fc.array(text, { maxLength: 3 }),
        fc.array(fc.record({ date: text, label: fc.option(text, { nil: null }) }), { maxLength: 3 }),
        (s, row, number, percent, leads, milestones) => {
          const a = { ...action, sheet: s, row, number, description: s, percent, leads, targetHistory: leads, milestones, ragReason: s };
          return actionJson(a) === stringified(a);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('messages written straight into the JSON', () => {
  // A stored finding's message is written already escaped (JSON_TEXT), not built and then
  // escaped: for every code, with any text in its item and facts, it is JSON.stringify's text.
  const text = fc.oneof(units, fc.constantFrom(...ODD_TEXT));
  const num = fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constant(1), fc.double());
  const item: fc.Arbitrary<FindingItem> = fc.oneof(
    fc.record({ kind: fc.constant('action' as const), index: fc.nat(), number: text, workstream: text, row: fc.nat() }),
    fc.record({ kind: fc.constant('workstream' as const), index: fc.nat(), title: text }),
    fc.record({ kind: fc.constant('meta' as const), label: text }),
  );
  const facts = fc.record(
    {
      field: text,
      text,
      target: fc.oneof(fc.constantFrom('2021-03-31', '2020-02-29'), text),
      percent: fc.option(num, { nil: null }),
      days: num,
      lead: text,
      stated: text,
      computed: text,
      reason: text,
      read: text,
      detail: text,
      number: text,
      rows: text,
      count: num,
    },
    { requiredKeys: [] },
  );

  it.each(FINDING_CODES)('%s, with any text in its item and facts', (code) => {
    fc.assert(
      fc.property(item, facts, (it, fs) => {
        const f = makeFinding(code, { sheet: 'Plan', row: 3, col: 1 }, it, fs);
        return `"${renderFinding(f, JSON_TEXT)}"` === JSON.stringify(f.message) && findingJson(f) === stringified(f);
      }),
      { numRuns: 300 },
    );
  });

  it('the same item twice in a row, then another: each message names its own item', () => {
    const a: FindingItem = { kind: 'action', index: 0, number: '1', workstream: 'Say "hi"', row: 2 };
    const b: FindingItem = { kind: 'action', index: 1, number: '2', workstream: 'Say "hi"', row: 3 };
    const [f1, f2, f3] = [a, a, b].map((i) => makeFinding('missing-owner', { sheet: 'Plan', row: 2, col: 0 }, i, {}));
    expect([f1, f2, f3].map((f) => renderFinding(f, JSON_TEXT))).toEqual([
      'Action 1 of \\"Say \\"hi\\"\\" has no lead officer: name who owns it.',
      'Action 1 of \\"Say \\"hi\\"\\" has no lead officer: name who owns it.',
      'Action 2 of \\"Say \\"hi\\"\\" has no lead officer: name who owns it.',
    ]);
    expect(f3.message).toBe('Action 2 of "Say "hi"" has no lead officer: name who owns it.');
  });
});

describe('anything else: the generic path, the same text', () => {
  it.each<[string, unknown]>([
    ['an extra key', { ...action, extra: 'x' }],
    ['a key missing', without(action, 'percent')],
    ['keys in another order', reordered(action)],
    ['an undefined value (left out)', { ...action, percent: undefined }],
    ['NaN and Infinity (null)', { ...action, percent: NaN, row: Infinity }],
    ['leads not an array', { ...action, leads: 'DCE' }],
    ['a hole in the leads (null)', { ...action, leads: [, 'DCE'] }], // eslint-disable-line no-sparse-arrays
    ['a number in the leads', { ...action, leads: [1, 'DCE'] }],
    ['a milestone with an extra key', { ...action, milestones: [{ date: '2021-01-01', label: null, x: 1 }] }],
    ['a milestone that is not an object', { ...action, milestones: ['2021-01-01'] }],
    ['an object for a string', { ...action, description: { text: 'x' } }],
    ['a Date for a date (its toJSON)', { ...action, targetDate: new Date(Date.UTC(2021, 2, 31)) }],
    ['an own toJSON', { ...action, toJSON: () => 'replaced' }],
    ['a hidden toJSON of its own', Object.defineProperty({ ...action }, 'toJSON', { value: () => 'replaced' })],
    [
      'a milestone with a hidden toJSON',
      { ...action, milestones: [Object.defineProperty({ date: '2021-01-01', label: null }, 'toJSON', { value: () => 1 })] },
    ],
    ['leads with a hidden toJSON', { ...action, leads: Object.defineProperty(['DCE'], 'toJSON', { value: () => 'none' }) }],
    ['a class instance', Object.assign(Object.create({ inherited: 1 }), action)],
    ['a null-prototype object', Object.assign(Object.create(null), action)],
    ['an array', [action]],
    ['a string', 'text'],
    ['null', null],
    ['undefined (null in an array)', undefined],
  ])('an action with %s', (_what, a) => {
    expect(actionJson(a)).toBe(stringified(a));
  });

  it.each<[string, unknown]>([
    ['an extra key', { ...workstream, extra: 1 }],
    ['a key missing', without(workstream, 'priority')],
    ['keys in another order', reordered(workstream)],
    ['an undefined value', { ...workstream, decisions: undefined }],
    ['NaN', { ...workstream, actionCount: NaN }],
    ['targetHistory an object, not an array', { ...workstream, targetHistory: { 0: '2021-01-01' } }],
  ])('a workstream with %s', (_what, w) => {
    expect(workstreamJson(w)).toBe(stringified(w));
  });

  it.each<[string, unknown]>([
    ['plain, as JSON.parse gives it', JSON.parse(JSON.stringify(finding))],
    ['plain, with odd text', { ...JSON.parse(JSON.stringify(finding)), cell: 'A"1', code: 'x\\y' }],
    ['plain, with an extra key', { ...JSON.parse(JSON.stringify(finding)), item: { kind: 'meta' } }],
    ['plain, with a key missing', without(JSON.parse(JSON.stringify(finding)), 'cell')],
    ['stored, with a NaN row', makeFinding('missing-owner', { sheet: 'Plan', row: NaN, col: 0 }, finding.item)],
    ['stored, with a column that is not a whole number', makeFinding('missing-owner', { sheet: 'Plan', row: 2, col: 1.5 }, finding.item)],
    [
      'a copy with a toJSON of its own',
      Object.assign(Object.create(Object.getPrototypeOf(finding) as object), finding, { toJSON: () => ({ code: 'x' }) }),
    ],
    [
      'stored, with a hidden toJSON of its own',
      Object.defineProperty(makeFinding('overdue', { sheet: 'Plan', row: 2, col: 1 }, finding.item), 'toJSON', { value: () => 1 }),
    ],
    [
      'stored, with a severity of its own',
      Object.defineProperty(makeFinding('overdue', { sheet: 'Plan', row: 2, col: 1 }, finding.item), 'severity', { value: 'info' }),
    ],
    ['an object spread (no getters, no toJSON)', { ...finding }],
  ])('a finding %s', (_what, f) => {
    expect(findingJson(f)).toBe(stringified(f));
  });
});
