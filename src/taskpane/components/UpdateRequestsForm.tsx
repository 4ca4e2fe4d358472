/**
 * "Update requests…": a reply-by date and, optionally, one lead officer; then one form per lead
 * as a single .zip to download, and the actions nobody can be asked about. Loaded when opened.
 */
import { Button, Field, Input, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { plural, shortText } from '../../app';
import { useStyles as usePaneStyles } from '../styles';
import type { RequestChoice, RequestsMade } from '../useUpdates';
import { Panel } from './Panel';

export interface UpdateRequestsFormProps {
  /** The plan's name to show on each form (the file name, where known). */
  planFile: string;
  made: RequestsMade | null;
  disabled: boolean;
  onMake(choice: RequestChoice): void;
  onClose(): void;
}

const useStyles = makeStyles({
  unowned: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function UpdateRequestsForm({ planFile, made, disabled, onMake, onClose }: UpdateRequestsFormProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const [choice, setChoice] = useState<RequestChoice>({ planFile, replyBy: '', lead: '' });

  return (
    <Panel title="Update requests">
      <Text>
        One workbook per lead officer, with their actions and cells for progress, status, a revised date and an update. Send each lead their
        form; merge the returned forms with Merge returns….
      </Text>
      <form
        className={pane.form}
        aria-label="Update requests"
        onSubmit={(e) => {
          e.preventDefault();
          onMake(choice);
        }}
      >
        <div className={pane.row}>
          <Field label="Reply by" hint="Shown at the top of each form">
            <Input type="date" value={choice.replyBy} onChange={(_, d) => setChoice((c) => ({ ...c, replyBy: d.value }))} />
          </Field>
          <Field label="Only this lead officer" hint="Empty: every lead">
            <Input value={choice.lead} onChange={(_, d) => setChoice((c) => ({ ...c, lead: d.value }))} />
          </Field>
          <Field label="Plan name on the forms">
            <Input value={choice.planFile} onChange={(_, d) => setChoice((c) => ({ ...c, planFile: d.value }))} />
          </Field>
        </div>
        <div className={pane.row}>
          <Button appearance="primary" type="submit" disabled={disabled}>
            Make forms
          </Button>
          <Button onClick={onClose}>Close</Button>
        </div>
      </form>
      {made && (
        <section aria-label="Forms made" className={pane.form}>
          {made.url ? (
            <Link href={made.url} download={made.zipName}>
              {`Download ${plural(made.forms.length, 'form')} (${made.zipName})`}
            </Link>
          ) : (
            <Text role="status">No lead officer has open actions, so there is nothing to send.</Text>
          )}
          {made.forms.length > 0 && (
            <ul className={pane.list} aria-label="Forms">
              {made.forms.map((f) => (
                <li key={f.file}>
                  <Text size={200}>{`${f.lead}: ${plural(f.actions, 'action')} (${f.file})`}</Text>
                </li>
              ))}
            </ul>
          )}
          {made.unowned.length > 0 && (
            <>
              <Text as="h3" weight="semibold" className={styles.unowned} block>
                {`No lead officer: ${plural(made.unowned.length, 'action')} nobody can be asked about`}
              </Text>
              <ul className={pane.list} aria-label="Actions with no lead officer">
                {made.unowned.map((a) => (
                  <li key={`${a.sheet}!${a.row}`} className={mergeClasses(pane.message)}>
                    <Text size={200}>
                      {`${a.sheet} row ${a.row}: ${a.number !== null ? `${a.number} ` : ''}${shortText(a.description, 90)}`}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </Panel>
  );
}
