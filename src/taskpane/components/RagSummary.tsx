/** RAG counts in words and colour (never colour alone). */
import { Badge, type BadgeProps, Text } from '@fluentui/react-components';
import { RAG_LABELS, type RagLabel } from '../../app';
import { useStyles } from '../styles';

const COLOUR: Record<RagLabel, BadgeProps['color']> = {
  'Not Started': 'subtle',
  Concern: 'danger',
  Caution: 'warning',
  'On Target': 'success',
  Complete: 'brand',
};

/** One RAG label as a badge: the word is always there. */
export function RagBadge({ rag, count }: { rag: RagLabel; count?: number }) {
  return (
    <Badge appearance="filled" color={COLOUR[rag]} shape="rounded">
      {count === undefined ? rag : `${rag}: ${count}`}
    </Badge>
  );
}

/** Counts of workstreams (and actions) by RAG. */
export function RagSummary({ title, counts }: { title: string; counts: Record<string, number> }) {
  const styles = useStyles();
  return (
    <section aria-label={title}>
      <Text weight="semibold" as="h3" block>
        {title}
      </Text>
      <div className={styles.badges}>
        {RAG_LABELS.map((l) => (
          <RagBadge key={l} rag={l} count={counts[l] ?? 0} />
        ))}
      </div>
    </section>
  );
}
