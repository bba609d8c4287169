import type { Translation } from '../translation';
import type en from '../en/custom-fields';

export default {
  requiredNote: 'Pole označená * závisí na typu požadavku a jsou povinná.',
  required: 'Vyplňte toto pole',
  yes: 'Ano',
  no: 'Ne',
  choose: 'Vyberte…',
  clear: 'Vymazat: {{label}}',
  someone: 'Vyplněno',
  notANumber: 'Zadejte číslo',
} satisfies Translation<typeof en>;
