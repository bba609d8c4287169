import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  CANNED_RESPONSE_BODY_MAX,
  CANNED_RESPONSE_PLACEHOLDERS,
  CANNED_RESPONSE_SCOPES,
  CANNED_RESPONSE_TITLE_MAX,
  LOCALES,
  Permission,
  roleHasPermission,
  type CannedResponseScope,
  type Locale,
} from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import {
  fieldErrors,
  isVersionConflict,
  ProblemMessage,
  useTranslatedName,
} from '@relaydesk/web-ui';
import { useGroups } from '../../directory/hooks';
import { useCategories, useTicketTypes } from '../../tickets/hooks';
import { categoryOptions } from '../../tickets/components/pickers';
import type { CannedResponse } from '../api';
import { useSaveCannedResponse } from '../hooks';
import { PlaceholderPreview } from './placeholder-preview';

/** Create or edit one template, with a live preview of its placeholders. */
export function CannedResponseForm({
  existing,
  onDone,
}: {
  existing: CannedResponse | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('cannedResponses');
  const user = useUser();
  const name = useTranslatedName();
  const manages = roleHasPermission(user.role, Permission.CannedResponsesManage);
  const groups = useGroups(manages ? { limit: 200 } : { limit: 200, memberId: user.id });
  const types = useTicketTypes();
  const categories = useCategories();
  const save = useSaveCannedResponse();
  const errors = fieldErrors(save.error);

  const [title, setTitle] = useState(existing?.title ?? '');
  const [body, setBody] = useState(existing?.body ?? '');
  const [scope, setScope] = useState<CannedResponseScope>(existing?.scope ?? 'personal');
  const [groupId, setGroupId] = useState<string | null>(existing?.group?.id ?? null);
  const [language, setLanguage] = useState<Locale>(existing?.language ?? user.locale);
  const [typeIds, setTypeIds] = useState<string[]>(existing?.typeIds ?? []);
  const [categoryIds, setCategoryIds] = useState<string[]>(existing?.categoryIds ?? []);

  const scopes = CANNED_RESPONSE_SCOPES.filter((s) => s !== 'global' || manages);
  const submit = () => {
    const fields = {
      title,
      body,
      scope,
      groupId: scope === 'group' ? groupId : null,
      language,
      typeIds,
      categoryIds,
    };
    save.mutate(
      existing
        ? { id: existing.id, update: { ...fields, version: existing.version } }
        : { create: fields },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('saved') });
          onDone();
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t('fields.title')}
        required
        maxLength={CANNED_RESPONSE_TITLE_MAX}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        data-autofocus
        data-testid="canned-title"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('scope.label')}
          data={scopes.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
          value={scope}
          onChange={(v) => v && setScope(v as CannedResponseScope)}
          allowDeselect={false}
          error={errors.scope}
          data-testid="canned-scope"
        />
        {scope === 'group' && (
          <Select
            label={t('fields.group')}
            required
            data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={groupId}
            onChange={setGroupId}
            error={errors.groupId}
            data-testid="canned-group"
          />
        )}
        <Select
          label={t('language.label')}
          data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          value={language}
          onChange={(v) => v && setLanguage(v as Locale)}
          allowDeselect={false}
          data-testid="canned-language"
        />
      </SimpleGrid>
      <Textarea
        label={t('fields.body')}
        description={t('fields.bodyHint', {
          placeholders: [...CANNED_RESPONSE_PLACEHOLDERS, 'custom.<key>']
            .map((p) => `{{${p}}}`)
            .join(' '),
          interpolation: { escapeValue: false },
        })}
        required
        autosize
        minRows={5}
        maxRows={16}
        maxLength={CANNED_RESPONSE_BODY_MAX}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={errors.body}
        data-testid="canned-body"
      />
      <PlaceholderPreview body={body} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('fields.typeIds')}
          description={t('fields.hintsHint')}
          data={(types.data ?? []).map((x) => ({ value: x.id, label: name(x.name) }))}
          value={typeIds}
          onChange={setTypeIds}
          searchable
          error={errors.typeIds}
        />
        <MultiSelect
          label={t('fields.categoryIds')}
          description={t('fields.hintsHint')}
          data={categoryOptions(categories.data ?? [], name, (c) => c.active !== false)}
          value={categoryIds}
          onChange={setCategoryIds}
          searchable
          error={errors.categoryIds}
        />
      </SimpleGrid>
      {isVersionConflict(save.error) ? (
        <Alert color="orange" role="alert">
          {t('stale')}
        </Alert>
      ) : (
        <ProblemMessage error={Object.keys(errors).length ? null : save.error} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('cancel')}
        </Button>
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={!title.trim() || !body.trim() || (scope === 'group' && !groupId)}
          data-testid="canned-save"
        >
          {t('save')}
        </Button>
      </Group>
    </Stack>
  );
}
