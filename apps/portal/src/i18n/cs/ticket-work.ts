import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-work';

export default {
  category: 'Kategorie',
  noCategory: 'Bez kategorie',
  typeFields: 'Údaje pro tento typ požadavku',
  editFields: 'Upravit',
  saveFields: 'Uložit změny',
  fieldsSaved: 'Údaje jsou uloženy.',
  fieldsConflictTitle: 'Požadavek se změnil',
  fieldsConflictText:
    'Během vašich úprav podpora požadavek změnila. Co jste zadali, zůstává: načtěte aktuální požadavek, zkontrolujte pole a uložte znovu.',
  fieldsReload: 'Načíst aktuální požadavek',
  resolvedTitle: 'Je váš problém vyřešen?',
  resolvedText:
    'Přijměte řešení a požadavek se uzavře, nebo jej odmítněte, pokud něco stále není v pořádku.',
  accept: 'Přijmout',
  reject: 'Odmítnout',
  rating: 'Jak jste s řešením spokojeni?',
  ratingLabel: '{{count}} z 5',
  ratingMissing: 'Zvolte hodnocení od 1 do 5',
  acceptComment: 'Komentář (nepovinný)',
  acceptConfirm: 'Přijmout a uzavřít',
  rejectComment: 'Co stále není v pořádku?',
  rejectCommentMissing: 'Napište, co stále není v pořádku',
  rejectConfirm: 'Odeslat a vrátit k řešení',
  cancel: 'Zrušit',
  accepted: 'Děkujeme! Požadavek je uzavřen.',
  rejected: 'Požadavek se vrátil podpoře, podívá se na něj znovu.',
  yourRating: 'Vaše hodnocení',
} satisfies Translation<typeof en>;
