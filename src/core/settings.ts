/**
 * PlanCheck settings: one documented config type with defaults, validated by zod and
 * merged once at each entry point (CLI flags, the pane's saved workbook settings), then
 * passed down. Every RAG threshold is a setting.
 */
import { z } from 'zod';
import { MAP_FIELD_NAMES, type MapField } from './columns';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** The settings schema; `SettingsSchema.parse({})` gives the defaults. */
export const SettingsSchema = z.object({
  /** Progress below this share of the expected progress is Concern (rule 3). */
  concernRatio: z.number().min(0).max(1).default(0.7),
  /** Progress below this share of the expected progress is Caution (rule 3). */
  cautionRatio: z.number().min(0).max(1).default(0.9),
  /** A target within this many days of the as-of date is "due soon" (rules 4 and 5). */
  dueSoonDays: z.number().int().min(0).max(366).default(30),
  /** Due soon and under this percentage complete is Caution (rule 5). */
  dueSoonCautionPercent: z.number().min(0).max(100).default(75),
  /** Plan-wide start date for expected-progress checks (rule 3), when actions have none. */
  planStartDate: isoDate.nullable().default(null),
  /** Name of the generated summary sheet. */
  summarySheetName: z
    .string()
    .min(1)
    .max(31)
    .refine((s) => !/[[\]:*?/\\]/.test(s), 'a sheet name without [ ] : * ? / \\')
    .default('Strategic Summary'),
  /** Name of the generated "by lead officer" sheet. */
  ownersSheetName: z
    .string()
    .min(1)
    .max(31)
    .refine((s) => !/[[\]:*?/\\]/.test(s), 'a sheet name without [ ] : * ? / \\')
    .default('Owners'),
  /**
   * Columns named by a person where detection cannot tell: a field (action, lead, target,
   * revised, original, start, progress, status, rag, workstream, ref, update) to a column
   * letter ("C") or the header's exact text ("Who by?"). Overrides detection for the fields it names.
   */
  columns: z
    .partialRecord(z.enum(MAP_FIELD_NAMES as [MapField, ...MapField[]]), z.string().trim().min(1, 'a column letter or the header text'))
    .default({}),
  /** The header row (1-based) the column map applies to; null finds it. */
  headerRow: z.number().int().positive().nullable().default(null),
});

/** Fully resolved settings. */
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings as a user may give them: any subset. */
export type SettingsInput = z.input<typeof SettingsSchema>;

/** Thrown when settings are given that cannot be used (misuse, not bad plan data). */
export class SettingsError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid settings: ${issues.join('; ')}`);
    this.name = 'SettingsError';
  }
}

/** Merges user settings over the defaults; throws SettingsError naming each bad field. */
export function resolveSettings(input: unknown = {}): Settings {
  const parsed = SettingsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`));
  }
  if (parsed.data.concernRatio > parsed.data.cautionRatio) {
    throw new SettingsError(['concernRatio must not be above cautionRatio']);
  }
  return parsed.data;
}

/** The defaults, for documentation and the pane's "reset". */
export const DEFAULT_SETTINGS: Settings = resolveSettings({});
