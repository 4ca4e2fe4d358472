/** A hidden picker for one .xlsx workbook, opened by a visible button; used for the plan and its previous version. */
import { type Ref } from 'react';

export interface WorkbookFileInputProps {
  inputRef: Ref<HTMLInputElement>;
  /** The accessible name of the picker. */
  label: string;
  onFile(file: File): void;
}

export function WorkbookFileInput({ inputRef, label, onFile }: WorkbookFileInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      aria-label={label}
      hidden
      onChange={(e) => {
        const file = e.target.files?.[0];
        // Cleared so picking the same file again is a new choice.
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
