import type { CustomFieldKind } from '@relaydesk/contracts';
import {
  checkValue,
  LONG_TEXT_MAX,
  referenceErrors,
  TEXT_MAX,
  validateCustomFields,
  type CustomFieldInput,
  type FieldDefinition,
} from './custom-field-validator';

const field = (kind: CustomFieldKind, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  key: kind,
  kind,
  required: false,
  clientVisible: true,
  clientEditable: true,
  options: kind.endsWith('select') ? [{ value: 'a' }, { value: 'b' }] : [],
  active: true,
  ...extra,
});

const UUID = '0b7e5c9a-2f4d-4c1e-9a3b-5d6e7f8a9b0c';

describe('checkValue', () => {
  const cases: [CustomFieldKind, unknown[], unknown[]][] = [
    ['text', ['', 'x', 'x'.repeat(TEXT_MAX)], [1, true, ['x'], 'x'.repeat(TEXT_MAX + 1)]],
    ['long_text', ['x'.repeat(LONG_TEXT_MAX)], [{}, 'x'.repeat(LONG_TEXT_MAX + 1)]],
    ['number', [0, -1.5, 1e9], ['1', Infinity, NaN, null]],
    [
      'date',
      ['2024-02-29', '2025-12-31'],
      ['2025-02-29', '2025-13-01', '2025-1-1', '2025-01-01T00:00Z', 20250101],
    ],
    [
      'date_time',
      ['2025-03-01T10:00:00Z', '2025-03-01T10:00+03:00', '2025-03-01T10:00:00.123-05:30'],
      ['2025-03-01T10:00:00', '2025-02-30T10:00:00Z', '2025-03-01T25:00:00Z', '2025-03-01', 0],
    ],
    ['select', ['a', 'b'], ['c', ['a'], 1]],
    ['multi_select', [['a'], ['a', 'b']], [['a', 'a'], ['c'], 'a', [1]]],
    ['checkbox', [true, false], ['true', 0, null]],
    ['user', [UUID, UUID.toUpperCase()], ['not-a-uuid', 42]],
    ['organization', [UUID], ['', '0b7e5c9a2f4d4c1e9a3b5d6e7f8a9b0c']],
  ];

  it.each(cases)('%s accepts valid values and refuses others', (kind, good, bad) => {
    const f = field(kind);
    for (const value of good)
      expect({ value, result: checkValue(f, value).ok }).toEqual({ value, result: true });
    for (const value of bad)
      expect({ value, result: checkValue(f, value).ok }).toEqual({ value, result: false });
  });

  it('stores ids in lower case', () => {
    expect(checkValue(field('user'), UUID.toUpperCase())).toEqual({ ok: true, value: UUID });
  });
});

describe('validateCustomFields', () => {
  const base = (over: Partial<CustomFieldInput>): CustomFieldInput => ({
    fields: [],
    current: {},
    changes: {},
    isClient: false,
    mode: 'create',
    ...over,
  });

  it('collects one error per field, for every bad field at once', () => {
    const r = validateCustomFields(
      base({
        fields: [field('number'), field('date'), field('select')],
        changes: { number: 'x', date: 'y', select: 'z', nope: 1 },
      }),
    );
    expect(r.errors.map((e) => e.field).sort()).toEqual([
      'customFields.date',
      'customFields.nope',
      'customFields.number',
      'customFields.select',
    ]);
    expect(r.changes).toEqual([]);
  });

  it('requires required fields on create, and only the changed ones on update', () => {
    const fields = [field('text', { required: true }), field('number', { required: true })];
    const created = validateCustomFields(base({ fields, changes: { text: '  ' } }));
    expect(created.errors).toEqual([
      { field: 'customFields.text', message: 'is required' },
      { field: 'customFields.number', message: 'is required' },
    ]);
    const updated = validateCustomFields(
      base({ fields, mode: 'update', current: { text: 'x' }, changes: { text: null } }),
    );
    expect(updated.errors).toEqual([{ field: 'customFields.text', message: 'is required' }]);
    const unrelated = validateCustomFields(
      base({ fields, mode: 'update', current: { text: 'x' }, changes: {} }),
    );
    expect(unrelated.errors).toEqual([]);
  });

  it('does not ask a client for required fields they may not edit, and refuses them the field', () => {
    const fields = [
      field('text', { required: true, clientEditable: false }),
      field('number', { clientVisible: false, clientEditable: false }),
    ];
    expect(validateCustomFields(base({ fields, isClient: true })).errors).toEqual([]);
    const r = validateCustomFields(
      base({ fields, isClient: true, changes: { text: 'x', number: 1 } }),
    );
    expect(r.errors).toEqual([
      { field: 'customFields.text', message: 'cannot be set by clients' },
      { field: 'customFields.number', message: 'is not a field of this ticket type' },
    ]);
  });

  it('merges an update: null clears, other keys stay, and each change is reported once', () => {
    const fields = [
      field('text'),
      field('number', { clientVisible: false, clientEditable: false }),
    ];
    const r = validateCustomFields(
      base({
        fields,
        mode: 'update',
        current: { text: 'old', number: 1 },
        changes: { text: null, number: 2 },
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ number: 2 });
    expect(r.changes).toEqual([
      { key: 'text', oldValue: 'old', newValue: null, internal: false },
      { key: 'number', oldValue: 1, newValue: 2, internal: true },
    ]);
  });

  it('refuses inactive fields but keeps their stored values', () => {
    const fields = [field('text', { active: false })];
    const r = validateCustomFields(
      base({ fields, mode: 'update', current: { text: 'kept' }, changes: { text: 'new' } }),
    );
    expect(r.errors).toEqual([
      { field: 'customFields.text', message: 'is not a field of this ticket type' },
    ]);
    expect(
      validateCustomFields(base({ fields, mode: 'update', current: { text: 'kept' } })).values,
    ).toEqual({
      text: 'kept',
    });
  });

  it('on a change of type drops foreign values, re-checks kept ones and requires required ones', () => {
    const fields = [field('text', { required: true }), field('select')];
    const r = validateCustomFields(
      base({ fields, mode: 'retype', current: { old: 'gone', select: 'zzz' } }),
    );
    expect(r.errors.map((e) => e.field)).toEqual(['customFields.select', 'customFields.text']);
    const ok = validateCustomFields(
      base({
        fields,
        mode: 'retype',
        current: { old: 'gone', select: 'a' },
        changes: { text: 't' },
      }),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.values).toEqual({ select: 'a', text: 't' });
    expect(ok.changes.map((c) => c.key).sort()).toEqual(['old', 'text']);
  });

  it('collects user and organization ids for one lookup each, and reports missing ones per field', () => {
    const fields = [field('user'), field('organization'), { ...field('user'), key: 'second' }];
    const r = validateCustomFields(
      base({ fields, changes: { user: UUID, second: UUID, organization: UUID } }),
    );
    expect([...r.references.users.entries()]).toEqual([[UUID, ['user', 'second']]]);
    expect(
      referenceErrors(r.references, { users: new Set(), organizations: new Set([UUID]) }),
    ).toEqual([
      { field: 'customFields.user', message: 'no active user with this id' },
      { field: 'customFields.second', message: 'no active user with this id' },
    ]);
  });
});
