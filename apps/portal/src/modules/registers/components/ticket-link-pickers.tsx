import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EquipmentItem } from '../api';
import { equipmentName } from '../equipment-name';
import { useEquipmentOptions, useServiceObjects } from '../hooks';

export interface TicketLinks {
  serviceObjectId: string;
  equipmentId: string;
}

function equipmentLabel(item: EquipmentItem) {
  const number = item.serialNumber ?? item.inventoryNumber;
  return number ? `${equipmentName(item)} · ${number}` : equipmentName(item);
}

/**
 * The new-ticket form's optional site and equipment (issue 18): the client's own items only
 * (what the registers API lets them read), the equipment narrowed by the chosen site. Choosing
 * a device first fills in its site; choosing another site drops a device that is not there.
 * Nothing shows for a client whose organization has neither.
 */
export function TicketLinkPickers({
  value,
  onChange,
  errors,
  disabled,
}: {
  value: TicketLinks;
  onChange: (links: TicketLinks) => void;
  errors: Record<string, string | undefined>;
  disabled?: boolean;
}) {
  const { t } = useTranslation(['registers', 'common']);
  const objects = useServiceObjects();
  const objectList = objects.data ?? [];
  const equipment = useEquipmentOptions(value.serviceObjectId, !objects.isPending);
  const items = equipment.data ?? [];
  // A device chosen from its card may be one the narrowed list has not loaded yet.
  const hasAny = objectList.length > 0 || items.length > 0 || !!value.equipmentId;
  if (!hasAny) return null;

  const chooseObject = (serviceObjectId: string) => {
    const item = items.find((i) => i.id === value.equipmentId);
    const keep = !serviceObjectId || item?.serviceObjectId === serviceObjectId;
    onChange({ serviceObjectId, equipmentId: keep ? value.equipmentId : '' });
  };
  const chooseEquipment = (equipmentId: string) => {
    const item = items.find((i) => i.id === equipmentId);
    onChange({
      equipmentId,
      serviceObjectId: value.serviceObjectId || item?.serviceObjectId || '',
    });
  };

  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
      {objectList.length > 0 && (
        <NativeSelect
          label={t('form.object')}
          value={value.serviceObjectId}
          onChange={(e) => chooseObject(e.currentTarget.value)}
          data={[
            { value: '', label: t('form.noObject') },
            ...objectList.map((o) => ({ value: o.id, label: o.name })),
          ]}
          error={errors.serviceObjectId}
          disabled={disabled}
          data-testid="portal-service-object"
        />
      )}
      <NativeSelect
        label={t('form.equipment')}
        value={value.equipmentId}
        onChange={(e) => chooseEquipment(e.currentTarget.value)}
        data={[
          {
            value: '',
            label: equipment.isPending ? t('common:loading') : t('form.noEquipment'),
          },
          ...items.map((i) => ({ value: i.id, label: equipmentLabel(i) })),
        ]}
        error={errors.equipmentId}
        disabled={disabled}
        data-testid="portal-equipment"
      />
    </SimpleGrid>
  );
}
