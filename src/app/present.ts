/**
 * The core's vocabulary a front end shows: labels, dates in words, list texts, the "no plan"
 * explanation, the report's JSON text (reportItemJson, for the CLI's JSON writer). Front ends
 * take these from here, with the use cases, and never run the core's steps themselves
 * (test/app/layers.test.ts holds them to it).
 */
export type * from '../core';
export {
  CHANGE_CODES,
  CHANGE_TITLES,
  FIELD_LABELS,
  FINDING_CODES,
  MAP_FIELD_LABELS,
  PlanReadError,
  RAG_LABELS,
  SettingsError,
  columnLetters,
  comparisonHeadline,
  describeNoPlan,
  formatUkDate,
  isoFromYmd,
  ownerCounts,
  ownerListText,
  parseColumnMap,
  plural,
  reportItemJson,
  resolveSettings,
  shortText,
} from '../core';
