/** The task pane: Check, findings, RAG counts, Highlight / Clear, Build summary, update requests and merging returns, settings. */
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
  Tab,
  TabList,
  Text,
} from '@fluentui/react-components';
import { Suspense, lazy, useMemo, useRef, useState } from 'react';
import { type Report, formatUkDate, ownersOf, plural } from '../app';
import { ChangesList } from './components/ChangesList';
import { FindingsList } from './components/FindingsList';
import { NoPlanMessage } from './components/NoPlanMessage';
import { OwnersView } from './components/OwnersView';
import { WorkbookFileInput } from './components/WorkbookFileInput';
import { RagSummary } from './components/RagSummary';
import { SettingsForm } from './components/SettingsForm';
import type { Host } from '../app';
import { useStyles } from './styles';
import { useFocusReturn } from './useFocusReturn';
import { usePlanCheck } from './usePlanCheck';

// The column form and the update cycle's views load when first opened: the pane's initial script stays small.
const ColumnMapForm = lazy(() =>
  import(/* webpackChunkName: "columns" */ './components/ColumnMapForm').then((m) => ({ default: m.ColumnMapForm })),
);
const UpdateRequestsForm = lazy(() =>
  import(/* webpackChunkName: "updates" */ './components/UpdateRequestsForm').then((m) => ({ default: m.UpdateRequestsForm })),
);
const MergePreview = lazy(() =>
  import(/* webpackChunkName: "updates" */ './components/MergePreview').then((m) => ({ default: m.MergePreview })),
);

const AS_OF_SOURCE = { option: 'as you set', 'report-date': "the plan's Report Date", today: 'today' } as const;

/** "As of 1 Mar 21 (the plan's Report Date): 3 workstreams, 39 actions; 2 errors, 1 warning." */
function statusLine(report: Report): string {
  const what = [
    plural(report.workstreams.length, 'workstream'),
    ...(report.actions.length ? [plural(report.actions.length, 'action')] : []),
  ];
  const found = `${plural(report.counts.errors, 'error')}, ${plural(report.counts.warnings, 'warning')}`;
  return `As of ${formatUkDate(report.asOf)} (${AS_OF_SOURCE[report.asOfSource]}): ${what.join(', ')}; ${found}.`;
}

export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const {
    state,
    check,
    highlight,
    clear,
    summary,
    select,
    setAsOf,
    saveSettings,
    saveColumns,
    compareWith,
    clearComparison,
    ownersSheet,
    copyText,
    updates,
  } = usePlanCheck(host);
  const [requesting, setRequesting] = useState(false);
  const returnsInput = useRef<HTMLInputElement>(null);
  const [settingColumns, setSettingColumns] = useState(false);
  // Closing a panel (Save, Cancel, Close, Apply) puts focus back on the button that opened it.
  const setColumnsButton = useFocusReturn(settingColumns);
  const requestsButton = useFocusReturn(requesting);
  const mergeButton = useFocusReturn(updates.merge !== null);
  const busy = state.busy !== null;
  const report = state.result?.report;
  const [view, setView] = useState<'findings' | 'owners' | 'changes'>('findings');
  const previousInput = useRef<HTMLInputElement>(null);
  const owners = useMemo(() => (report ? ownersOf(report) : []), [report]);
  const shown = view === 'changes' && !state.comparison ? 'findings' : view;
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
        <Button onClick={() => previousInput.current?.click()} disabled={busy}>
          Compare with previous version…
        </Button>
        <WorkbookFileInput
          inputRef={previousInput}
          label="Previous version file"
          onFile={(file) =>
            void file.arrayBuffer().then(async (buf) => {
              await compareWith(file.name, new Uint8Array(buf));
              setView('changes');
            })
          }
        />
      </div>
      <div className={styles.row}>
        <Button ref={requestsButton} onClick={() => setRequesting(true)} disabled={busy}>
          Update requests…
        </Button>
        <Button ref={mergeButton} onClick={() => returnsInput.current?.click()} disabled={busy}>
          Merge returns…
        </Button>
        <WorkbookFileInput inputRef={returnsInput} label="Returned update forms" onFiles={(files) => void updates.previewReturns(files)} />
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
      {requesting && (
        <Suspense fallback={<Spinner size="tiny" label="Opening Update requests…" />}>
          <UpdateRequestsForm
            planFile={host.fileName}
            made={updates.requests}
            disabled={busy}
            onMake={(choice) => void updates.makeRequests(choice)}
            onClose={() => {
              updates.closeRequests();
              setRequesting(false);
            }}
          />
        </Suspense>
      )}
      {updates.merge && (
        <Suspense fallback={<Spinner size="tiny" label="Opening the preview…" />}>
          <MergePreview
            preview={updates.merge}
            disabled={busy}
            onApply={(accepted) => void updates.applyReturns(accepted)}
            onCancel={updates.closeMerge}
          />
        </Suspense>
      )}
      {settingColumns && (
        <Suspense fallback={<Spinner size="tiny" label="Opening Set columns…" />}>
          <ColumnMapForm
            host={host}
            settings={state.settings}
            asOf={state.asOf}
            disabled={busy}
            onSave={(columns, headerRow) => {
              setSettingColumns(false);
              void saveColumns(columns, headerRow);
            }}
            onCancel={() => setSettingColumns(false)}
          />
        </Suspense>
      )}
      {state.noPlan && !settingColumns && <NoPlanMessage raw={state.noPlan} disabled={busy} onSetColumns={() => setSettingColumns(true)} />}
      {report && (
        <>
          <Text role="status">{statusLine(report)}</Text>
          <RagSummary title="Workstreams by RAG" counts={report.counts.workstreamRag} />
          {report.actions.length > 0 && <RagSummary title="Actions by RAG" counts={report.counts.actionRag} />}
          <TabList selectedValue={shown} onTabSelect={(_, d) => setView(d.value as typeof view)} aria-label="Views">
            <Tab value="findings">{`Findings (${report.findings.length})`}</Tab>
            <Tab value="owners">By lead officer</Tab>
            {state.comparison && <Tab value="changes">{`Changes (${state.comparison.changes.length})`}</Tab>}
          </TabList>
          {shown === 'findings' && <FindingsList findings={report.findings} onSelect={select} />}
          {shown === 'owners' && (
            <OwnersView
              lists={owners}
              asOf={report.asOf}
              disabled={busy}
              onSelect={select}
              onCopy={(w, t) => void copyText(w, t)}
              onOwnersSheet={() => void ownersSheet()}
            />
          )}
          {shown === 'changes' && state.comparison && (
            <ChangesList
              comparison={state.comparison}
              onSelect={select}
              onClear={() => {
                clearComparison();
                setView('findings');
              }}
            />
          )}
        </>
      )}
      {!settingColumns && (
        <div className={styles.row}>
          <Button ref={setColumnsButton} onClick={() => setSettingColumns(true)} disabled={busy}>
            Set columns…
          </Button>
        </div>
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
