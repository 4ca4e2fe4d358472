/** The pane as a web page: open an .xlsx (picker or drag-and-drop), check it, download the result. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type DragEvent, useRef, useState } from 'react';
import { App } from '../App';
import { WorkbookFileInput } from '../components/WorkbookFileInput';
import { type OpenedFile, openWorkbookBytes } from './fileHost';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  dragging: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function FileMode() {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function open(file: File) {
    setError(null);
    setSelected(null);
    setLoading(`Opening ${file.name}…`);
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const result = await openWorkbookBytes(file.name, data, (sheet, cell) => setSelected(`${sheet}!${cell}`));
      setOpened(result);
      setGeneration((g) => g + 1);
    } catch (e) {
      setOpened(null);
      setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(null);
    }
  }

  function download() {
    if (!opened) return;
    const bytes = opened.bytes();
    const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: XLSX_TYPE }));
    const a = document.createElement('a');
    a.href = url;
    a.download = opened.downloadName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
  };

  return (
    <div className={styles.root}>
      <section
        aria-label="Open a workbook"
        className={dragging ? `${styles.drop} ${styles.dragging}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text as="h1" size={500} weight="semibold">
          PlanCheck
        </Text>
        <Text>Check a plan without Excel: open an .xlsx workbook or drop it here. It stays on this computer; nothing is uploaded.</Text>
        <div className={styles.row}>
          <Button appearance={opened ? 'secondary' : 'primary'} onClick={() => input.current?.click()}>
            {opened ? 'Open another workbook…' : 'Open a workbook…'}
          </Button>
          {opened && (
            <Button appearance="primary" onClick={download}>
              Download
            </Button>
          )}
        </div>
        <WorkbookFileInput inputRef={input} label="Workbook file" onFile={(file) => void open(file)} />
        {opened && (
          <Text>{`Open: ${opened.host.fileName}. Download saves a new file, ${opened.downloadName}; the original is untouched.`}</Text>
        )}
      </section>
      {loading && <Spinner size="tiny" label={loading} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not open the workbook</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {selected && <Text role="status">{`Selected cell: ${selected}`}</Text>}
      {opened && <App key={generation} host={opened.host} />}
    </div>
  );
}
