/**
 * A hidden picker for .xlsx workbooks, opened by a visible button; used for the plan, its
 * previous version (one file) and returned update forms (several).
 */
import { type Ref } from 'react';

export interface WorkbookFileInputProps {
  inputRef: Ref<HTMLInputElement>;
  /** The accessible name of the picker. */
  label: string;
  /** One file picked (the picker takes one unless `onFiles` is given). */
  onFile?(file: File): void;
  /** Several files picked at once. */
  onFiles?(files: File[]): void;
}

export function WorkbookFileInput({ inputRef, label, onFile, onFiles }: WorkbookFileInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      aria-label={label}
      multiple={onFiles !== undefined}
      hidden
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        // Cleared so picking the same file again is a new choice.
        e.target.value = '';
        if (files.length === 0) return;
        if (onFiles) onFiles(files);
        else onFile?.(files[0]);
      }}
    />
  );
}
