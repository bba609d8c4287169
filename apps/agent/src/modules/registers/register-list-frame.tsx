import { useState, type ReactNode } from 'react';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { RecordModal } from '../../shared/forms/record-modal';

/** What the frame needs of a register read page by page (useRegisterPages). */
export interface RegisterPages {
  items: unknown[];
  error: unknown;
  isLoading: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

interface RegisterListFrameProps {
  /** The filter inputs, in one row above the list. */
  filters?: ReactNode;
  pages: RegisterPages;
  /** Whether a filter narrows the list (an empty list then says "nothing found"). */
  filtered: boolean;
  /** The New button and its dialog, for those who keep the register. */
  create?: {
    label: string;
    testId: string;
    size?: string;
    form: (close: () => void) => ReactNode;
  } | null;
  /** The rows (shown when there are any). */
  children: ReactNode;
}

/** The next keyset page of a list, when there is one (and why it failed, if it did). */
export function LoadMore({
  pages,
  size,
}: {
  pages: Pick<
    RegisterPages,
    'hasNextPage' | 'fetchNextPage' | 'isFetchingNextPage' | 'isFetchNextPageError' | 'error'
  >;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation('common');
  return (
    <>
      {pages.isFetchNextPageError && <ProblemMessage error={pages.error} />}
      {pages.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size={size}
            onClick={() => void pages.fetchNextPage()}
            loading={pages.isFetchingNextPage}
            data-testid="register-load-more"
          >
            {t('loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}

/**
 * The frame of a register's list: filters and New, the rows or why there are none, Load more
 * (the next keyset page, same filters), and the New dialog.
 */
export function RegisterListFrame({
  filters,
  pages,
  filtered,
  create,
  children,
}: RegisterListFrameProps) {
  const { t } = useTranslation(['registers', 'common']);
  const [creating, setCreating] = useState(false);
  const close = () => setCreating(false);
  return (
    <Stack gap="md">
      <Group justify={filters ? 'space-between' : 'flex-end'} align="flex-end">
        {filters ? (
          <Group gap="sm" align="flex-end">
            {filters}
            {pages.isFetching && !pages.isLoading && !pages.isFetchingNextPage && (
              <Loader size="xs" role="status" aria-label={t('common:loading')} />
            )}
          </Group>
        ) : null}
        {create && (
          <Button onClick={() => setCreating(true)} data-testid={create.testId}>
            {create.label}
          </Button>
        )}
      </Group>
      {!pages.isFetchNextPageError && <ProblemMessage error={pages.error} />}
      {pages.items.length === 0 && !pages.isLoading
        ? !pages.error && (
            <Text c="dimmed">{filtered ? t('common.nothingFound') : t('common.empty')}</Text>
          )
        : children}
      <LoadMore pages={pages} />
      {create && (
        <RecordModal
          opened={creating}
          onClose={close}
          title={create.label}
          size={create.size ?? 'lg'}
        >
          {creating && create.form(close)}
        </RecordModal>
      )}
    </Stack>
  );
}
