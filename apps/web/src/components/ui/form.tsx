// The form wrapper of the screens that load on demand (the schedule form): react-hook-form with a
// zod schema from packages/shared, and fields wired to their label, hint and translated error
// message (field.tsx). The sign-in form, on the first screen, uses field.tsx alone.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FormHTMLAttributes, ReactNode, Ref } from 'react';
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
import { useTranslation } from '@/lib/i18n';
import type { z } from 'zod';
import { SCHEDULE_NAME_MAX } from '@zomro-dash/shared/plain';
import { ApiError } from '@/lib/api-client';
import { addValidationMessages, translateValidationMessage } from '@/lib/i18n';
import { FieldShell, type FieldShellProps } from './field';

// The schedule schemas' messages and their texts (the sign-in form's are in @/lib/i18n).
addValidationMessages([
  ['Name is required', 'validation.nameRequired'],
  [`Name must be at most ${SCHEDULE_NAME_MAX} characters`, 'validation.nameTooLong'],
  [
    'Name must not contain control characters, text-direction controls or broken characters',
    'validation.nameControl',
  ],
  ['Choose at least one day', 'validation.daysRequired'],
  ['Each day may appear only once', 'validation.daysDistinct'],
  ['Time is required', 'validation.timeRequired'],
  ['Time must be a valid time between 00:00 and 23:59', 'validation.timeInvalid'],
]);

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

interface FieldProps extends Omit<FieldShellProps, 'message'> {
  name: string;
}

/** A labelled control of the form with its hint and its (translated) error underneath. */
export function Field({ name, ...props }: FieldProps) {
  return <FieldShell {...props} message={useFieldError(name)} />;
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
