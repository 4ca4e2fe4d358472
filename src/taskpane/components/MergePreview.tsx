/**
 * "Merge returns…": every change the returned forms make, each with a checkbox (all kept at
 * first), and every conflict with its reason (never applied); "Apply N changes" writes the
 * kept ones. Loaded when first needed.
 */
import { Badge, Button, Checkbox, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { FIELD_LABELS, type MergeChange, type MergeConflict, plural, shortText } from '../../app';
import { useStyles as usePaneStyles } from '../styles';
import type { MergePreviewState } from '../useUpdates';
import { Panel } from './Panel';

export interface MergePreviewProps {
  preview: MergePreviewState;
  disabled: boolean;
  onApply(accepted: ReadonlySet<MergeChange>): void;
  onCancel(): void;
}

const useStyles = makeStyles({
  conflict: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  reason: { color: tokens.colorNeutralForeground2 },
});

/** A plan value as the preview shows it: short, and "(empty)" for nothing. */
function shown(v: string | null): string {
  return v === null || v === '' ? '(empty)' : shortText(v, 80);
}

function changeLabel(c: MergeChange): string {
  return `${c.lead}: ${c.sheet}!${c.cell} ${FIELD_LABELS[c.field]}: ${shown(c.from)} → ${shown(c.to)}`;
}

function conflictWhere(c: MergeConflict): string {
  const field = c.field === 'row' ? 'the whole row' : c.field === 'form' ? 'the whole form' : FIELD_LABELS[c.field];
  const where = c.sheet ? `${c.sheet} row ${c.row}, ${field}` : field;
  return `${c.lead || c.file} (${c.file}): ${where}`;
}

export function MergePreview({ preview, disabled, onApply, onCancel }: MergePreviewProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { plan, files, stale } = preview;
  const [kept, setKept] = useState<ReadonlySet<MergeChange>>(() => new Set(plan.changes));
  // A new preview starts with every change kept.
  useEffect(() => setKept(new Set(plan.changes)), [plan]);
  const count = useMemo(() => plan.changes.filter((c) => kept.has(c)).length, [plan, kept]);
  const toggle = (c: MergeChange, on: boolean) =>
    setKept((k) => {
      const next = new Set(k);
      if (on) next.add(c);
      else next.delete(c);
      return next;
    });

  return (
    <Panel title="Merge returns" focusKey={plan}>
      <Text role="status">
        {`${plural(files.length, 'returned form')} read: ${plural(plan.changes.length, 'change')}, ${plural(plan.conflicts.length, 'conflict')}. Nothing is written until you apply.`}
      </Text>
      {stale && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The workbook changed since this preview, so it may be out of date: pick the returns again to preview them afresh.
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.changes.length > 0 && (
        <section aria-label={`Changes (${plan.changes.length})`} className={pane.form}>
          <Text as="h3" weight="semibold" block>
            {`Changes (${plan.changes.length})`}
          </Text>
          <ul className={pane.list}>
            {plan.changes.map((c, i) => (
              <li key={`${c.sheet}!${c.cell}:${c.field}:${i}`}>
                <Checkbox checked={kept.has(c)} onChange={(_, d) => toggle(c, d.checked === true)} label={changeLabel(c)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.conflicts.length > 0 && (
        <section aria-label={`Conflicts (${plan.conflicts.length})`} className={pane.form}>
          <Text as="h3" weight="semibold" block>
            {`Conflicts (${plan.conflicts.length}): not applied`}
          </Text>
          <ul className={pane.list}>
            {plan.conflicts.map((c, i) => (
              <li key={`${c.file}:${c.sheet}:${c.row}:${c.field}:${i}`} className={styles.conflict}>
                <div className={pane.badges}>
                  <Badge appearance="tint" color="warning" shape="rounded">
                    Not applied
                  </Badge>
                  <Text size={200} weight="semibold">
                    {conflictWhere(c)}
                  </Text>
                </div>
                <Text size={200} className={mergeClasses(styles.reason)}>
                  {c.reason}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className={pane.row}>
        <Button
          appearance="primary"
          disabled={disabled || stale || count === 0}
          onClick={() => onApply(new Set(plan.changes.filter((c) => kept.has(c))))}
        >
          {`Apply ${plural(count, 'change')}`}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Panel>
  );
}
