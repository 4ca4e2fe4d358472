/** A panel the pane opens in place ("Set columns…", "Update requests…", "Merge returns…"): a region named by its heading, which takes focus when it opens. */
import { Text } from '@fluentui/react-components';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { usePanelStyles } from '../styles';

export interface PanelProps {
  title: string;
  /** The heading takes focus again whenever this changes (a new preview in the same panel). */
  focusKey?: unknown;
  children: ReactNode;
}

/** The panel's frame; its content is the children. */
export function Panel({ title, focusKey, children }: PanelProps) {
  const styles = usePanelStyles();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [focusKey]);
  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <Text as="h2" size={400} weight="semibold" id={titleId} ref={heading} tabIndex={-1} className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}
