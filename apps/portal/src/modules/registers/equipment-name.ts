import type { EquipmentItem } from './api';

/** How a client names a device: maker and model, or its type when staff left them empty. */
export function equipmentName(item: Pick<EquipmentItem, 'manufacturer' | 'model' | 'typeName'>) {
  return [item.manufacturer, item.model].filter((s) => s.trim()).join(' ') || item.typeName;
}
