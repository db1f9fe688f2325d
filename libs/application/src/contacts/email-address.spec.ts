import { InvalidInput } from '@actiemonitor/domain';
import { checkEmailAddress } from './email-address';

function refusal(value: string): InvalidInput {
  try {
    checkEmailAddress('email', value);
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error(`accepted '${value}'`);
}

describe('e-mail addresses', () => {
  it('accepts the shapes real mailboxes have, trimmed and lower-cased', () => {
    expect(checkEmailAddress('email', ' Jan.Jansen@Pleegzorg.NL ')).toBe('jan.jansen@pleegzorg.nl');
    for (const address of [
      'a@b.nl',
      'secretariaat+actiemonitor@minvws.nl',
      "o'brien@example.co.uk",
      'info@jeugdzorg-nederland.nl',
      'x_y@sub.domein.example',
      'post@xn--bcher-kva.example',
    ]) {
      expect(checkEmailAddress('email', address)).toBe(address);
    }
  });

  const refused: Array<[string, RegExp]> = [
    ['', /is verplicht/],
    ['geen-adres', /is geen e-mailadres/],
    ['@pleegzorg.nl', /is geen e-mailadres/],
    ['jan@', /is geen e-mailadres/],
    ['jan@@pleegzorg.nl', /is geen e-mailadres/],
    ['a@b@pleegzorg.nl', /is geen e-mailadres/],
    ['jan jansen@pleegzorg.nl', /het deel vóór '@'/],
    ['.jan@pleegzorg.nl', /het deel vóór '@'/],
    ['jan.@pleegzorg.nl', /het deel vóór '@'/],
    ['jan..jansen@pleegzorg.nl', /het deel vóór '@'/],
    ['"jan"@pleegzorg.nl', /het deel vóór '@'/],
    ['jösé@pleegzorg.nl', /het deel vóór '@'/],
    [`${'a'.repeat(65)}@pleegzorg.nl`, /het deel vóór '@'/],
    ['jan@pleegzorg', /internetdomein/],
    ['jan@pleegzorg.n', /internetdomein/],
    ['jan@-pleegzorg.nl', /internetdomein/],
    ['jan@pleegzorg..nl', /internetdomein/],
    ['jan@[127.0.0.1]', /internetdomein/],
    ['jan@127.0.0.1', /internetdomein/],
    ['jan@pleegzorg.nl\r\nBcc: iedereen@example.nl', /het deel vóór '@'|is geen e-mailadres|internetdomein/],
    ['jan@pleegzorg.nl>, iedereen@example.nl', /is geen e-mailadres/],
    [`jan@${'a'.repeat(250)}.nl`, /het maximum is 254/],
  ];
  const cases = refused.map(([value, reason]) => ({
    value,
    reason,
    label: value.length > 40 ? `${JSON.stringify(value.slice(0, 16))}… (${value.length} characters)` : JSON.stringify(value),
  }));

  it.each(cases)('refuses $label, naming the field, without repeating the address', ({ value, reason }) => {
    const error = refusal(value);
    expect(error.field).toBe('email');
    expect(error.text).toMatch(reason);
    expect(error.reason).not.toBe(error.text);
    if (value.trim() !== '') expect(error.message).not.toContain(value.trim().toLowerCase());
  });
});
