/** Several files as one .zip: the pane's single download of every lead officer's update form. */
import { zipSync } from 'fflate';

/** One file to put in a zip. */
export interface ZipFile {
  /** The name inside the zip; names must be unique. */
  name: string;
  bytes: Uint8Array;
}

/**
 * Zips the files under their names, stored rather than deflated: an .xlsx is a zip already, so
 * deflating it again would cost time and save nothing.
 */
export function zipFiles(files: ZipFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) {
    if (Object.prototype.hasOwnProperty.call(entries, f.name)) throw new Error(`Two files named ${f.name} cannot go in one zip.`);
    entries[f.name] = [f.bytes, { level: 0 }];
  }
  return zipSync(entries);
}
