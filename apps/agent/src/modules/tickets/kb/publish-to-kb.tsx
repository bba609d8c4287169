import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBook2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { useKbSections, type KbSection } from '@relaydesk/web-kb';
import { useIdempotencyKey } from '@relaydesk/web-tickets';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import type { Ticket } from '../api';
import type { KbDraftFromTicket } from './kb-ticket-api';
import { useDraftFromTicket } from './kb-ticket-hooks';

preloadStrings(['kbTicket']);

/** What a draft may be written from: the work on the ticket is over. */
const FINISHED = new Set(['resolved', 'closed']);
const LANGUAGES = ['en', 'ru', 'cs'] as const;

/** Sections in tree order (the API lists parents first), each with its depth for indenting. */
function treeOrder(sections: KbSection[]): { section: KbSection; depth: number }[] {
  const children = new Map<string | null, KbSection[]>();
  for (const s of sections) {
    const list = children.get(s.parentId) ?? [];
    list.push(s);
    children.set(s.parentId, list);
  }
  const out: { section: KbSection; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.position - b.position);
    for (const s of list) {
      out.push({ section: s, depth });
      walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * "Publish to knowledge base" on a resolved or closed ticket (staff with kb.edit): a small
 * dialog for the section and language, then the draft opens in the article editor. The server
 * writes the draft from the public text only; the dialog says so, so nobody expects the notes.
 */
export function PublishToKb({ ticket }: { ticket: Ticket }) {
  const me = useUser();
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('kbTicket');
  if (!FINISHED.has(ticket.statusCategory) || !roleHasPermission(me.role, Permission.KbEdit)) {
    return null;
  }
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconBook2 size={14} aria-hidden />}
        onClick={() => setOpen(true)}
        style={{ alignSelf: 'flex-start' }}
        data-testid="publish-to-kb"
      >
        {t('publish.button')}
      </Button>
      {open && <PublishDialog ticket={ticket} onClose={() => setOpen(false)} />}
    </>
  );
}

function PublishDialog({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation(['kbTicket', 'common']);
  const navigate = useNavigate();
  const sections = useKbSections();
  const draft = useDraftFromTicket(ticket.id);
  const idempotency = useIdempotencyKey();
  const ordered = useMemo(() => treeOrder(sections.data ?? []), [sections.data]);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [includeAuthors, setIncludeAuthors] = useState(false);
  // The server's default too: a staff section first, as the text is the desk's until edited.
  useEffect(() => {
    if (sectionId || ordered.length === 0) return;
    const staff = ordered.find((o) => o.section.audience === 'staff');
    setSectionId((staff ?? ordered[0]).section.id);
  }, [ordered, sectionId]);
  const errors = fieldErrors(draft.error);

  const submit = () => {
    const body: KbDraftFromTicket = {
      ...(sectionId ? { sectionId } : {}),
      ...(language ? { language: language as KbDraftFromTicket['language'] } : {}),
      includeAuthors,
    };
    draft.mutate(
      { body, key: idempotency.key },
      {
        onSuccess: (article) => {
          notifications.show({
            color: 'green',
            message: t('publish.created', { title: article.title }),
          });
          void navigate(`/kb/articles/${article.id}/edit`);
        },
        onError: idempotency.renewIfAnswered,
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('publish.title')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="sm" data-testid="publish-to-kb-dialog">
        <Text size="sm">{t('publish.intro')}</Text>
        <Select
          label={t('publish.section')}
          description={t('publish.sectionHint')}
          data={ordered.map(({ section, depth }) => ({
            value: section.id,
            label: `${'\u2003'.repeat(depth)}${section.name} (${t(`publish.audience.${section.audience}`)})`,
          }))}
          value={sectionId}
          onChange={setSectionId}
          allowDeselect={false}
          error={errors.sectionId}
          comboboxProps={{ withinPortal: true }}
          data-testid="publish-to-kb-section"
        />
        <Select
          label={t('publish.language')}
          description={t('publish.languageHint')}
          placeholder={t('publish.languageAuto')}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          value={language}
          onChange={setLanguage}
          clearable
          error={errors.language}
          comboboxProps={{ withinPortal: true }}
          data-testid="publish-to-kb-language"
        />
        <Checkbox
          label={t('publish.includeAuthors')}
          checked={includeAuthors}
          onChange={(e) => setIncludeAuthors(e.currentTarget.checked)}
        />
        <ProblemMessage error={Object.keys(errors).length ? null : draft.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('publish.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={draft.isPending}
            disabled={sections.isLoading}
            data-testid="publish-to-kb-create"
          >
            {t('publish.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
