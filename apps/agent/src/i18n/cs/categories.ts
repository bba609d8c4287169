import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/categories';

export default {
  create: 'Nová kategorie',
  edit: 'Upravit kategorii',
  createChild: 'Nová podkategorie v „{{parent}}“',
  addChild: 'Přidat podkategorii',
  addChildLabel: 'Přidat podkategorii do {{name}}',
  inactive: 'neaktivní',
  columns: {
    name: 'Kategorie',
    audience: 'Viditelná pro',
    public: 'Klienty i zaměstnance',
    internal: 'Jen zaměstnance',
  },
  form: {
    parent: 'Nadřazená kategorie',
    parentHint: 'Prázdné: kategorie nejvyšší úrovně. Kategorie mají dvě úrovně.',
    parentLocked: 'Kategorie s podkategoriemi zůstává na nejvyšší úrovni',
    topLevel: 'Žádná (nejvyšší úroveň)',
    isPublic: 'Veřejná',
    isPublicHint: 'Klienti v ní mohou zakládat požadavky',
    active: 'Aktivní',
    activeHint: 'Neaktivní kategorii nelze zvolit u nových požadavků',
  },
} satisfies Translation<typeof en>;
