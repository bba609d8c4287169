import { useEffect, useState } from 'react';
import {
  Anchor,
  Badge,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import type { CannedResponse, RenderedCannedResponse } from '../api';
import { useRenderCannedResponse, useTicketCannedResponses } from '../hooks';

preloadStrings(['cannedResponses']);

interface PickerProps {
  ticket: { id: string; typeId: string | null; categoryId?: string | null };
  opened: boolean;
  onClose: () => void;
  onInsert: (rendered: RenderedCannedResponse, chosen: CannedResponse) => void;
}

/**
 * The composer's picker: the templates that fit this ticket first (as the API ranks them: hints,
 * then the requester's language, then usage), searchable, chosen with the arrows and Enter.
 * The chosen one is filled by the server for this ticket and handed to the composer to insert.
 */
export function CannedResponsePicker({ ticket, opened, onClose, onInsert }: PickerProps) {
  const { t } = useTranslation(['cannedResponses', 'common']);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const [active, setActive] = useState(0);
  const list = useTicketCannedResponses(ticket.id, q, opened);
  const render = useRenderCannedResponse(ticket.id);
  const items = list.data?.items ?? [];

  useEffect(() => setActive(0), [q]);
  useEffect(() => {
    if (!opened) {
      setSearch('');
      render.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const choose = (item: CannedResponse | undefined) => {
    if (!item || render.isPending) return;
    render.mutate(item.id, { onSuccess: (rendered) => onInsert(rendered, item) });
  };
  const fits = (c: CannedResponse) =>
    (ticket.typeId !== null && c.typeIds.includes(ticket.typeId)) ||
    (!!ticket.categoryId && c.categoryIds.includes(ticket.categoryId));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('picker.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          aria-label={t('picker.search')}
          placeholder={t('picker.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={list.isFetching || render.isPending ? <Loader size="xs" /> : null}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((i) => Math.min(i + 1, items.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(items[active]);
            }
          }}
          data-testid="canned-picker-search"
        />
        <ProblemMessage error={list.error ?? render.error} />
        <ScrollArea.Autosize mah={360}>
          <Stack gap={4} role="listbox" aria-label={t('picker.title')}>
            {items.length === 0 && !list.isLoading && (
              <Text size="sm" c="dimmed">
                {t('picker.empty')}
              </Text>
            )}
            {items.map((item, i) => (
              <UnstyledButton
                key={item.id}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(item)}
                p="xs"
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: i === active ? 'var(--mantine-color-gray-1)' : undefined,
                  outline: i === active ? '1px solid var(--mantine-color-gray-4)' : undefined,
                }}
                data-testid="canned-picker-item"
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" fw={500} truncate>
                    {item.title}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    {fits(item) && (
                      <Badge size="xs" color="green" variant="light">
                        {t('picker.fits')}
                      </Badge>
                    )}
                    <Badge size="xs" variant="outline" color="dark">
                      {item.language}
                    </Badge>
                    <Badge size="xs" variant="light" color="gray">
                      {t(`scope.${item.scope}`)}
                    </Badge>
                  </Group>
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {item.body}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('picker.keys')}
          </Text>
          <Anchor component={Link} to="/canned-responses" size="xs">
            {t('picker.manage')}
          </Anchor>
        </Group>
      </Stack>
    </Modal>
  );
}
