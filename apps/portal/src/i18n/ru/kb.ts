import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb';

export default {
  nav: 'База знаний',
  title: 'База знаний',
  intro: 'Ответы на частые вопросы: найдите нужное поиском или в разделах.',
  search: {
    label: 'Поиск по базе знаний',
    placeholder: 'Опишите ваш вопрос',
    submit: 'Найти',
    title: 'Поиск',
    resultsFor: 'Результаты по запросу «{{q}}»',
    empty: 'Ничего не найдено. Попробуйте другие слова или все языки.',
    prompt: 'Введите, что вы ищете.',
    suggestions: 'Подходящие статьи',
  },
  language: {
    label: 'Язык статей',
    all: 'Все языки',
    en: 'Английский',
    ru: 'Русский',
    cs: 'Чешский',
  },
  home: {
    sections: 'Разделы',
    popular: 'Популярные статьи',
    recent: 'Недавно обновлённые',
    noSections: 'Разделов пока нет.',
    noArticles: 'На этом языке статей пока нет.',
  },
  section: {
    subsections: 'Подразделы',
    articles: 'Статьи',
    empty: 'Здесь пока нет статей на этом языке.',
    more: 'Показать ещё',
    notFoundTitle: 'Раздел не найден',
  },
  article: {
    updated: 'Обновлено {{date}}',
    tags: 'Теги',
    translations: 'На других языках:',
    notFoundTitle: 'Статья не найдена',
    notFoundText: 'Возможно, её удалили или она вам недоступна.',
    backHome: 'На главную базы знаний',
  },
  vote: {
    question: 'Статья помогла?',
    yes: 'Да',
    no: 'Нет',
    thanksYes: 'Спасибо! Рады, что помогло.',
    thanksNo: 'Спасибо, что сообщили. Вы также можете создать заявку.',
    signInToRate: 'Войдите, чтобы оценить статью.',
    failed: 'Оценка не сохранена: {{error}}',
  },
  public: {
    signIn: 'Войти',
    unavailableTitle: 'База знаний недоступна',
    unavailableText:
      'Эта служба поддержки не публикует базу знаний без входа. Войдите в портал, чтобы читать доступные вам статьи.',
  },
} satisfies Translation<typeof en>;
