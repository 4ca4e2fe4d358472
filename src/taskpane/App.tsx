/** The task pane: Check, findings, RAG counts, Highlight / Clear, Build summary, settings. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { type Report, formatUkDate } from '../core';
import { FindingsList } from './components/FindingsList';
import { RagSummary } from './components/RagSummary';
import { SettingsForm } from './components/SettingsForm';
import type { PaneHost } from './host';
import { useStyles } from './styles';
import { usePlanCheck } from './usePlanCheck';

const AS_OF_SOURCE = { option: 'as you set', 'report-date': "the plan's Report Date", today: 'today' } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "As of 1 Mar 21 (the plan's Report Date): 3 workstreams, 39 actions; 2 errors, 1 warning." */
function statusLine(report: Report): string {
  const what = [plural(report.workstreams.length, 'workstream'), ...(report.actions.length ? [plural(report.actions.length, 'action')] : [])];
  const found = `${plural(report.counts.errors, 'error')}, ${plural(report.counts.warnings, 'warning')}`;
  return `As of ${formatUkDate(report.asOf)} (${AS_OF_SOURCE[report.asOfSource]}): ${what.join(', ')}; ${found}.`;
}

export function App({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const { state, check, highlight, clear, summary, select, setAsOf, saveSettings } = usePlanCheck(host);
  const busy = state.busy !== null;
  const report = state.result?.report;
  return (
    <main className={styles.root} aria-busy={busy}>
      <Text as="h1" size={500} weight="semibold">
        PlanCheck
      </Text>
      <div className={styles.row}>
        <Field label="As of" hint="Empty: the plan's Report Date, else today">
          <Input type="date" value={state.asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
        <Button appearance="primary" onClick={() => void check()} disabled={busy}>
          Check plan
        </Button>
      </div>
      <div className={styles.row}>
        <Button onClick={() => void highlight()} disabled={busy}>
          Highlight problems
        </Button>
        <Button onClick={() => void clear()} disabled={busy}>
          Clear highlights
        </Button>
        <Button onClick={() => void summary()} disabled={busy}>
          Build summary
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={state.busy} />}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not finish</MessageBarTitle>
            {state.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <Text role="status">{statusLine(report)}</Text>
          <RagSummary title="Workstreams by RAG" counts={report.counts.workstreamRag} />
          {report.actions.length > 0 && <RagSummary title="Actions by RAG" counts={report.counts.actionRag} />}
          <FindingsList findings={report.findings} onSelect={select} />
        </>
      )}
      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader>Settings</AccordionHeader>
          <AccordionPanel>
            <SettingsForm settings={state.settings} disabled={busy} onSave={(s) => void saveSettings(s)} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </main>
  );
}
