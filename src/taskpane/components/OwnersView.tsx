/** "By lead officer": what each lead has to chase, with cells, ready to paste into an email. */
import { Button, Link, Text } from '@fluentui/react-components';
import { type OwnerItem, type OwnerList, formatUkDate, ownerCounts, ownerListText, shortText } from '../../app';
import { useStyles } from '../styles';
import type { CellRef } from '../usePlanCheck';

export interface OwnersViewProps {
  lists: OwnerList[];
  asOf: string;
  disabled: boolean;
  onSelect(ref: CellRef): void;
  onCopy(what: string, text: string): void;
  onOwnersSheet(): void;
}

const BUCKETS: { key: 'overdue' | 'dueSoon' | 'unclear'; title: string }[] = [
  { key: 'overdue', title: 'Overdue' },
  { key: 'dueSoon', title: 'Due soon' },
  { key: 'unclear', title: 'Unclear' },
];

function label(i: OwnerItem): string {
  if (i.bucket === 'unclear') return i.detail;
  const what =
    i.kind === 'workstream'
      ? `Workstream "${shortText(i.workstream, 60)}"`
      : `${i.number !== null ? `Action ${i.number}` : 'Action'}: ${shortText(i.description, 90)}`;
  return i.targetDate ? `${what} (target ${formatUkDate(i.targetDate)}${i.percent !== null ? `, ${i.percent}% done` : ''})` : what;
}

export function OwnersView({ lists, asOf, disabled, onSelect, onCopy, onOwnersSheet }: OwnersViewProps) {
  const styles = useStyles();
  return (
    <section aria-label="By lead officer">
      {lists.length === 0 ? (
        <Text role="status">Nothing to chase: no overdue, due-soon or unclear actions.</Text>
      ) : (
        lists.map((list) => {
          const who = list.lead ?? 'No lead officer';
          return (
            <section key={who} aria-label={who} className={styles.form}>
              <Text as="h3" weight="semibold" block>
                {`${who}: ${ownerCounts(list)}`}
              </Text>
              {BUCKETS.filter((b) => list[b.key].length > 0).map((b) => (
                <div key={b.key}>
                  <Text as="h4" size={200} weight="semibold" block>
                    {b.title}
                  </Text>
                  <ul className={styles.list}>
                    {list[b.key].map((i, n) => (
                      <li key={`${i.sheet}!${i.cell}:${n}`} className={styles.item}>
                        <Link
                          as="button"
                          onClick={() => onSelect({ sheet: i.sheet, cell: i.cell })}
                          aria-label={`Go to ${i.sheet}!${i.cell} (${who}, ${b.title.toLowerCase()})`}
                        >
                          {i.cell}
                        </Link>
                        <Text size={200} className={styles.message}>
                          {label(i)}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              <div className={styles.row}>
                <Button size="small" onClick={() => onCopy(`${who}'s list`, ownerListText(list, asOf))}>
                  {`Copy ${who}'s list`}
                </Button>
              </div>
            </section>
          );
        })
      )}
      <div className={styles.row}>
        <Button onClick={onOwnersSheet} disabled={disabled}>
          Add Owners sheet
        </Button>
      </div>
    </section>
  );
}
