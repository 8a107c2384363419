import { getInstrument } from '@cairn/shared';
import { useRef, useState, type FormEvent } from 'react';
import { FormMessage } from '../../common/components/FormMessage';
import type { CrisisResources, Instrument, InstrumentOption } from '../../common/graphql/types';
import { useIdempotentMutation } from '../../common/hooks/useIdempotentMutation';
import { SUBMIT_QUESTIONNAIRE_MUTATION } from '../graphql/portal';

// Used when the server sends no labelled answers or prompt: the shared definition of the same code.
function optionsFor(instrument: Instrument, min: number, max: number): readonly InstrumentOption[] {
  if (instrument.options.length > 0) return instrument.options;
  const shared = getInstrument(instrument.code)?.responseOptions;
  if (shared && shared.length > 0) return shared;
  return Array.from({ length: max - min + 1 }, (_, index) => ({ value: min + index, label: String(min + index) }));
}

/** A questionnaire (PHQ-9, GAD-7) as one radio group per item; every item must be answered. */
export function QuestionnaireForm({
  instrument,
  onCrisis,
  onDone,
}: {
  instrument: Instrument;
  onCrisis: (crisis: CrisisResources) => void;
  onDone: (code: string) => void;
}) {
  const [answers, setAnswers] = useState<(number | null)[]>(() => instrument.items.map(() => null));
  const [localError, setLocalError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { submit, loading, error } = useIdempotentMutation(SUBMIT_QUESTIONNAIRE_MUTATION, {
    refetchQueries: ['Portal'],
  });
  const prompt = instrument.prompt ?? getInstrument(instrument.code)?.prompt ?? null;
  const answered = answers.filter((answer) => answer !== null).length;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLocalError(null);
    const missing = answers.findIndex((answer) => answer === null);
    if (missing >= 0) {
      setLocalError(`Please answer every question (${answers.length - answered} left).`);
      form.current?.querySelector<HTMLInputElement>(`input[name="${instrument.code}-${missing}"]`)?.focus();
      return;
    }
    const result = await submit({ instrumentCode: instrument.code, answers: answers as number[] });
    if (!result) return;
    if (result.submitQuestionnaire.crisis) onCrisis(result.submitQuestionnaire.crisis);
    onDone(instrument.code);
  }

  return (
    <form
      ref={form}
      className="questionnaire"
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
      aria-label={instrument.title}
      data-testid={`questionnaire-${instrument.code}`}
    >
      <h3 className="questionnaire__title">{instrument.title}</h3>
      {prompt && <p className="questionnaire__prompt">{prompt}</p>}
      <ol className="questionnaire__items">
        {instrument.items.map((item, index) => {
          const options = optionsFor(instrument, item.min, item.max);
          return (
            <li key={item.id}>
              <fieldset className="question">
                <legend>
                  <span className="question__number">{index + 1}.</span> {item.text}
                </legend>
                <div className="question__options">
                  {options.map((option) => (
                    <label key={option.value} className="option">
                      <input
                        type="radio"
                        name={`${instrument.code}-${index}`}
                        value={option.value}
                        checked={answers[index] === option.value}
                        onChange={() =>
                          setAnswers((previous) => previous.map((answer, i) => (i === index ? option.value : answer)))
                        }
                      />
                      <span>{option.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p className="muted" aria-live="polite">
        {answered} of {answers.length} answered
      </p>
      <FormMessage error={localError ?? error?.message} />
      <button type="submit" className="button button--primary button--block" disabled={loading}>
        {loading ? 'Sending…' : 'Send answers'}
      </button>
    </form>
  );
}
