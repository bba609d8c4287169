/** Strings of the custom-field form (namespace `customFields`), loaded with the form. */
export const customFieldStrings = {
  en: {
    requiredNote: 'Fields marked * depend on the ticket type and must be filled.',
    required: 'Fill in this field',
    yes: 'Yes',
    no: 'No',
    choose: 'Choose…',
    clear: 'Clear {{label}}',
    someone: 'Set',
    notANumber: 'Enter a number',
  },
  ru: {
    requiredNote: 'Поля, отмеченные *, зависят от типа заявки и обязательны.',
    required: 'Заполните это поле',
    yes: 'Да',
    no: 'Нет',
    choose: 'Выберите…',
    clear: 'Очистить: {{label}}',
    someone: 'Указано',
    notANumber: 'Введите число',
  },
  cs: {
    requiredNote: 'Pole označená * závisí na typu požadavku a jsou povinná.',
    required: 'Vyplňte toto pole',
    yes: 'Ano',
    no: 'Ne',
    choose: 'Vyberte…',
    clear: 'Vymazat: {{label}}',
    someone: 'Vyplněno',
    notANumber: 'Zadejte číslo',
  },
};
