/** Settings saved in the workbook: thresholds, due-soon days, plan start, summary sheet name. */
import { Button, Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Settings } from '../../app';
import { useStyles } from '../styles';

export interface SettingsFormProps {
  settings: Settings;
  disabled: boolean;
  onSave(input: unknown): void;
}

export function SettingsForm({ settings, disabled, onSave }: SettingsFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(() => toDraft(settings));
  useEffect(() => setDraft(toDraft(settings)), [settings]);
  const set = (k: keyof typeof draft) => (_: unknown, d: { value: string }) => setDraft((s) => ({ ...s, [k]: d.value }));
  return (
    <form
      className={styles.form}
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          dueSoonDays: Number(draft.dueSoonDays),
          dueSoonCautionPercent: Number(draft.dueSoonCautionPercent),
          concernRatio: Number(draft.concernPercent) / 100,
          cautionRatio: Number(draft.cautionPercent) / 100,
          planStartDate: draft.planStartDate || null,
          summarySheetName: draft.summarySheetName,
        });
      }}
    >
      <Field label="Due soon within (days)">
        <Input type="number" min={0} max={366} value={draft.dueSoonDays} onChange={set('dueSoonDays')} />
      </Field>
      <Field label="Due soon: Caution under (% complete)">
        <Input type="number" min={0} max={100} value={draft.dueSoonCautionPercent} onChange={set('dueSoonCautionPercent')} />
      </Field>
      <Field label="Concern below (% of expected progress)">
        <Input type="number" min={0} max={100} value={draft.concernPercent} onChange={set('concernPercent')} />
      </Field>
      <Field label="Caution below (% of expected progress)">
        <Input type="number" min={0} max={100} value={draft.cautionPercent} onChange={set('cautionPercent')} />
      </Field>
      <Field label="Plan start date" hint="For expected progress; leave empty if the plan has none">
        <Input type="date" value={draft.planStartDate} onChange={set('planStartDate')} />
      </Field>
      <Field label="Summary sheet name">
        <Input value={draft.summarySheetName} onChange={set('summarySheetName')} maxLength={31} />
      </Field>
      <Button type="submit" disabled={disabled}>
        Save settings
      </Button>
    </form>
  );
}

function toDraft(s: Settings) {
  return {
    dueSoonDays: String(s.dueSoonDays),
    dueSoonCautionPercent: String(s.dueSoonCautionPercent),
    concernPercent: String(Math.round(s.concernRatio * 100)),
    cautionPercent: String(Math.round(s.cautionRatio * 100)),
    planStartDate: s.planStartDate ?? '',
    summarySheetName: s.summarySheetName,
  };
}
