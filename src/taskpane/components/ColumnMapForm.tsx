/**
 * "Set columns…": name the columns PlanCheck could not tell, see the first actions as they
 * would be read, and save the map with the settings. Loaded only when opened.
 */
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
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { type ColumnMap, type MapField, type Settings, MAP_FIELD_LABELS, plural } from '../../app';
import type { ColumnMapPreview } from '../../app';
import type { Host } from '../../app';
import { useStyles as usePaneStyles } from '../styles';
import { useColumnMap } from '../useColumnMap';
import { Panel } from './Panel';

export interface ColumnMapFormProps {
  host: Host;
  settings: Settings;
  asOf: string;
  disabled: boolean;
  onSave(columns: ColumnMap, headerRow: number | null): void;
  onCancel(): void;
}

/** The fields most plans have, shown first; the rest are under "More columns". */
const MAIN: MapField[] = ['action', 'lead', 'target', 'progress', 'status', 'rag'];
const MORE: MapField[] = ['workstream', 'ref', 'start', 'revised', 'original', 'update'];

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: tokens.spacingHorizontalS },
  scroll: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: '480px' },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export function ColumnMapForm({ host, settings, asOf, disabled, onSave, onCancel }: ColumnMapFormProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { state, setSheet, setHeaderRow, setField, toSave } = useColumnMap(host, settings, { asOf });
  const { draft, choices, preview } = state;
  const hasSaved = Object.keys(settings.columns).length > 0;
  const where = host.settings.scope === 'session' ? 'session' : 'workbook';

  // Opening the form takes the reader to it.

  const fieldSelect = (name: MapField) => (
    <Field key={name} label={MAP_FIELD_LABELS[name]}>
      <Select value={draft?.columns[name] ?? ''} onChange={(_, d) => setField(name, d.value)} disabled={!draft}>
        <option value="">(not in this sheet)</option>
        {choices.map((c) => (
          <option key={c.letter} value={c.letter}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <Panel title="Set columns">
      <Text>
        Say which column holds what. The preview shows the first actions as PlanCheck will read them; Save keeps the map with the settings.
      </Text>
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>{`The workbook could not be read: ${state.error}`}</MessageBarBody>
        </MessageBar>
      )}
      {!draft && !state.error && <Spinner size="tiny" label="Reading the headers…" />}
      {draft && (
        <form
          className={pane.form}
          aria-label="Set columns"
          onSubmit={(e) => {
            e.preventDefault();
            if (toSave) onSave(toSave.columns, toSave.headerRow);
          }}
        >
          <div className={pane.row}>
            {state.sheets.length > 1 && (
              <Field label="Sheet">
                <Select value={draft.sheet} onChange={(_, d) => setSheet(d.value)}>
                  {state.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label="Header row" hint="The row number of the column headings">
              <Input type="number" min={1} value={state.headerRowText} onChange={(_, d) => setHeaderRow(d.value)} />
            </Field>
          </div>
          <div className={styles.fields}>{MAIN.map(fieldSelect)}</div>
          <Accordion collapsible defaultOpenItems={MORE.some((f) => draft.columns[f]) ? ['more'] : []}>
            <AccordionItem value="more">
              <AccordionHeader>More columns</AccordionHeader>
              <AccordionPanel>
                <div className={styles.fields}>{MORE.map(fieldSelect)}</div>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
          <PreviewTable preview={preview} sheet={draft.sheet} />
          <Text>
            {where === 'workbook'
              ? 'Saved in this workbook: everyone who opens it, and Build summary on the ribbon, reads it the same way.'
              : 'Saved for this session: the map is used until you close the page or open another file.'}
          </Text>
          <div className={pane.row}>
            <Button type="submit" appearance="primary" disabled={disabled || !toSave}>
              Save columns
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
            {hasSaved && (
              <Button onClick={() => onSave({}, null)} disabled={disabled}>
                Remove the column map
              </Button>
            )}
          </div>
        </form>
      )}
    </Panel>
  );
}

function PreviewTable({ preview, sheet }: { preview: ColumnMapPreview | null; sheet: string }) {
  const styles = useStyles();
  const captionId = useId();
  if (!preview) return null;
  const what = preview.actions ? plural(preview.actions, 'action') : plural(preview.workstreams, 'workstream');
  return (
    <section aria-label="Preview">
      <Text as="h3" size={300} weight="semibold">
        Preview
      </Text>
      <Text as="p" role="status" id={captionId} className={mergeClasses(preview.problem ? styles.problem : undefined)}>
        {preview.problem ?? `${what} read on "${sheet}"; the first ${Math.min(preview.rows.length, 5)} as they would be read:`}
      </Text>
      {preview.rows.length > 0 && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label="Preview table, scrolls sideways">
          <Table size="extra-small" className={styles.table} aria-labelledby={captionId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Row</TableHeaderCell>
                <TableHeaderCell>Action</TableHeaderCell>
                <TableHeaderCell>Lead</TableHeaderCell>
                <TableHeaderCell>Target</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>RAG</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rows.map((r) => (
                <TableRow key={r.row}>
                  <TableCell>{r.row}</TableCell>
                  <TableCell>{r.description || '(none)'}</TableCell>
                  <TableCell>{r.leads || '(none)'}</TableCell>
                  <TableCell>{r.target || '(none)'}</TableCell>
                  <TableCell>{r.status || '—'}</TableCell>
                  <TableCell>{r.rag}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
