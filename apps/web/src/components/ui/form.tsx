// The one form wrapper: react-hook-form with a zod schema from packages/shared, and fields wired
// to their label, hint and translated error message (aria-invalid, aria-describedby).
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, type FormHTMLAttributes, type ReactNode, type Ref } from 'react';
import {
  FormProvider,
  get,
  useForm,
  useFormContext,
  useFormState,
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '@/lib/api-client';
import { translateValidationMessage } from '@/lib/i18n';

type FormProps<TIn extends FieldValues, TOut extends FieldValues> = Omit<
  FormHTMLAttributes<HTMLFormElement>,
  'onSubmit' | 'children'
> & {
  ref?: Ref<HTMLFormElement>;
  schema: z.ZodType<TOut, TIn>;
  defaultValues: DefaultValues<TIn>;
  onSubmit: (values: TOut, methods: UseFormReturn<TIn, unknown, TOut>) => unknown;
  /**
   * Tidies what was typed just before validation on submit: Enter submits without a blur, so a
   * field that tidies itself on blur would otherwise be validated as typed.
   */
  beforeSubmit?: (methods: UseFormReturn<TIn, unknown, TOut>) => void;
  children: (methods: UseFormReturn<TIn, unknown, TOut>) => ReactNode;
};

export function Form<TIn extends FieldValues, TOut extends FieldValues>({
  schema,
  defaultValues,
  onSubmit,
  beforeSubmit,
  children,
  ...formProps
}: FormProps<TIn, TOut>) {
  const methods = useForm<TIn, unknown, TOut>({
    resolver: zodResolver(schema),
    defaultValues,
    shouldFocusError: true,
  });
  return (
    <FormProvider {...methods}>
      <form
        noValidate
        {...formProps}
        onSubmit={(event) => {
          beforeSubmit?.(methods);
          void methods.handleSubmit((values) => onSubmit(values, methods))(event);
        }}
      >
        {children(methods)}
      </form>
    </FormProvider>
  );
}

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with its hint and its (translated) error underneath. */
export function Field({ name, label, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const message = useFieldError(name);
  const describedBy = [hint ? hintId : null, message ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': Boolean(message),
        'aria-describedby': describedBy || undefined,
      })}
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <FieldErrorText id={errorId} message={message} />
    </div>
  );
}

/** The translated error of a field, or null. Re-renders when the language changes. */
export function useFieldError(name: string): string | null {
  const { i18n } = useTranslation();
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  const error: unknown = get(errors, name);
  const message =
    error && typeof error === 'object' && 'message' in error && typeof error.message === 'string'
      ? error.message
      : null;
  return message ? translateValidationMessage(message, i18n.language) : null;
}

export function FieldErrorText({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4.2v4.6M8 11.2v.1" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      {message}
    </p>
  );
}

/** Puts the BFF's field errors (400 VALIDATION_FAILED `details`) on the matching fields. */
export function applyServerFieldErrors<TIn extends FieldValues>(
  methods: Pick<UseFormReturn<TIn, unknown, FieldValues>, 'setError' | 'getValues'>,
  error: unknown,
): void {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return;
  const known = Object.keys(methods.getValues());
  for (const detail of error.details) {
    const field = detail.path.replace(/^body\./, '').split('.')[0] ?? '';
    if (known.includes(field)) {
      methods.setError(field as Path<TIn>, { type: 'server', message: detail.message });
    }
  }
}
