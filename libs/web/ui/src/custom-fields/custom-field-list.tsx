import { Group, Stack, Text } from '@mantine/core';
import type { CustomFieldValues } from '@relaydesk/contracts';
import { useTranslatedName } from '../format';
import { useCustomFieldText, type ResolveRefName } from './custom-field-value';
import type { CustomFieldDefinition } from './values';

/**
 * Custom field values as a definition list (label, value). Fields without a value are left
 * out unless `showEmpty`; values of fields the type no longer has are not shown.
 */
export function CustomFieldList({
  fields,
  values,
  resolveName,
  showEmpty = false,
  layout = 'rows',
  testIdPrefix = 'custom-value',
}: {
  fields: CustomFieldDefinition[];
  values: CustomFieldValues;
  resolveName?: ResolveRefName;
  showEmpty?: boolean;
  /** rows: label left, value right (a side card); stacked: label above value (phones). */
  layout?: 'rows' | 'stacked';
  testIdPrefix?: string;
}) {
  const name = useTranslatedName();
  const text = useCustomFieldText(resolveName);
  const rows = fields
    .map((f) => ({ field: f, value: text(f, values[f.key]) }))
    .filter((r) => showEmpty || r.value !== null);
  if (rows.length === 0) return null;
  return (
    <Stack gap={layout === 'rows' ? 4 : 'xs'} component="dl" m={0} data-testid={`${testIdPrefix}s`}>
      {rows.map(({ field, value }) =>
        layout === 'rows' ? (
          <Group key={field.key} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
            <Text size="sm" c="dimmed" component="dt" style={{ flexShrink: 0 }}>
              {name(field.name)}
            </Text>
            <Text
              size="sm"
              component="dd"
              m={0}
              ta="right"
              style={{ overflowWrap: 'anywhere' }}
              data-testid={`${testIdPrefix}-${field.key}`}
            >
              {value ?? '—'}
            </Text>
          </Group>
        ) : (
          <div key={field.key}>
            <Text component="dt" size="xs" c="dimmed">
              {name(field.name)}
            </Text>
            <Text
              component="dd"
              size="sm"
              m={0}
              style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
              data-testid={`${testIdPrefix}-${field.key}`}
            >
              {value ?? '—'}
            </Text>
          </div>
        ),
      )}
    </Stack>
  );
}
