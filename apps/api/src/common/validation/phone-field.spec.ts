import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { isE164Phone, normalizePhone } from '@relaydesk/contracts';
import { PhoneField } from './phone-field';

class Body {
  @PhoneField()
  phone?: string | null;
}

async function check(phone: unknown): Promise<{ value: unknown; errors: string[] }> {
  const body = plainToInstance(Body, { phone });
  const errors = await validate(body);
  return { value: body.phone, errors: errors.flatMap((e) => Object.values(e.constraints ?? {})) };
}

describe('phone numbers', () => {
  it.each([
    ['+420 601 123 456', '+420601123456'],
    ['+7 (861) 200-10-01', '+78612001001'],
    ['+1.555.010.9999', '+15550109999'],
    ['\u00a0+420\u202f601–123–456 ', '+420601123456'],
    ['+420601123456', '+420601123456'],
  ])('normalizes %j to %s', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
    expect(isE164Phone(normalizePhone(typed))).toBe(true);
  });

  it('takes a blank value for no phone, and guesses nothing else', () => {
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone(' - ')).toBeNull();
    expect(normalizePhone('00420 601 123 456')).toBe('00420601123456');
    expect(normalizePhone('601 123 456')).toBe('601123456');
  });

  it.each([
    '00420601123456',
    '601123456',
    '+0420601123456',
    '+12345',
    '+1234567890123456',
    '+420 601 123 456 ext 7',
    '+420601123456\u0000',
    '++420601123456',
  ])('refuses %j as E.164', (value) => {
    expect(isE164Phone(normalizePhone(value))).toBe(false);
  });

  it('accepts the shortest and the longest E.164 numbers', () => {
    expect(isE164Phone('+1234567')).toBe(true);
    expect(isE164Phone('+123456789012345')).toBe(true);
    expect(isE164Phone(null)).toBe(false);
  });

  describe('@PhoneField', () => {
    it('stores what it normalized', async () => {
      expect(await check('+420 601 123 456')).toEqual({ value: '+420601123456', errors: [] });
    });

    it('clears on null or blank', async () => {
      expect(await check(null)).toEqual({ value: null, errors: [] });
      expect(await check('  ')).toEqual({ value: null, errors: [] });
      expect(await check(undefined)).toEqual({ value: undefined, errors: [] });
    });

    it('refuses what is not E.164 with a message that says what is expected', async () => {
      const { errors } = await check('601 123 456');
      expect(errors).toEqual([expect.stringMatching(/^phone must be .*E\.164.*\+420601123456/)]);
    });

    it('refuses a non-string and an over-long value', async () => {
      expect((await check(420601123456)).errors.length).toBeGreaterThan(0);
      const long = `+420${' '.repeat(47)}601123456`;
      expect((await check(long)).errors).toContain(
        'phone must be shorter than or equal to 50 characters',
      );
    });
  });
});
