// One form to create and to edit a schedule: name, days, time in the provider's zone, and a
// preview of the next runs. Validated with the shared schema before anything is sent; a refusal
// from the BFF is shown above the buttons and the form keeps what was typed.
import type { ScheduleInput, ValidScheduleInput } from '@zomro-dash/shared';
import { isWeekday, normaliseTime, SCHEDULE_NAME_MAX, WEEKDAYS } from '@zomro-dash/shared/plain';
import { scheduleInputSchema } from '@/lib/schemas';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Controller, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from '@/lib/i18n';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyServerFieldErrors, Field, Form, useFieldError } from '@/components/ui/form';
import { FieldErrorText } from '@/components/ui/field';
import { useNow } from '@/hooks/use-now';
import { ApiError } from '@/lib/api-client';
import { findOverlaps, type OtherSchedule } from '../lib/overlap';
import { localTimeOfSchedule, PROVIDER_ZONE_LABEL } from '@/lib/schedule-time';
import { summarizeDays } from '@/lib/weekdays';
import { NextRunsPreview } from './next-runs-preview';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { WeekdayPicker } from './weekday-picker';

export interface ScheduleFormProps {
  mode: 'create' | 'edit';
  title: string;
  /** A line under the title (who changed the schedule last). */
  note?: ReactNode;
  defaultValues: ScheduleInput;
  /**
   * Resolves when saved; resolves `false` when not saved but handled (a conflict dialog took
   * over); rejects with the BFF's error, which the form shows.
   */
  onSubmit: (values: ValidScheduleInput) => Promise<unknown>;
  /** After a successful save (where the page usually navigates away). */
  onSaved?: () => void;
  onCancel: () => void;
  /** Filled with a function that submits the form as the Save button does. */
  submitRef?: RefObject<(() => void) | null>;
  /** Ask before leaving with unsaved changes (needs a data router; the app's routes set it). */
  warnBeforeLeaving?: boolean;
  /** The operator's zone; the browser's when not given (tests pass one). */
  timeZone?: string;
  /**
   * The instance's other schedules (in apply to many, those of every chosen server, named): the
   * form warns when the new values start at the same minute.
   */
  others?: readonly OtherSchedule[];
}

export function ScheduleForm({
  mode,
  title,
  note,
  defaultValues,
  onSubmit,
  onSaved,
  onCancel,
  submitRef,
  warnBeforeLeaving = false,
  timeZone,
  others,
}: ScheduleFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [submitError, setSubmitError] = useState<{ error: unknown; name: string } | null>(null);
  const [pending, setPending] = useState(false);
  // The form leaves on purpose (saved or cancelled): the unsaved-changes guard lets it go.
  const released = useRef(false);
  useEffect(() => {
    if (!submitRef) return;
    submitRef.current = () => formRef.current?.requestSubmit();
    return () => {
      submitRef.current = null;
    };
  }, [submitRef]);

  return (
    <section className="panel form-panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{title}</h2>
      </div>
      {note}
      <Form
        ref={formRef}
        schema={scheduleInputSchema}
        defaultValues={defaultValues}
        aria-labelledby={titleId}
        beforeSubmit={({ getValues, setValue }) => {
          // "3:00" + Enter saves 03:00; the shared schema stays strict (the API takes HH:MM).
          const typed = getValues('time');
          const normal = normaliseTime(typed);
          if (normal !== typed) setValue('time', normal);
        }}
        onSubmit={async (values, methods) => {
          if (pending) return;
          setPending(true);
          setSubmitError(null);
          try {
            if ((await onSubmit(values)) === false) return;
            released.current = true;
            onSaved?.();
          } catch (error) {
            setSubmitError({ error, name: values.name });
            applyServerFieldErrors(methods, error);
          } finally {
            setPending(false);
          }
        }}
      >
        {() => (
          <>
            <FocusNameOnOpen />
            {warnBeforeLeaving ? <LeaveGuard released={released} /> : null}
            <div className="form-grid">
              <div className="form-fields">
                <NameField />
                <DaysField />
                <TimeField timeZone={timeZone} />
                {others && others.length > 0 ? <OverlapWarning others={others} /> : null}
              </div>
              <Preview timeZone={timeZone} />
            </div>
            {submitError ? (
              <ErrorAlert
                change
                error={submitError.error}
                title={t(mode === 'create' ? 'schedules.createFailed' : 'schedules.updateFailed', {
                  name: submitError.name,
                })}
                onRetry={
                  submitError.error instanceof ApiError &&
                  (submitError.error.isRetryable || submitError.error.isSessionLost)
                    ? () => formRef.current?.requestSubmit()
                    : undefined
                }
              />
            ) : null}
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" aria-busy={pending}>
                {pending ? <span className="spinner" aria-hidden="true" /> : null}
                {t(mode === 'create' ? 'form.create' : 'form.save')}
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                // Not released: with unsaved changes the guard asks before they go.
                onClick={onCancel}
              >
                {t('form.cancel')}
              </button>
              {pending ? (
                <span className="muted" role="status">
                  {t(mode === 'create' ? 'form.creating' : 'form.savingChanges')}
                </span>
              ) : null}
            </div>
          </>
        )}
      </Form>
    </section>
  );
}

function LeaveGuard({ released }: { released: RefObject<boolean> }) {
  const { isDirty } = useFormState<ScheduleInput>();
  return <UnsavedChangesGuard dirty={isDirty} released={released} />;
}

function FocusNameOnOpen() {
  const { setFocus } = useFormContext<ScheduleInput>();
  useEffect(() => setFocus('name'), [setFocus]);
  return null;
}

function NameField() {
  const { t } = useTranslation();
  const { register, control } = useFormContext<ScheduleInput>();
  const name = useWatch({ control, name: 'name' }) ?? '';
  const length = name.trim().length;
  return (
    <Field
      name="name"
      label={t('form.name')}
      hint={
        <span className={length > SCHEDULE_NAME_MAX ? 'counter is-over' : 'counter'}>
          {t('form.nameCount', { count: length, max: SCHEDULE_NAME_MAX })}
        </span>
      }
    >
      {(aria) => (
        <input {...aria} {...register('name')} className="input" type="text" autoComplete="off" />
      )}
    </Field>
  );
}

function DaysField() {
  const { control } = useFormContext<ScheduleInput>();
  const errorId = useId();
  const message = useFieldError('days');
  return (
    <div className="field">
      <Controller
        control={control}
        name="days"
        render={({ field }) => (
          <WeekdayPicker
            value={field.value.filter(isWeekday)}
            onChange={field.onChange}
            onBlur={field.onBlur}
            firstDayRef={field.ref}
            invalid={Boolean(message)}
            describedBy={message ? errorId : undefined}
          />
        )}
      />
      <FieldErrorText id={errorId} message={message} />
    </div>
  );
}

function TimeField({ timeZone }: { timeZone?: string }) {
  const { t, i18n } = useTranslation();
  const { register, control, setValue, formState, trigger } = useFormContext<ScheduleInput>();
  const [time, days] = useWatch({ control, name: ['time', 'days'] });
  const now = useNow();
  const wanted = days.filter(isWeekday);
  // Worked out from the time as it will be saved ("1:15" is 01:15), so that leaving the field
  // changes nothing on screen: a press on the button below must land where the click does.
  const local = localTimeOfSchedule(
    wanted.length > 0 ? wanted : WEEKDAYS,
    normaliseTime(time),
    now,
    i18n.language,
    timeZone,
  );
  const field = register('time');
  return (
    <Field
      name="time"
      label={t('form.time', { zone: PROVIDER_ZONE_LABEL })}
      hint={
        <>
          {t('form.timeHint')}
          {local ? (
            <strong className="local-equivalent">
              {' '}
              = {t('form.localEquivalent', { time: local.time, zone: local.zone })}
              {local.shift !== 0
                ? `, ${t(local.shift < 0 ? 'schedules.previousDay' : 'schedules.nextDay')}`
                : null}
            </strong>
          ) : null}
        </>
      }
    >
      {(aria) => (
        <input
          {...aria}
          {...field}
          onBlur={(event) => {
            const normal = normaliseTime(event.target.value);
            if (normal !== event.target.value) {
              setValue('time', normal, { shouldValidate: formState.isSubmitted });
            }
            void field.onBlur(event);
            // "24:00", "2:61" or "abc" say so as the field is left, not only on submit — unless
            // the focus goes to the submit button: an error line appearing now would move the
            // button under the pointer and lose the click; the submit checks everything anyway.
            const to = event.relatedTarget;
            const toSubmit = to instanceof HTMLButtonElement && to.type === 'submit';
            if (event.target.value.trim() !== '' && !toSubmit) void trigger('time');
          }}
          className="input input-time"
          type="text"
          inputMode="numeric"
          placeholder={t('form.timePlaceholder')}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );
}

function Preview({ timeZone }: { timeZone?: string }) {
  const { control } = useFormContext<ScheduleInput>();
  const [time, days] = useWatch({ control, name: ['time', 'days'] });
  const now = useNow();
  return <NextRunsPreview days={days} time={normaliseTime(time)} now={now} timeZone={timeZone} />;
}

/** Said before saving, not a refusal: Zomro takes two schedules at the same minute. */
function OverlapWarning({ others }: { others: NonNullable<ScheduleFormProps['others']> }) {
  const { t, i18n } = useTranslation();
  const { control } = useFormContext<ScheduleInput>();
  const [time, days] = useWatch({ control, name: ['time', 'days'] });
  const overlaps = findOverlaps(days.filter(isWeekday), normaliseTime(time), others);
  return (
    <div role="status" className="overlap-status">
      {overlaps.map((overlap) => (
        <p key={`${overlap.server ?? ''}\u0000${overlap.name}`} className="alert alert-warn">
          {t(overlap.server === undefined ? 'overlap.warning' : 'overlap.warningOn', {
            name: overlap.name,
            days: summarizeDays(overlap.days, i18n.language),
            server: overlap.server,
          })}
        </p>
      ))}
    </div>
  );
}
