import type { ReactNode } from 'react';

/** Attributes a field hands to its control, so label, hint and error are tied to it for screen readers. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  /** The reason this field was refused, shown beside it. */
  error?: string | null;
  children: (props: ControlProps) => ReactNode;
}

/**
 * A form field in the NL Design System's markup (utrecht-form-field classes, styled by the Rijkshuisstijl
 * CSS). Written here because the library's FormField nests the label in a second label and its select
 * field's label points at an id the select does not get; a label must name its control (WCAG 1.3.1).
 */
export function Field({ id, label, description, error, children }: FieldProps) {
  const hintId = description ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={hintId!}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message utrecht-form-field__error-message" id={errorId!}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
      </div>
    </div>
  );
}

/** The hidden fields every write form carries: CSRF token, idempotency key, the version it was rendered at. */
export function WriteFormFields({ csrf, commandId, version }: { csrf: string; commandId: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="commandId" value={commandId} />
      {version !== undefined && <input type="hidden" name="expectedVersion" value={String(version)} />}
    </>
  );
}

interface TextFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  defaultValue?: string;
  maxLength?: number;
}

/** A one-line text field; `inputMode` and `placeholder` hint at dates and numbers without refusing other input. */
export function TextInputField({
  inputMode,
  placeholder,
  ...field
}: TextFieldProps & { inputMode?: 'text' | 'numeric' | 'decimal'; placeholder?: string }) {
  return (
    <Field id={field.id} label={field.label} description={field.description} error={field.error}>
      {(props) => (
        <input
          {...props}
          name={field.name}
          type="text"
          inputMode={inputMode}
          placeholder={placeholder}
          maxLength={field.maxLength}
          defaultValue={field.defaultValue}
          className="utrecht-textbox utrecht-textbox--html-input"
        />
      )}
    </Field>
  );
}

export function TextAreaField({ rows = 2, ...field }: TextFieldProps & { rows?: number }) {
  return (
    <Field id={field.id} label={field.label} description={field.description} error={field.error}>
      {(props) => (
        <textarea
          {...props}
          name={field.name}
          rows={rows}
          maxLength={field.maxLength}
          defaultValue={field.defaultValue}
          className="utrecht-textarea utrecht-textarea--html-textarea"
        />
      )}
    </Field>
  );
}
