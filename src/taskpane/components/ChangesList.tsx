/** Changes since the previous version, grouped by kind, each linking to its row. */
import { Button, Link, Text } from '@fluentui/react-components';
import { CHANGE_CODES, CHANGE_TITLES, type Change, type Comparison, comparisonHeadline, formatUkDate, shortText } from '../../app';
import { useStyles } from '../styles';
import type { CellRef } from '../usePlanCheck';

export interface ChangesListProps {
  comparison: Comparison;
  onSelect(ref: CellRef): void;
  onClear(): void;
}

/** Long plan text shortened for a narrow pane (the row link leads to the whole of it), without a closing stop. */
function short(s: string, n: number): string {
  return shortText(s.trim().replace(/[.;,]+$/, ''), n);
}

function name(c: Change): string {
  const place = c.current ?? c.previous;
  if (c.kind === 'workstream') return `Workstream "${short(c.workstream, 60)}"`;
  return `${place?.number !== null && place?.number !== undefined ? `Action ${place.number}` : 'Action'} of "${short(c.workstream, 40)}": ${short(c.item, 80)}`;
}

export function ChangesList({ comparison, onSelect, onClear }: ChangesListProps) {
  const styles = useStyles();
  return (
    <section aria-label="Changes since last report">
      <Text as="h3" weight="semibold" block>
        {`Since ${comparison.previous.file} (${formatUkDate(comparison.previous.asOf)})`}
      </Text>
      <Text role="status" block>
        {`${comparisonHeadline(comparison)}.`}
      </Text>
      {CHANGE_CODES.map((code) => {
        const mine = comparison.changes.filter((c) => c.code === code);
        if (mine.length === 0) return null;
        const title = `${CHANGE_TITLES[code]} (${mine.length})`;
        return (
          <section key={code} aria-label={title}>
            <Text as="h4" weight="semibold" block>
              {title}
            </Text>
            <ul className={styles.list}>
              {mine.map((c, i) => (
                <li key={`${code}:${i}`} className={styles.item}>
                  {c.current ? (
                    <Link
                      as="button"
                      onClick={() => onSelect({ sheet: c.current!.sheet, cell: `A${c.current!.row}` })}
                      aria-label={`Go to row ${c.current.row}: ${name(c)}`}
                    >
                      {`Row ${c.current.row}`}
                    </Link>
                  ) : (
                    <Text size={200}>{`Was row ${c.previous!.row}`}</Text>
                  )}
                  <Text size={200} className={styles.message}>
                    {`${name(c)}. ${c.message}`}
                  </Text>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <Button size="small" onClick={onClear}>
        Stop comparing
      </Button>
    </section>
  );
}
