/** "No plan found", never a dead end: what was looked for, the rows that looked like headers, and "Set columns…". */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { type RawPlan, columnLetters, describeNoPlan, shortText } from '../../app';
import { useStyles } from '../styles';

export interface NoPlanMessageProps {
  raw: RawPlan;
  disabled: boolean;
  onSetColumns(): void;
}

export function NoPlanMessage({ raw, disabled, onSetColumns }: NoPlanMessageProps) {
  const styles = useStyles();
  const lines = describeNoPlan(raw, 'pane').split('\n');
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>No plan found</MessageBarTitle>
        <Text as="p">{lines[0]}</Text>
        {raw.headerCandidates.length > 0 && (
          <>
            <Text as="p">Rows that look like headers:</Text>
            <ul aria-label="Rows that look like headers">
              {raw.headerCandidates.map((c) => (
                <li key={`${c.sheet}:${c.row}`}>
                  {`"${c.sheet}" row ${c.row + 1}: ${c.cells.map((x) => `${columnLetters(x.col)} "${shortText(x.text, 30)}"`).join(', ')}`}
                </li>
              ))}
            </ul>
          </>
        )}
        <Text as="p">{lines[lines.length - 1]}</Text>
        <div className={styles.row}>
          <Button appearance="primary" onClick={onSetColumns} disabled={disabled}>
            Set columns…
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
