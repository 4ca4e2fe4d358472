/**
 * The xlsx adapter's browser-safe public API (node.ts is the Node-only extra).
 */
export { XlsxWorkbook } from './adapter';
export { DEFAULT_PACKAGE_LIMITS, openPackage, savePackage, type PackageEntry, type PackageLimits, type XlsxPackage } from './zip';
export { readWorkbook, readPackageInfo, type PackageInfo, type SheetInfo } from './read';
export { writeSheet, applyHighlights, clearHighlights, sanitiseSheetName } from './write';
export { GENERATED_NAME } from './book';
export { HIGHLIGHTS_NS } from './record';
