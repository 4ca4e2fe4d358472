/** Exit codes, documented in the README: 0 no errors found or output written; 1 error findings; 2 unreadable file, no plan, or bad usage. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;
