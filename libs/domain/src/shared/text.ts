import { InvalidInput } from './errors';
import { SHARED_MESSAGES } from './shared.messages';

// Control characters (other than tab/newline) have no place in plan text and break exports.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Trims and checks a required free-text field. */
export function requireText(field: string, value: string | null | undefined, maxLength: number): string {
  const text = (value ?? '').trim();
  if (text.length === 0) throw new InvalidInput(field, SHARED_MESSAGES.required);
  return checkText(field, text, maxLength);
}

/** Trims an optional free-text field; empty becomes null. */
export function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  const text = (value ?? '').trim();
  return text.length === 0 ? null : checkText(field, text, maxLength);
}

function checkText(field: string, text: string, maxLength: number): string {
  if (text.length > maxLength) {
    throw new InvalidInput(field, SHARED_MESSAGES.tooLong(text.length, maxLength));
  }
  if (CONTROL_CHARACTERS.test(text)) {
    throw new InvalidInput(field, SHARED_MESSAGES.controlCharacters);
  }
  return text;
}

export const TEXT_LIMITS = { title: 300, result: 2000, note: 2000, reason: 1000, source: 500, description: 1000, unit: 100 };
