/**
 * Since the last committee: compares two checked versions of a plan. Workstreams and
 * actions are matched by workstream and number, falling back to the closest description
 * when numbering changed; what cannot be matched with confidence is listed as new or
 * removed (with the near-miss named), never guessed silently. Changes are data keyed by a
 * stable `code` (changes.ts: the codes, the schema and the messages).
 */
import { CHANGE_CODES, type Change, type ChangeCode, type Comparison, type ItemPlace, changeMessage } from './changes';
import type { Report } from './model';
import { daysBetween } from './parse/dates';
import { foldLookalikes } from './parse/lookalike';
import { isOverdue } from './rag';
import type { RagLabel } from './sheetspec';
import { personKey, shortText } from './text';

/** How bad a RAG is, for "worsened" and "improved" (Concern is worst, Complete best). */
const RAG_RANK: Record<RagLabel, number> = { Concern: 0, Caution: 1, 'Not Started': 2, 'On Target': 3, Complete: 4 };

/** A description this similar (0..1) or more is the same action reworded. */
const SAME_TEXT = 0.5;
/** Two candidates closer than this are too close to call: neither is chosen. */
const TOO_CLOSE = 0.08;

interface Facts {
  workstream: string;
  item: string;
  place: ItemPlace;
  targetDate: string | null;
  targetHistory: string[];
  percent: number | null;
  leads: string[];
  statedRag: RagLabel | null;
  rag: RagLabel;
  /** Dropped from the plan (cancelled, superseded…). */
  dropped: 'dropped' | null;
  overdue: boolean;
  /** Days from the target to the as-of date (positive once it has passed). */
  asOfDaysPast: number | null;
}

type ActionRow = Report['actions'][number];
type WorkstreamRow = Report['workstreams'][number];

/** Compares two checked versions of a plan. Each report is judged at its own as-of date. */
export function comparePlans(previous: Report, current: Report): Comparison {
  const changes: Change[] = [];
  const wsPairs = matchWorkstreams(previous.workstreams, current.workstreams);
  const wsOf = new Map<WorkstreamRow, WorkstreamRow>();
  for (const p of wsPairs.pairs) wsOf.set(p.a, p.b);

  for (const p of wsPairs.pairs) {
    // A heading's dates and leads are its actions' (reported there); its RAG is its own news.
    const rolledUp = p.a.actionCount > 0 && p.b.actionCount > 0;
    diff(wsFacts(p.a, previous.asOf), wsFacts(p.b, current.asOf), 'workstream', p.by, changes, rolledUp);
  }
  const near = new Map<unknown, Near>(wsPairs.near);
  for (const w of wsPairs.onlyA) changes.push(lonely('removed', 'workstream', wsFacts(w, previous.asOf), near.get(w)));
  for (const w of wsPairs.onlyB) changes.push(lonely('new', 'workstream', wsFacts(w, current.asOf), near.get(w)));

  // Actions: within each matched workstream first, then whatever is left across the plan.
  const group = (actions: ActionRow[], list: WorkstreamRow[]) => {
    const key = new Map(list.map((w) => [`${w.sheet}\u0000${w.title}`, w]));
    const out = new Map<WorkstreamRow, ActionRow[]>();
    for (const a of actions) {
      const w = key.get(`${a.sheet}\u0000${a.workstream}`);
      if (w) push(out, w, a);
    }
    return out;
  };
  const prevBy = group(previous.actions, previous.workstreams);
  const currBy = group(current.actions, current.workstreams);
  const pairs: Pair<ActionRow>[] = [];
  for (const [w, actions] of prevBy) {
    const other = wsOf.get(w);
    if (!other) continue;
    const m = matchActions(actions, currBy.get(other) ?? []);
    pairs.push(...m.pairs);
    for (const [k, v] of m.near) near.set(k, v);
  }
  const matchedA = new Set(pairs.map((p) => p.a));
  const matchedB = new Set(pairs.map((p) => p.b));
  // An action moved to another workstream: only a close description counts.
  const across = matchByText(
    previous.actions.filter((a) => !matchedA.has(a)),
    current.actions.filter((b) => !matchedB.has(b)),
    (a) => a.description,
    SAME_TEXT + 0.2,
  );
  pairs.push(...across.pairs);
  for (const [k, v] of across.near) near.set(k, v);

  for (const p of pairs) {
    const a = actionFacts(p.a, previous.asOf);
    const b = actionFacts(p.b, current.asOf);
    if (p.a.number !== null && p.b.number !== null && String(p.a.number) !== String(p.b.number)) {
      changes.push(
        make('renumbered', 'action', a, b, {
          from: String(p.a.number),
          to: String(p.b.number),
          note: p.by === 'description' ? 'matched by its description, which was reworded' : null,
        }),
      );
    }
    diff(a, b, 'action', p.by, changes);
  }
  for (const a of across.onlyA) changes.push(lonely('removed', 'action', actionFacts(a, previous.asOf), near.get(a)));
  for (const b of across.onlyB) changes.push(lonely('new', 'action', actionFacts(b, current.asOf), near.get(b)));

  changes.sort(byReportOrder);
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.code] = (counts[c.code] ?? 0) + 1;
  return {
    previous: { file: previous.file, asOf: previous.asOf },
    current: { file: current.file, asOf: current.asOf },
    matched: { workstreams: wsPairs.pairs.length, actions: pairs.length },
    changes,
    counts,
  };
}

function byReportOrder(x: Change, y: Change): number {
  const code = CHANGE_CODES.indexOf(x.code) - CHANGE_CODES.indexOf(y.code);
  if (code !== 0) return code;
  const px = x.current ?? x.previous!;
  const py = y.current ?? y.previous!;
  return px.sheet === py.sheet ? px.row - py.row : px.sheet < py.sheet ? -1 : 1;
}

function wsFacts(w: WorkstreamRow, asOf: string): Facts {
  return {
    workstream: w.title,
    item: w.title,
    place: { sheet: w.sheet, row: w.row, number: null },
    targetDate: w.targetDate,
    targetHistory: w.targetHistory,
    percent: w.percent,
    leads: w.leads,
    statedRag: w.statedRag,
    rag: w.rag,
    dropped: null,
    overdue: isOverdue(w, asOf),
    asOfDaysPast: w.targetDate ? daysBetween(w.targetDate, asOf) : null,
  };
}

function actionFacts(a: ActionRow, asOf: string): Facts {
  return {
    workstream: a.workstream,
    item: a.description || `Action ${a.number ?? `in row ${a.row}`}`,
    place: { sheet: a.sheet, row: a.row, number: a.number },
    targetDate: a.targetDate,
    targetHistory: a.targetHistory,
    percent: a.percent,
    leads: a.leads,
    statedRag: a.statedRag,
    rag: a.rag,
    dropped: a.status === 'dropped' ? 'dropped' : null,
    overdue: isOverdue(a, asOf),
    asOfDaysPast: a.targetDate ? daysBetween(a.targetDate, asOf) : null,
  };
}

interface Extra {
  from?: string | null;
  to?: string | null;
  days?: number | null;
  times?: number | null;
  note?: string | null;
}

function make(code: ChangeCode, kind: Change['kind'], a: Facts | null, b: Facts | null, extra: Extra = {}): Change {
  const f = (b ?? a)!;
  const change: Change = {
    code,
    kind,
    workstream: f.workstream,
    item: f.item,
    previous: a ? a.place : null,
    current: b ? b.place : null,
    from: extra.from ?? null,
    to: extra.to ?? null,
    days: extra.days ?? null,
    times: extra.times ?? null,
    note: extra.note ?? null,
    message: '',
  };
  change.message = changeMessage(change);
  return change;
}

function lonely(code: 'new' | 'removed', kind: Change['kind'], f: Facts, near: Near | undefined): Change {
  const note = near
    ? `closest in the ${code === 'new' ? 'previous' : 'current'} version: "${shortText(near.text)}" (${Math.round(near.score * 100)}% alike${near.tie ? ', too close to another to choose' : ''})`
    : null;
  return make(code, kind, code === 'removed' ? f : null, code === 'new' ? f : null, { note });
}

/** Everything that changed between two matched items. */
function diff(a: Facts, b: Facts, kind: Change['kind'], by: string, out: Change[], rolledUp = false): void {
  const note = by === 'description' ? `matched by its ${kind === 'action' ? 'description' : 'title'}, which was reworded` : null;
  const done = (f: Facts) => f.rag === 'Complete' || (f.percent !== null && f.percent >= 100);
  // A newly cancelled or superseded action is that change alone: its RAG and dates no longer count.
  if (b.dropped && !a.dropped) {
    out.push(make('dropped', kind, a, b, { note }));
    return;
  }
  if (b.dropped && a.dropped) return;
  if (rolledUp) {
    if (done(b) && !done(a)) out.push(make('completed', kind, a, b, { note }));
    else if (RAG_RANK[b.rag] !== RAG_RANK[a.rag]) {
      out.push(make(RAG_RANK[b.rag] < RAG_RANK[a.rag] ? 'rag-worsened' : 'rag-improved', kind, a, b, { from: a.rag, to: b.rag, note }));
    }
    return;
  }
  let slipped = false;
  if (a.targetDate && b.targetDate && a.targetDate !== b.targetDate) {
    const days = daysBetween(a.targetDate, b.targetDate);
    slipped = days > 0;
    // The history the current version keeps counts every earlier date since the previous one.
    const since = b.targetHistory.filter((d) => d !== a.targetDate && !a.targetHistory.includes(d)).length;
    out.push(
      make('target-moved', kind, a, b, {
        from: a.targetDate,
        to: b.targetDate,
        days,
        times: Math.max(1, b.targetHistory.length - a.targetHistory.length, since + 1),
        note,
      }),
    );
  }
  if (b.overdue && !a.overdue && b.targetDate) {
    out.push(make('newly-overdue', kind, a, b, { to: b.targetDate, days: b.asOfDaysPast, note }));
  }
  if (done(b) && !done(a)) {
    out.push(make('completed', kind, a, b, { from: a.percent === null ? null : String(a.percent), to: '100', note }));
  } else if (RAG_RANK[b.rag] < RAG_RANK[a.rag]) {
    out.push(make('rag-worsened', kind, a, b, { from: a.rag, to: b.rag, note }));
  } else if (RAG_RANK[b.rag] > RAG_RANK[a.rag]) {
    out.push(make('rag-improved', kind, a, b, { from: a.rag, to: b.rag, note }));
  }
  if (a.percent !== null && b.percent !== null && b.percent < a.percent) {
    out.push(make('progress-backwards', kind, a, b, { from: String(a.percent), to: String(b.percent), note }));
  }
  const la = a.leads.map(personKey).sort().join('|');
  const lb = b.leads.map(personKey).sort().join('|');
  if (la !== lb && (a.leads.length > 0 || b.leads.length > 0)) {
    out.push(make('owner-changed', kind, a, b, { from: a.leads.join(' / ') || null, to: b.leads.join(' / ') || null, note }));
  }
  const green = (f: Facts) => f.statedRag === 'On Target';
  if (green(a) && green(b) && (slipped || (b.overdue && !a.overdue))) {
    out.push(make('green-while-slipping', kind, a, b, { from: a.targetDate, to: b.targetDate, note }));
  }
}

interface Pair<T> {
  a: T;
  b: T;
  by: 'title' | 'number' | 'description';
}

interface Near {
  text: string;
  score: number;
  tie: boolean;
}

interface Matching<T> {
  pairs: Pair<T>[];
  onlyA: T[];
  onlyB: T[];
  near: Map<T, Near>;
}

function matchWorkstreams(a: WorkstreamRow[], b: WorkstreamRow[]): Matching<WorkstreamRow> {
  return matchByText(a, b, (w) => w.title, SAME_TEXT, 'title');
}

/** Actions of one workstream: same description, then same number, then the closest description. */
function matchActions(a: ActionRow[], b: ActionRow[]): Matching<ActionRow> {
  const pairs: Pair<ActionRow>[] = [];
  const usedA = new Set<ActionRow>();
  const usedB = new Set<ActionRow>();
  // 1. The same words: sure, whatever the numbers say (renumbering keeps descriptions).
  const byText = new Map<string, ActionRow[]>();
  for (const y of b) {
    const k = normal(y.description);
    if (k) push(byText, k, y);
  }
  for (const x of a) {
    const list = byText.get(normal(x.description))?.filter((y) => !usedB.has(y));
    if (list && list.length === 1 && x.description) {
      pairs.push({ a: x, b: list[0], by: 'number' });
      usedA.add(x);
      usedB.add(list[0]);
    }
  }
  // 2. The same number, if the wording is still recognisably the same action.
  const byNumber = new Map<string, ActionRow[]>();
  for (const y of b) if (y.number !== null) push(byNumber, String(y.number), y);
  for (const x of a) {
    if (usedA.has(x) || x.number === null) continue;
    const y = byNumber.get(String(x.number))?.find((c) => !usedB.has(c));
    if (y && (similarity(x.description, y.description) >= 0.3 || (!x.description && !y.description))) {
      pairs.push({ a: x, b: y, by: 'number' });
      usedA.add(x);
      usedB.add(y);
    }
  }
  // 3. The closest description among what is left.
  const rest = matchByText(
    a.filter((x) => !usedA.has(x)),
    b.filter((y) => !usedB.has(y)),
    (r) => r.description,
    SAME_TEXT,
    'description',
  );
  for (const p of rest.pairs) pairs.push(p);
  return { pairs, onlyA: rest.onlyA, onlyB: rest.onlyB, near: rest.near };
}

/**
 * Pairs items by text: exact (normalised) first, then best similarity at or above
 * `threshold`, one to one, best pairs first; a pair whose runner-up is too close is left
 * unmatched and its near-miss recorded.
 */
function matchByText<T>(a: T[], b: T[], text: (t: T) => string, threshold: number, exactBy: Pair<T>['by'] = 'description'): Matching<T> {
  const pairs: Pair<T>[] = [];
  const near = new Map<T, Near>();
  const usedA = new Set<T>();
  const usedB = new Set<T>();
  const exact = new Map<string, T[]>();
  for (const y of b) push(exact, normal(text(y)), y);
  for (const x of a) {
    const list = exact.get(normal(text(x)))?.filter((y) => !usedB.has(y));
    if (list && list.length > 0 && normal(text(x))) {
      pairs.push({ a: x, b: list[0], by: exactBy });
      usedA.add(x);
      usedB.add(list[0]);
    }
  }
  const restA = a.filter((x) => !usedA.has(x));
  const restB = b.filter((y) => !usedB.has(y));
  // Similarity is quadratic in the leftovers; a plan rewritten wholesale is capped, not slow.
  if (restA.length * restB.length <= 250_000) {
    const tokensB = restB.map((y) => tokens(text(y)));
    const scored: { x: number; y: number; s: number }[] = [];
    restA.forEach((x, i) => {
      const tx = tokens(text(x));
      tokensB.forEach((ty, j) => {
        const s = dice(tx, ty);
        if (s > 0.2) scored.push({ x: i, y: j, s });
      });
    });
    scored.sort((p, q) => q.s - p.s);
    const bestA = new Map<number, number[]>();
    const bestB = new Map<number, number[]>();
    for (const p of scored) {
      // Scores arrive best first: the first two per item are all the tie test needs.
      if ((bestA.get(p.x)?.length ?? 0) < 2) push(bestA, p.x, p.s);
      if ((bestB.get(p.y)?.length ?? 0) < 2) push(bestB, p.y, p.s);
    }
    const takenA = new Set<number>();
    const takenB = new Set<number>();
    for (const p of scored) {
      if (p.s < threshold || takenA.has(p.x) || takenB.has(p.y)) continue;
      const runnerUp = Math.max(second(bestA.get(p.x)!), second(bestB.get(p.y)!));
      if (p.s - runnerUp < TOO_CLOSE && runnerUp >= threshold) {
        near.set(restA[p.x], { text: text(restB[p.y]), score: p.s, tie: true });
        near.set(restB[p.y], { text: text(restA[p.x]), score: p.s, tie: true });
        continue;
      }
      takenA.add(p.x);
      takenB.add(p.y);
      pairs.push({ a: restA[p.x], b: restB[p.y], by: 'description' });
    }
    for (const p of scored) {
      if (!takenA.has(p.x) && !near.has(restA[p.x])) near.set(restA[p.x], { text: text(restB[p.y]), score: p.s, tie: false });
      if (!takenB.has(p.y) && !near.has(restB[p.y])) near.set(restB[p.y], { text: text(restA[p.x]), score: p.s, tie: false });
    }
    return {
      pairs,
      onlyA: restA.filter((_, i) => !takenA.has(i)),
      onlyB: restB.filter((_, j) => !takenB.has(j)),
      near,
    };
  }
  return { pairs, onlyA: restA, onlyB: restB, near };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function second(scores: number[]): number {
  return scores.length > 1 ? scores[1] : 0;
}

function normal(s: string): string {
  return foldLookalikes(s)
    .text.toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const STOP = new Set([
  'the',
  'and',
  'of',
  'to',
  'a',
  'an',
  'in',
  'for',
  'on',
  'with',
  'by',
  'at',
  'as',
  'be',
  'is',
  'are',
  'from',
  'or',
  'into',
]);

function tokens(s: string): Set<string> {
  return new Set(
    normal(s)
      .split(' ')
      .filter((w) => w && !STOP.has(w))
      // A light stem: "reviews", "reviewed" and "reviewing" are one word for matching.
      .map((w) => w.replace(/(ing|ed|es|s)$/, '')),
  );
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return (2 * both) / (a.size + b.size);
}

/** How alike two descriptions are, 0..1 (shared words). */
export function similarity(a: string, b: string): number {
  return dice(tokens(a), tokens(b));
}
