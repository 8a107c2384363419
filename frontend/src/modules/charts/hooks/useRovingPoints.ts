import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

export interface PointProps {
  tabIndex: number;
  ref: (element: SVGElement | null) => void;
  onFocus: (event: FocusEvent<SVGElement>) => void;
  onBlur: (event: FocusEvent<SVGElement>) => void;
  onKeyDown: (event: KeyboardEvent<SVGElement>) => void;
  onMouseEnter: () => void;
  onMouseLeave: () => void;
}

/**
 * Keyboard access to a chart's points with one tab stop per chart (a roving tabindex): Tab reaches
 * the latest point, arrow keys move between points, Home/End jump to the ends, Escape hides the
 * detail. Hover shows the same detail as focus. `active` is the point whose detail is showing.
 */
export function useRovingPoints(count: number): { active: number | null; pointProps: (index: number) => PointProps } {
  const elements = useRef<(SVGElement | null)[]>([]);
  const [focused, setFocused] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [tabStop, setTabStop] = useState<number | null>(null);
  const stop = tabStop !== null && tabStop < count ? tabStop : count - 1;

  const move = useCallback(
    (to: number) => {
      const target = Math.max(0, Math.min(count - 1, to));
      elements.current[target]?.focus();
    },
    [count],
  );

  const pointProps = (index: number): PointProps => ({
    tabIndex: index === stop ? 0 : -1,
    ref: (element) => {
      elements.current[index] = element;
    },
    onFocus: () => {
      setFocused(index);
      setTabStop(index);
      setDismissed(false);
    },
    onBlur: () => setFocused((current) => (current === index ? null : current)),
    onKeyDown: (event) => {
      const keys: Record<string, number | undefined> = {
        ArrowRight: index + 1,
        ArrowUp: index + 1,
        ArrowLeft: index - 1,
        ArrowDown: index - 1,
        Home: 0,
        End: count - 1,
      };
      const target = keys[event.key];
      if (target !== undefined) {
        event.preventDefault();
        move(target);
      } else if (event.key === 'Escape') {
        setDismissed(true);
        setHovered(null);
      }
    },
    onMouseEnter: () => {
      setHovered(index);
      setDismissed(false);
    },
    onMouseLeave: () => setHovered((current) => (current === index ? null : current)),
  });

  const active = dismissed ? null : (hovered ?? focused);
  return { active: active !== null && active < count ? active : null, pointProps };
}
