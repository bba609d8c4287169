import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/workflow-informational';

export default {
  about:
    'Информационный статус (PayDox): заявки, которые хранятся для сведения. Они никогда не просрочены, не считаются открытой работой (их нет в рабочих очередях и счётчиках), а их SLA-часы стоят; «Все заявки» и фильтр по статусу их показывают.',
  add: 'Добавить статус «Информационная»',
} satisfies Translation<typeof en>;
