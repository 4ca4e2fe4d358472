/**
 * Refusals of a use case, typed with a stable code. Bad cell data is never one of these (it
 * is a finding); these say a request cannot be done, and why, in words a user can act on.
 */
import { type RawPlan, describeNoPlan } from '../core';

/** A use case that cannot be done, with a stable code and a plain message. */
export class AppError extends Error {
  constructor(
    /** Stable code: 'no-plan', 'too-many-to-mark', 'unknown-lead', 'same-file', … */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The workbook holds no plan: `raw` keeps the sheets and header-like rows, for "Set columns…". */
export class NoPlanError extends AppError {
  constructor(
    readonly raw: RawPlan,
    /** Where the message will be read: the CLI names `--columns`, the pane "Set columns…". */
    how: 'cli' | 'pane' = 'cli',
  ) {
    super('no-plan', describeNoPlan(raw, how));
    this.name = 'NoPlanError';
  }
}
