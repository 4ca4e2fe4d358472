/**
 * A plan transcribed from a published committee paper, as a fixture: the cells as the council
 * laid them out (typos, odd dates and spacing kept), where it came from, and how a governance
 * officer reading it would count and judge it. test/corpus/corpus.test.ts writes each one to a
 * real .xlsx, reads it back through the xlsx adapter and checks it.
 */
import type { RagLabel } from '../../src/core/sheetspec';

/** A cell: text or a number as typed, a real Excel date, or nothing. */
export type CorpusCell = string | number | null | { date: string; format?: string } | { percent: number };

/** What kind of published plan it is. */
export type PlanKind =
  | 'scrutiny-tracker'
  | 'internal-audit-log'
  | 'best-value-plan'
  | 'improvement-plan'
  | 'service-plan'
  | 'ags-action-plan'
  | 'performance-export'
  | 'numbered-outline'
  | 'other';

/** The status an action's words or colour say (the report's `status` field). */
export type CorpusStatus = 'complete' | 'started' | 'not-started' | 'dropped' | null;

/** One sheet as laid out in the paper. */
export interface CorpusSheet {
  name: string;
  /** Rows from row 1; each row's cells from column A. */
  rows: CorpusCell[][];
  /** Merged ranges, e.g. "A3:F3". */
  merges?: string[];
  /** Cells coloured instead of (or as well as) typed: A1 address -> RGB hex, e.g. { G5: 'FF0000' }. */
  fills?: Record<string, string>;
}

/** How one action (or workstream row) must be read; only the fields given are checked. */
export interface ExpectedItem {
  /** Sheet name; the first sheet when omitted. */
  sheet?: string;
  /** Excel row number (1-based) of the action. */
  row: number;
  /** The start of the description (actions) or title (workstream rows). */
  startsWith?: string;
  target?: string | null;
  leads?: string[];
  percent?: number | null;
  status?: CorpusStatus;
  statedRag?: RagLabel | null;
  rag?: RagLabel;
  /** The workstream title it belongs to (start of). */
  workstream?: string;
}

/** A finding that must be reported. */
export interface ExpectedFinding {
  code: string;
  /** A1 cell, e.g. "E7". */
  cell?: string;
  sheet?: string;
}

/** A transcribed plan and how it must be read. */
export interface PlanFixture {
  /** Short stable id, also the file name (kebab-case). */
  id: string;
  source: {
    /** Council or public body. */
    body: string;
    /** Title of the paper or appendix. */
    title: string;
    /** Committee and date of the meeting, as published. */
    meeting?: string;
    /** Where it was found (address of the stored document). */
    where: string;
    kind: PlanKind;
  };
  /** Where the stored document was cut or unclear, and what the transcription did about it. */
  notes?: string;
  /** The day to judge dates as of (YYYY-MM-DD): usually the meeting date. */
  asOf: string;
  sheets: CorpusSheet[];
  /** Settings JSON passed as --settings would be (e.g. a column map), when detection cannot tell. */
  settings?: Record<string, unknown>;
  expect: {
    workstreams: number;
    actions: number;
    /** Workstream titles in order (start of each), when worth checking. */
    workstreamTitles?: string[];
    items: ExpectedItem[];
    /** Findings that must be among those reported. */
    findings?: ExpectedFinding[];
    /** Finding codes that must NOT be reported at all. */
    noFindings?: string[];
  };
}
