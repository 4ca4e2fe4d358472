/**
 * The column map: when detection cannot tell which column is which, a person names them
 * (`--columns action=C,lead=Who by?`, settings `"columns"`, the pane's "Set columns…"). Each
 * value is a column letter or the exact text of the header cell.
 */
import type { Field } from './headers';

/** The names a person uses for the fields, and the field each one sets. */
export const MAP_FIELDS = {
  action: 'action',
  lead: 'lead',
  target: 'timescale',
  revised: 'revisedTarget',
  original: 'originalTarget',
  start: 'start',
  progress: 'percent',
  status: 'status',
  rag: 'rag',
  workstream: 'workstream',
  ref: 'number',
  update: 'statusUpdate',
} as const satisfies Record<string, Field>;

/** A name a column map may use. */
export type MapField = keyof typeof MAP_FIELDS;

/** All map names, in the order forms show them. */
export const MAP_FIELD_NAMES = Object.keys(MAP_FIELDS) as MapField[];

/** A column map: field name to a column letter ("C") or the exact header text ("Who by?"). */
export type ColumnMap = Partial<Record<MapField, string>>;

/** What each map name means, for forms and help. */
export const MAP_FIELD_LABELS: Record<MapField, string> = {
  action: 'Action (what will be done)',
  lead: 'Lead officer',
  target: 'Target date',
  revised: 'Revised target date',
  original: 'Original target date',
  start: 'Start date',
  progress: '% complete',
  status: 'Status words',
  rag: 'RAG',
  workstream: 'Workstream / theme',
  ref: 'Reference / number',
  update: 'Status update',
};

/** True when the text is a column letter (A to XFD). */
export function isColumnLetter(text: string): boolean {
  return /^[A-Za-z]{1,3}$/.test(text.trim()) && letterIndex(text) < 16384;
}

/** Column letters to a 0-based index: "A" -> 0, "AB" -> 27. */
export function letterIndex(text: string): number {
  let n = 0;
  for (const ch of text.trim().toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Parses the CLI's `--columns` text: "action=C,lead=Who by?,target=F". A value may hold any
 * character but a comma; unknown names and empty values are reported, not guessed.
 */
export function parseColumnMap(text: string): { map: ColumnMap; problems: string[] } {
  const map: ColumnMap = {};
  const problems: string[] = [];
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!(name in MAP_FIELDS)) {
      problems.push(`"${name}" is not a column name PlanCheck knows (use ${MAP_FIELD_NAMES.join(', ')})`);
      continue;
    }
    if (!value) {
      problems.push(`${name}= needs a column letter or the header's text`);
      continue;
    }
    map[name as MapField] = value;
  }
  return { map, problems };
}

/** The map as the CLI's `--columns` text, for messages and help. */
export function formatColumnMap(map: ColumnMap): string {
  return MAP_FIELD_NAMES.filter((k) => map[k])
    .map((k) => `${k}=${map[k]}`)
    .join(',');
}

/** A map's entries as fields, with the value each names. */
export function resolveColumnMap(map: ColumnMap): { field: Field; value: string; name: MapField }[] {
  return MAP_FIELD_NAMES.filter((k) => map[k] !== undefined && map[k]!.trim() !== '').map((k) => ({
    field: MAP_FIELDS[k],
    value: map[k]!.trim(),
    name: k,
  }));
}
