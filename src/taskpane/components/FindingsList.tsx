/** Findings grouped by severity, with counts and filters; each one selects its cell. */
import { Link, Text, ToggleButton } from '@fluentui/react-components';
import { useState } from 'react';
import type { Finding, Severity } from '../../app';
import { useStyles } from '../styles';

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'For information' },
];

export interface FindingsListProps {
  findings: Finding[];
  onSelect(f: Finding): void;
}

export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: false });
  if (findings.length === 0) {
    return <Text role="status">All clear: no problems found.</Text>;
  }
  return (
    <section aria-label="Findings">
      <div className={styles.row} role="group" aria-label="Show findings">
        {GROUPS.map(({ severity, title }) => (
          <ToggleButton
            key={severity}
            size="small"
            checked={shown[severity]}
            onClick={() => setShown((s) => ({ ...s, [severity]: !s[severity] }))}
          >
            {`${title} (${findings.filter((f) => f.severity === severity).length})`}
          </ToggleButton>
        ))}
      </div>
      {GROUPS.filter((g) => shown[g.severity]).map(({ severity, title }) => {
        const mine = findings.filter((f) => f.severity === severity);
        if (mine.length === 0) return null;
        return (
          <section key={severity} aria-label={`${title} (${mine.length})`}>
            <Text as="h3" weight="semibold" block>
              {`${title} (${mine.length})`}
            </Text>
            <ul className={styles.list}>
              {mine.map((f, i) => (
                <li key={`${f.sheet}!${f.cell}:${f.code}:${i}`} className={styles.item}>
                  <Link as="button" onClick={() => onSelect(f)} aria-label={`Go to ${f.sheet}!${f.cell}: ${f.code}`}>
                    {f.cell}
                  </Link>
                  <Text size={200} className={styles.message}>
                    {f.message}
                  </Text>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
