/**
 * The JSON report (`plancheck validate --format json`), defined once with zod so the
 * CLI, the pane and the docs agree. Dates are "YYYY-MM-DD"; percentages 0-100 or null;
 * rows are Excel row numbers (1-based).
 */
import { z } from 'zod';
import { FINDING_CODES, type Finding, type FindingCode } from './findings';
import { RAG_LABELS } from './sheetspec';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rag = z.enum(RAG_LABELS);

/**
 * What the plan's status words (or its date column) say: complete, started, not started, or
 * dropped (cancelled, superseded, deferred, withdrawn, N/A: left out of counts and roll-ups).
 * Null where the plan states none.
 */
export const StatusSchema = z.enum(['complete', 'started', 'not-started', 'dropped']).nullable();

/** A workstream (audit recommendation) as read and judged. */
export const WorkstreamSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  title: z.string(),
  leads: z.array(z.string()),
  targetDate: isoDate.nullable(),
  /** Earlier target dates the plan records (a revised date, an original-target column), oldest first. */
  targetHistory: z.array(isoDate),
  percent: z.number().min(0).max(100).nullable(),
  priority: z.union([z.number(), z.string()]).nullable(),
  statedRag: rag.nullable(),
  /** The status stated in a Status/RAG column (e.g. "Implemented" -> complete). */
  status: StatusSchema,
  rag: rag,
  ragReason: z.string(),
  statusUpdate: z.string().nullable(),
  decisions: z.string().nullable(),
  /** Number of actions read under this workstream (0 for a workstream row of a summary). */
  actionCount: z.number().int().nonnegative(),
});

/** A milestone within a timescale cell ("Agree approach 30 Mar 20"). */
export const MilestoneSchema = z.object({ date: isoDate, label: z.string().nullable() });

/** An action as read and judged. */
export const ActionSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  workstream: z.string(),
  number: z.union([z.number(), z.string()]).nullable(),
  description: z.string(),
  timescale: z.string(),
  targetDate: isoDate.nullable(),
  milestones: z.array(MilestoneSchema),
  /** Earlier target dates the plan records (a revised date, an original-target column), oldest first. */
  targetHistory: z.array(isoDate),
  leads: z.array(z.string()),
  reportRefs: z.string(),
  percent: z.number().min(0).max(100).nullable(),
  statedRag: rag.nullable(),
  /** The stated RAG of the earlier period, where a two-level header keeps two periods. */
  previousStatedRag: rag.nullable(),
  /** The status stated in words ("In Progress" -> started), from a Status/RAG column or the date cell. */
  status: StatusSchema,
  rag: rag,
  ragReason: z.string(),
});

/** A finding, located to its cell. */
export const FindingSchema = z.object({
  code: z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string(),
  row: z.number().int().positive(),
  cell: z.string(),
  message: z.string(),
});

/** Report metadata found above the plan (as in the seeds' summary). */
export const MetaSchema = z.object({
  title: z.string().nullable(),
  committeeReportRef: z.string().nullable(),
  reportDate: isoDate.nullable(),
  committeeDate: isoDate.nullable(),
});

/** The whole report. */
export const ReportSchema = z.object({
  file: z.string(),
  asOf: isoDate,
  /** Where the as-of date came from. */
  asOfSource: z.enum(['option', 'report-date', 'today']),
  meta: MetaSchema,
  workstreams: z.array(WorkstreamSchema),
  actions: z.array(ActionSchema),
  findings: z.array(FindingSchema),
  counts: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    workstreamRag: z.record(z.string(), z.number().int()),
    /** RAG counts of the actions still on the plan (dropped ones are left out). */
    actionRag: z.record(z.string(), z.number().int()),
    /** Actions dropped from the plan (cancelled, superseded, deferred, withdrawn, N/A). */
    dropped: z.number().int().nonnegative(),
  }),
});

export type WorkstreamReport = z.infer<typeof WorkstreamSchema>;
export type ActionReport = z.infer<typeof ActionSchema>;
/**
 * The whole report as the checker returns it: the schema's shape, with findings that also
 * keep their item and facts (`JSON.stringify` gives exactly the schema's shape).
 */
export type Report = Omit<z.infer<typeof ReportSchema>, 'findings'> & { findings: Finding[] };
export type Meta = z.infer<typeof MetaSchema>;
