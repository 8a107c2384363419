import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

/** What the control inside a Field spreads onto itself: the id its label points at, and validity. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
}

/**
 * One labelled form control. The label is tied to the control by a generated id, and a control that
 * the form's error names is marked invalid; the message itself is announced by the form's FormMessage.
 */
export function Field({
  label,
  invalid = false,
  children,
}: {
  label: ReactNode;
  invalid?: boolean;
  /** Renders the control (input, textarea, select) with the given props spread onto it. */
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': invalid || undefined })}
    </div>
  );
}

/** The props a text control takes besides those its Field gives it. */
type OwnProps<Attributes> = Omit<Attributes, 'id' | 'value' | 'onChange' | 'aria-invalid'> & {
  label: ReactNode;
  invalid?: boolean;
  value: string;
  onValueChange: (value: string) => void;
};

/** A Field holding one `<input>` (text, date, number…) whose value is a string in the form's state. */
export function TextField({
  label,
  invalid,
  value,
  onValueChange,
  ...input
}: OwnProps<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field label={label} invalid={invalid}>
      {(control) => (
        <input {...input} {...control} value={value} onChange={(event) => onValueChange(event.target.value)} />
      )}
    </Field>
  );
}

/** A Field holding one `<textarea>` whose value is a string in the form's state. */
export function TextAreaField({
  label,
  invalid,
  value,
  onValueChange,
  ...textarea
}: OwnProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <Field label={label} invalid={invalid}>
      {(control) => (
        <textarea {...textarea} {...control} value={value} onChange={(event) => onValueChange(event.target.value)} />
      )}
    </Field>
  );
}
