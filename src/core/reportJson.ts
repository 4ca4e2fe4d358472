/**
 * The report's JSON text (`validate --format json`), item by item: for the report's arrays of
 * workstreams, actions and findings, the exact text `JSON.stringify(report, null, 2)` gives
 * each item, written by hand for the shapes in model.ts. Stringifying 100,000 actions and their
 * findings generically is most of the time a big report takes to write; one template per item
 * takes about half of it. Whatever is not of the expected shape (a key more or less, keys in
 * another order, an undefined, NaN or an object where a string or number belongs) is
 * stringified generically, so the text is always JSON.stringify's.
 */
import { FINDING_SEVERITY, type MessageForm, isStoredFinding, renderFinding } from './findings';

/**
 * One item of a top-level array as `JSON.stringify(value, null, 2)` writes it there: from its
 * opening `{` to its closing `}`, the lines between indented for that depth (4 spaces and more).
 */
export type JsonItem = (item: unknown) => string;

/** An item as JSON.stringify writes it two levels in ("[\n  [\n    " … "\n  ]\n]" cut off). */
function generic(item: unknown): string {
  const s = JSON.stringify([[item]], null, 2);
  return s.slice(10, s.length - 6);
}

// Set by the value writers when a value is not one they write as JSON.stringify would: the
// item's text is then thrown away and the item stringified generically.
let odd = false;

// What JSON.stringify escapes besides '"' (QuoteJSONString): backslash, control characters,
// and lone surrogates (here any surrogate: text with a pair goes to JSON.stringify).
// eslint-disable-next-line no-control-regex
const ESCAPED = /[\\\u0000-\u001f\ud800-\udfff]/;
const QUOTES = /"/g;

/**
 * A string as JSON.stringify writes it. Most of the report's text (descriptions, reasons,
 * messages) has nothing to escape but quotes, and the test and quoting below are faster than
 * JSON.stringify, which leaves its fast path at the first quote.
 */
export function jsonString(s: string): string {
  if (ESCAPED.test(s)) return JSON.stringify(s);
  return s.indexOf('"') < 0 ? `"${s}"` : `"${s.replace(QUOTES, '\\"')}"`;
}

// Short text repeats through a report (leads, dates, RAG labels, statuses, timescales as
// typed): each is escaped once. Bounded, as a report may hold any number of different ones.
const SHORT = 40;
const MEMO_LIMIT = 20_000;

/** `escape`, remembered for strings of at most `longest` characters (the memo is bounded). */
function remembered(escape: (s: string) => string, longest: number): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    if (s.length > longest) return escape(s);
    let out = memo.get(s);
    if (out === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      out = escape(s);
      memo.set(s, out);
    }
    return out;
  };
}

/** A string as JSON.stringify writes it, remembered when short. */
const stringJson = remembered(jsonString, SHORT);

/** A string as JSON.stringify writes it inside its quotes. */
function jsonBody(s: string): string {
  if (ESCAPED.test(s)) {
    const j = JSON.stringify(s);
    return j.slice(1, j.length - 1);
  }
  return s.indexOf('"') < 0 ? s : s.replace(QUOTES, '\\"');
}

/**
 * Messages written straight into the report's JSON: what they take from the plan escaped as
 * JSON.stringify escapes it, and quotes as \". A message written so, between quotes, is
 * JSON.stringify of the message (the words between the pieces have nothing to escape).
 */
export const JSON_TEXT: MessageForm = {
  // The pieces of messages (names, dates, reasons) repeat: each short one is escaped once.
  text: remembered(jsonBody, 64),
  quote: '\\"',
};

/** A string, finite number, boolean or null, as JSON.stringify writes it. */
function scalar(v: unknown): string {
  if (typeof v === 'string') return stringJson(v);
  if (v === null) return 'null';
  // String(n) is JSON's text for every finite number (-0 included); NaN and ±Infinity are not.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  odd = true;
  return '';
}

// Every action of a flat plan is on one sheet, and a workstream's actions follow each other:
// their sheet name and workstream title are escaped once per run, not once per action.
let sheetIn: unknown;
let sheetOut = '';
let titleIn: unknown;
let titleOut = '';
function sheetText(v: unknown): string {
  if (typeof v !== 'string') return scalar(v);
  if (v !== sheetIn) {
    sheetIn = v;
    sheetOut = jsonString(v);
  }
  return sheetOut;
}
function titleText(v: unknown): string {
  if (typeof v !== 'string') return scalar(v);
  if (v !== titleIn) {
    titleIn = v;
    titleOut = jsonString(v);
  }
  return titleOut;
}

/** An object JSON.stringify replaces by what its toJSON gives (a Date; one set non-enumerable). */
const hasToJson = (o: object) => (o as { toJSON?: unknown }).toJSON !== undefined;

/**
 * A plain object whose own keys are exactly these, in this order: JSON.stringify writes just
 * them, in that order (no toJSON, no extra or missing key).
 */
function shaped(o: unknown, keys: readonly string[]): o is Record<string, unknown> {
  if (typeof o !== 'object' || o === null || Object.getPrototypeOf(o) !== Object.prototype || hasToJson(o)) return false;
  // for…in lists own keys first and in Object.keys' order, without making a list of them per
  // item; a key it lists that is not own (an enumerable key added to Object.prototype) only
  // sends the item to the generic path, which leaves such keys out.
  let i = 0;
  for (const k in o) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/** A list of strings (leads, dates) as an item's member: elements 8 spaces in, `]` 6. */
function list(v: unknown): string {
  if (!Array.isArray(v) || hasToJson(v)) {
    odd = true;
    return '';
  }
  if (v.length === 0) return '[]';
  let s = `[\n        ${scalar(v[0])}`;
  for (let i = 1; i < v.length; i++) s += `,\n        ${scalar(v[i])}`;
  return `${s}\n      ]`;
}

const MILESTONE_KEYS = ['date', 'label'] as const;

/** An action's milestones ({date, label}) as its member. */
function milestones(v: unknown): string {
  if (!Array.isArray(v) || hasToJson(v)) {
    odd = true;
    return '';
  }
  if (v.length === 0) return '[]';
  let s = '[';
  for (let i = 0; i < v.length; i++) {
    const m: unknown = v[i];
    if (!shaped(m, MILESTONE_KEYS)) {
      odd = true;
      return '';
    }
    s += `${i ? ',' : ''}\n        {\n          "date": ${scalar(m.date)},\n          "label": ${scalar(m.label)}\n        }`;
  }
  return `${s}\n      ]`;
}

/** ActionSchema's keys in the order the checker builds them (and the template below writes). */
export const ACTION_KEYS = [
  'sheet',
  'row',
  'workstream',
  'number',
  'description',
  'timescale',
  'targetDate',
  'milestones',
  'targetHistory',
  'leads',
  'reportRefs',
  'percent',
  'statedRag',
  'previousStatedRag',
  'status',
  'rag',
  'ragReason',
] as const;

/** One action of `report.actions`. */
export function actionJson(a: unknown): string {
  if (!shaped(a, ACTION_KEYS)) return generic(a);
  odd = false;
  const s = `{
      "sheet": ${sheetText(a.sheet)},
      "row": ${scalar(a.row)},
      "workstream": ${titleText(a.workstream)},
      "number": ${scalar(a.number)},
      "description": ${scalar(a.description)},
      "timescale": ${scalar(a.timescale)},
      "targetDate": ${scalar(a.targetDate)},
      "milestones": ${milestones(a.milestones)},
      "targetHistory": ${list(a.targetHistory)},
      "leads": ${list(a.leads)},
      "reportRefs": ${scalar(a.reportRefs)},
      "percent": ${scalar(a.percent)},
      "statedRag": ${scalar(a.statedRag)},
      "previousStatedRag": ${scalar(a.previousStatedRag)},
      "status": ${scalar(a.status)},
      "rag": ${scalar(a.rag)},
      "ragReason": ${scalar(a.ragReason)}
    }`;
  return odd ? generic(a) : s;
}

/** WorkstreamSchema's keys in the order the checker builds them (and the template below writes). */
export const WORKSTREAM_KEYS = [
  'sheet',
  'row',
  'title',
  'leads',
  'targetDate',
  'targetHistory',
  'percent',
  'priority',
  'statedRag',
  'status',
  'rag',
  'ragReason',
  'statusUpdate',
  'decisions',
  'actionCount',
] as const;

/** One workstream of `report.workstreams`. */
export function workstreamJson(w: unknown): string {
  if (!shaped(w, WORKSTREAM_KEYS)) return generic(w);
  odd = false;
  const s = `{
      "sheet": ${sheetText(w.sheet)},
      "row": ${scalar(w.row)},
      "title": ${scalar(w.title)},
      "leads": ${list(w.leads)},
      "targetDate": ${scalar(w.targetDate)},
      "targetHistory": ${list(w.targetHistory)},
      "percent": ${scalar(w.percent)},
      "priority": ${scalar(w.priority)},
      "statedRag": ${scalar(w.statedRag)},
      "status": ${scalar(w.status)},
      "rag": ${scalar(w.rag)},
      "ragReason": ${scalar(w.ragReason)},
      "statusUpdate": ${scalar(w.statusUpdate)},
      "decisions": ${scalar(w.decisions)},
      "actionCount": ${scalar(w.actionCount)}
    }`;
  return odd ? generic(w) : s;
}

/** FindingSchema's keys: the order StoredFinding's toJSON gives them (and the templates below write). */
export const FINDING_KEYS = ['code', 'severity', 'sheet', 'row', 'cell', 'message'] as const;

// A finding's first lines, by code: code and severity are [a-z-], and the code fixes the severity.
const FINDING_HEAD = new Map<unknown, { severity: string; head: string }>(
  Object.entries(FINDING_SEVERITY).map(([code, severity]) => [
    code,
    { severity, head: `{\n      "code": ${JSON.stringify(code)},\n      "severity": ${JSON.stringify(severity)},\n      "sheet": ` },
  ]),
);

/** One finding of `report.findings`: a stored finding (as its toJSON gives it) or a plain one. */
export function findingJson(f: unknown): string {
  if (isStoredFinding(f)) {
    const known = FINDING_HEAD.get(f.code);
    if (known && known.severity === f.severity && typeof f.sheet === 'string' && Number.isInteger(f.row) && Number.isInteger(f.col)) {
      // The cell is then an A1 address (letters, then the row's digits): nothing in it to escape.
      return `${known.head}${sheetText(f.sheet)},\n      "row": ${f.row},\n      "cell": "${f.cell}",\n      "message": "${renderFinding(f, JSON_TEXT)}"\n    }`;
    }
  } else if (shaped(f, FINDING_KEYS)) {
    odd = false;
    const s = `{
      "code": ${scalar(f.code)},
      "severity": ${scalar(f.severity)},
      "sheet": ${scalar(f.sheet)},
      "row": ${scalar(f.row)},
      "cell": ${scalar(f.cell)},
      "message": ${scalar(f.message)}
    }`;
    if (!odd) return s;
  }
  return generic(f);
}

/**
 * The writer of one item of the report's array under `key` (workstreams, actions, findings),
 * or undefined for any other key: `writeJson` then stringifies that array generically.
 */
export function reportItemJson(key: string): JsonItem | undefined {
  if (key === 'actions') return actionJson;
  if (key === 'workstreams') return workstreamJson;
  if (key === 'findings') return findingJson;
  return undefined;
}
