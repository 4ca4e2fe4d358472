/** Closing a panel the pane opened in place puts focus back on the button that opened it, not on the page. */
import { type RefObject, useEffect, useRef } from 'react';

/** A ref for the opener; focused when `open` goes from true to false. */
export function useFocusReturn(open: boolean): RefObject<HTMLButtonElement> {
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return opener;
}
