import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage, useFormat } from '@relaydesk/web-ui';
import type { BillingItem } from '../api';
import { useBillingItems, useSaveBillingItem } from '../hooks';

function BillingItemForm({ item, onClose }: { item: BillingItem | null; onClose: () => void }) {
  const { t } = useTranslation('workLog');
  const save = useSaveBillingItem();
  const errors = fieldErrors(save.error);
  const [name, setName] = useState(item?.name ?? '');
  const [names, setNames] = useState({
    en: item?.names.en ?? '',
    ru: item?.names.ru ?? '',
    cs: item?.names.cs ?? '',
  });
  const [unit, setUnit] = useState(item?.unit ?? 'h');
  const [price, setPrice] = useState<number | string>(item?.price ?? 0);
  const [active, setActive] = useState(item?.active ?? true);
  const submit = () => {
    const fields = { name, names, unit, price: Number(price), active };
    save.mutate(
      item ? { id: item.id, update: { ...fields, version: item.version } } : { create: fields },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:close') }}
      opened
      onClose={onClose}
      title={item ? t('items.edit') : t('items.add')}
      size="lg"
    >
      <Stack data-testid="billing-item-form">
        {save.error && !Object.keys(errors).length ? <ProblemMessage error={save.error} /> : null}
        <TextInput
          label={t('items.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          data-testid="billing-item-name"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {(['en', 'ru', 'cs'] as const).map((lang) => (
            <TextInput
              key={lang}
              label={t(`items.name${lang === 'en' ? 'En' : lang === 'ru' ? 'Ru' : 'Cs'}`)}
              value={names[lang]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setNames((n) => ({ ...n, [lang]: value }));
              }}
              error={errors[`names.${lang}`]}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('items.unit')}
            description={t('items.unitHint')}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            error={errors.unit}
            required
            data-testid="billing-item-unit"
          />
          <NumberInput
            label={t('items.price')}
            value={price}
            onChange={setPrice}
            min={0}
            decimalScale={2}
            error={errors.price}
            required
            data-testid="billing-item-price"
          />
        </SimpleGrid>
        <Checkbox
          label={t('items.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('items.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="billing-item-save">
            {t('items.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** /billing-items: the price list work is billed against (admins). */
export default function BillingItemsPage() {
  const { t, i18n } = useTranslation('workLog');
  useDocumentTitle(`${t('items.title')} · Relaydesk`);
  const format = useFormat();
  const items = useBillingItems();
  const [editing, setEditing] = useState<BillingItem | null | 'new'>(null);
  const lang = i18n.language as 'en' | 'ru' | 'cs';
  const list = items.data?.items ?? [];
  return (
    <Stack data-testid="billing-items">
      <Group justify="space-between">
        <Title order={2}>{t('items.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="billing-item-add">
          {t('items.add')}
        </Button>
      </Group>
      {items.error ? <ProblemMessage error={items.error} /> : null}
      {list.length === 0 && !items.isLoading ? <Text c="dimmed">{t('items.empty')}</Text> : null}
      {list.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('items.name')}</Table.Th>
                <Table.Th>{t('items.unit')}</Table.Th>
                <Table.Th>{t('items.price')}</Table.Th>
                <Table.Th />
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((item) => (
                <Table.Tr key={item.id} data-testid="billing-item">
                  <Table.Td>{item.names[lang] || item.name}</Table.Td>
                  <Table.Td>{item.unit}</Table.Td>
                  <Table.Td>{format.number(item.price)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.active ? 'green' : 'gray'}>
                      {item.active ? t('items.active') : t('items.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setEditing(item)}>
                      {t('items.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing ? (
        <BillingItemForm
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
