/** Where the CLI writes, and how it writes large output: in pieces, never as one string. */

/** Where the CLI writes, so tests can run it in-process. */
export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** True when stderr is a terminal (progress and colour go there only then). */
  errIsTTY: boolean;
  outIsTTY: boolean;
  /** Today's calendar date where the user is. */
  today(): string;
}

/** Output gathered into writes of about 64 KB: one write per line or per item would be slow. */
export function chunked(io: Pick<Io, 'out'>): { put(s: string): void; flush(): void } {
  let buffer = '';
  const flush = () => {
    if (buffer) io.out(buffer);
    buffer = '';
  };
  return {
    put: (s) => {
      buffer += s;
      if (buffer.length >= 1 << 16) flush();
    },
    flush,
  };
}

/**
 * Writes a value as `JSON.stringify(value, null, 2)` would, but top-level arrays item by
 * item in chunks: a 100,000-action report is tens of MB of text that need never be one
 * string. (The report is typed where it is built; its schema is checked in the tests.)
 */
export function writeJson(value: object, io: Pick<Io, 'out'>): void {
  const { put, flush } = chunked(io);
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  put('{');
  entries.forEach(([key, v], i) => {
    put(`\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(v) && v.length > 0) {
      put('[');
      // Each item stringified as it sits in its array, so the indentation comes out right
      // without re-indenting every line of every item.
      const head = `{\n  ${JSON.stringify(key)}: [\n    `.length;
      const tail = '\n  ]\n}'.length;
      v.forEach((item, j) => {
        const s = JSON.stringify({ [key]: [item ?? null] }, null, 2);
        put(`${j ? ',' : ''}\n    ${s.slice(head, s.length - tail)}`);
      });
      put('\n  ]');
    } else {
      put(indent(JSON.stringify(v, null, 2), '  '));
    }
    if (i < entries.length - 1) put(',');
  });
  put(entries.length ? '\n}\n' : '}\n');
  flush();
}
