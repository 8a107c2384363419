import { Field } from '../../common/components/Field';

/** A time zone from PostgreSQL's own list (the timeZones query), so the server never refuses the choice. */
export function TimeZoneSelect({
  label,
  zones,
  value,
  onChange,
  invalid,
}: {
  label: string;
  zones: readonly string[];
  value: string;
  onChange: (zone: string) => void;
  invalid?: boolean;
}) {
  const listed = zones.includes(value) ? zones : [value, ...zones];
  return (
    <Field label={label} invalid={invalid}>
      {(control) => (
        <select {...control} name="timezone" value={value} onChange={(event) => onChange(event.target.value)}>
          {listed.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
