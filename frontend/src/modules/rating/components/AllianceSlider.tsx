import type { AllianceItem } from '../../common/lib/allianceItems';

/**
 * One 0-10 item as a range input with its value shown and words at both ends. Until the person
 * touches it the value reads "not answered", so an untouched default is never sent as an answer.
 */
export function AllianceSlider({
  item,
  index,
  value,
  onChange,
  invalid,
}: {
  item: AllianceItem;
  index: number;
  value: number | null;
  onChange: (value: number) => void;
  invalid: boolean;
}) {
  const id = `alliance-item-${item.id}`;
  const anchorsId = `${id}-anchors`;
  const set = (target: HTMLInputElement) => onChange(Number(target.value));
  return (
    <div
      className={`alliance-item${value === null ? ' is-unset' : ''}${invalid ? ' is-invalid' : ''}`}
      data-testid="alliance-item"
    >
      <div className="alliance-item__head">
        <label htmlFor={id} className="alliance-item__label">
          <span className="visually-hidden">Question {index + 1}: </span>
          {item.text}
        </label>
        <output htmlFor={id} className="alliance-item__value" aria-live="off">
          {value === null ? '–' : value}
        </output>
      </div>
      <input
        id={id}
        name={item.id}
        type="range"
        min={0}
        max={10}
        step={1}
        value={value ?? 5}
        aria-describedby={anchorsId}
        aria-valuetext={value === null ? 'Not answered yet' : `${value} out of 10`}
        aria-invalid={invalid || undefined}
        onChange={(event) => set(event.currentTarget)}
        // A tap on the middle of an untouched slider does not change its value, so count it too.
        onPointerUp={(event) => set(event.currentTarget)}
        onKeyUp={(event) => {
          if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') set(event.currentTarget);
        }}
      />
      <div id={anchorsId} className="alliance-item__anchors">
        <span>0 · {item.minLabel}</span>
        <span>{item.maxLabel} · 10</span>
      </div>
    </div>
  );
}
