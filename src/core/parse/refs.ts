/** Report references: 67, "133 - 144", "112 – 116", "36 - 37, 96 - 97,", "145 – 151, 152". */

/** Paragraph ranges read from a Report Ref cell. */
export interface ReportRefs {
  refs: { from: number; to: number }[];
  unparsed: string[];
}

/** Reads report references. Never throws. */
export function parseReportRefs(value: string | number): ReportRefs {
  const out: ReportRefs = { refs: [], unparsed: [] };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) out.refs.push({ from: value, to: value });
    else out.unparsed.push(String(value));
    return out;
  }
  if (typeof value !== 'string') return out;
  for (const part of value.slice(0, 1000).split(/[,;]|\band\b/)) {
    const p = part.trim();
    if (!p) continue;
    const m = /^(?:paras?\.?\s*|p\.?\s*)?(\d{1,6})(?:\s*[-–—]\s*(\d{1,6}))?$/i.exec(p);
    if (!m) {
      out.unparsed.push(p);
      continue;
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) out.unparsed.push(p);
    else out.refs.push({ from, to });
  }
  return out;
}
