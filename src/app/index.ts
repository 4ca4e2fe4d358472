/**
 * The application layer: the use cases every front end (the CLI, the task pane, the ribbon)
 * calls, on the workbook port. Front ends → app → core and port; nothing here knows which
 * front end or which adapter it serves.
 */
export * from './host';
export * from './errors';
export * from './settings';
export * from './check';
export * from './summary';
export * from './highlight';
export * from './compare';
export * from './owners';
export * from './columns';
export * from './present';
export * from './updates';
