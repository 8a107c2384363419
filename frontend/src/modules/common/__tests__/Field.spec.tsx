import { describe, expect, it } from '@jest/globals';
import { renderToStaticMarkup } from 'react-dom/server';
import { Field, TextAreaField, TextField } from '../components/Field';

/** The id a `for` attribute points at, and the attributes of the element carrying that id. */
function labelledControl(html: string): { labelFor: string; control: string } {
  const labelFor = /<label for="([^"]+)"/.exec(html)?.[1] ?? '';
  const control = new RegExp(`<(input|textarea|select)[^>]*id="${labelFor}"[^>]*>`).exec(html)?.[0] ?? '';
  return { labelFor, control };
}

describe('form fields', () => {
  it('ties the label to its input and passes the input its attributes', () => {
    const html = renderToStaticMarkup(
      <TextField label="Title" value="Breathing" onValueChange={() => undefined} maxLength={200} required />,
    );
    const { labelFor, control } = labelledControl(html);
    expect(html).toContain('>Title</label>');
    expect(labelFor).not.toBe('');
    expect(control).toContain('maxLength="200"');
    expect(control).toContain('required=""');
    expect(control).toContain('value="Breathing"');
    expect(control).not.toContain('aria-invalid');
  });

  it('marks the control invalid when the form’s error names its field', () => {
    const html = renderToStaticMarkup(
      <TextField label="Due (optional)" type="date" value="" onValueChange={() => undefined} invalid />,
    );
    expect(labelledControl(html).control).toContain('aria-invalid="true"');
  });

  it('gives each field on a page its own id', () => {
    const html = renderToStaticMarkup(
      <>
        <TextAreaField label="Instructions (optional)" value="" onValueChange={() => undefined} rows={3} />
        <Field label="How often">{(control) => <select {...control} />}</Field>
      </>,
    );
    const ids = [...html.matchAll(/<label for="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(html).toContain(`id="${id}"`);
  });
});
