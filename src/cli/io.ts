/** Where the CLI writes, and how it writes large output: in pieces, never as one string. */
import type { JsonItem } from '../app';

/** Where the CLI writes, so tests can run it in-process. */
export interface Io {
  /** Writes to stdout; false when the text was queued (the reader is behind): wait for {@link drained}. */
  out(s: string): boolean | void;
  /** Resolves when queued stdout has gone to the reader (a pipe to `jq` or `head` is slower than PlanCheck). */
  drained?(): Promise<void>;
  err(s: string): void;
  /** True when stderr is a terminal (progress and colour go there only then). */
  errIsTTY: boolean;
  outIsTTY: boolean;
  /** Today's calendar date where the user is. */
  today(): string;
}

/**
 * Output gathered into writes of about 64 KB: one write per line or per item would be slow.
 * When the reader is behind (stdout is a pipe, and Node queues what a pipe cannot take yet),
 * `put` returns a promise to wait on: a 100 MB report queued whole would pass the memory bound.
 */
export function chunked(io: Pick<Io, 'out' | 'drained'>): {
  put(s: string): Promise<void> | undefined;
  flush(): Promise<void> | undefined;
} {
  let buffer = '';
  const flush = () => {
    if (!buffer) return undefined;
    const accepted = io.out(buffer);
    buffer = '';
    return accepted === false && io.drained ? io.drained() : undefined;
  };
  return {
    put: (s) => {
      buffer += s;
      return buffer.length >= 1 << 16 ? flush() : undefined;
    },
    flush,
  };
}

/** Array items stringified per call: about half a megabyte of a big report at a time. */
const JSON_SLICE = 500;

/** For a top-level key, a writer of its array's items ({@link JsonItem}), or undefined for the generic path. */
export type ItemWriters = (key: string) => JsonItem | undefined;

/**
 * Writes a value as `JSON.stringify(value, null, 2)` would, but top-level arrays item by
 * item in chunks: a 100,000-action report is tens of MB of text that need never be one
 * string, waiting whenever the reader is behind. `items` may give a faster writer of the items
 * of some arrays (the report's, from the app); it must write the same text. (The report is
 * typed where it is built; its schema is checked in the tests.)
 */
export async function writeJson(value: object, io: Pick<Io, 'out' | 'drained'>, items?: ItemWriters): Promise<void> {
  const out = chunked(io);
  const put = async (s: string) => {
    const wait = out.put(s);
    if (wait) await wait;
  };
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  await put('{');
  for (const [i, [key, v]] of entries.entries()) {
    await put(`\n  ${JSON.stringify(key)}: `);
    const item = Array.isArray(v) && v.length > 0 ? items?.(key) : undefined;
    if (item) {
      const list = v as unknown[];
      await put('[');
      for (let j = 0; j < list.length; j++) {
        const wait = out.put(`${j ? ',' : ''}\n    ${item(list[j])}`);
        if (wait) await wait;
      }
      await put('\n  ]');
    } else if (Array.isArray(v) && v.length > 0) {
      await put('[');
      // Items stringified a few hundred at a time, as they sit in their array, so the
      // indentation comes out right without re-indenting every line (and one call per item
      // would take twice as long).
      const head = `{\n  ${JSON.stringify(key)}: [\n    `.length;
      const tail = '\n  ]\n}'.length;
      for (let j = 0; j < v.length; j += JSON_SLICE) {
        const s = JSON.stringify({ [key]: v.slice(j, j + JSON_SLICE) }, null, 2);
        const wait = out.put(`${j ? ',' : ''}\n    ${s.slice(head, s.length - tail)}`);
        if (wait) await wait;
      }
      await put('\n  ]');
    } else {
      await put(indent(JSON.stringify(v, null, 2), '  '));
    }
    if (i < entries.length - 1) await put(',');
  }
  await put(entries.length ? '\n}\n' : '}\n');
  await out.flush();
}
