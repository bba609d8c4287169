import type { MailMessages } from './en.js';
import { plural } from './plural.js';

// Mail and SMS texts in Russian. A ticket is «заявка»; past-tense verbs never take a person's name
// (their gender is unknown): who did what goes into a labelled line instead.
export const ru = {
  duration: {
    day: plural({ one: 'день', few: 'дня', many: 'дней', other: 'дня' }),
    hour: plural({ one: 'час', few: 'часа', many: 'часов', other: 'часа' }),
    minute: plural({ one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' }),
    lessThanMinute: 'меньше минуты',
  },
  priority: {
    low: 'Низкий',
    normal: 'Обычный',
    high: 'Высокий',
    urgent: 'Срочный',
  },
  labels: {
    ticket: 'Заявка',
    subject: 'Тема',
    status: 'Статус',
    priority: 'Приоритет',
    requester: 'Заявитель',
    organization: 'Организация',
    assignee: 'Исполнитель',
    group: 'Группа',
    changedBy: 'Автор изменения',
    level: 'Уровень поддержки',
    newAssignee: 'Новый исполнитель',
    firstResponseBy: 'Первый ответ до',
    resolutionBy: 'Решение до',
    workingHours: 'Наши часы работы',
    due: 'Срок',
    wasDue: 'Срок истёк',
    principal: 'Замещаемый сотрудник',
    deputy: 'Заместитель',
    from: 'Начало',
    until: 'Окончание',
    length: 'Продолжительность',
    newEmail: 'Новый адрес',
  },
  common: {
    noSubject: '(без темы)',
    automatic: 'автоматически',
    someone: 'Кто-то',
    nobody: 'пока никто',
    openTicket: 'Открыть заявку',
    settings: 'Настройки уведомлений',
    unsubscribe: (kind: string) => `Отписаться от писем «${kind}»`,
    within: (duration: string) => `срок — ${duration}`,
    timeLeft: (duration: string) => `осталось: ${duration}`,
    overdue: (duration: string) => `просрочка: ${duration}`,
    untilFurtherNotice: 'до отмены',
  },
  kindNames: {
    ticket_acknowledged: 'Подтверждение заявки',
    ticket_new: 'Новая заявка',
    ticket_assigned: 'Назначение заявки',
    ticket_unassigned: 'Снятие назначения',
    ticket_escalated: 'Эскалация заявки',
    comment_public: 'Новый ответ',
    comment_internal: 'Внутренняя заметка',
    status_changed: 'Смена статуса',
    ticket_reopened: 'Повторное открытие заявки',
    sla_reminder: 'Напоминание о сроке SLA',
    sla_breached: 'Нарушение SLA',
    sla_escalated: 'Эскалация нарушения SLA',
    deputyship_started: 'Начало замещения',
    deputyship_ended: 'Окончание замещения',
  },

  ticket_acknowledged: {
    subject: 'Заявка принята',
    heading: (n: number) => `Ваша заявка #${n} принята`,
    intro:
      'Спасибо за обращение. Мы зарегистрировали заявку и скоро свяжемся с вами. ' +
      'На странице заявки можно следить за её ходом и добавить подробности.',
    noPromise: 'Мы ответим, как только сможем.',
    action: 'Открыть заявку',
    reason: 'Вы получили это письмо, потому что подали эту заявку.',
  },
  ticket_new: {
    subject: 'Новая заявка',
    heading: (n: number) => `Новая заявка #${n}`,
    intro: 'Поступила новая заявка.',
    description: 'Описание:',
    reason:
      'Вы получили это письмо, потому что вам приходят новые заявки вашей группы ' +
      'или вы распределяете заявки без группы.',
  },
  ticket_assigned: {
    subjectToYou: 'Вам назначена заявка',
    subjectToGroup: (group: string) => `Назначена группе «${group}»`,
    headingToYou: (n: number) => `Вам назначена заявка #${n}`,
    headingToGroup: (n: number, group: string) => `Заявка #${n} назначена группе «${group}»`,
    reason: 'Вы получили это письмо, потому что заявку назначили вам или вашей группе.',
  },
  ticket_unassigned: {
    subject: 'Заявка снята с вас',
    heading: (n: number) => `Заявка #${n} больше не назначена вам`,
    reason: 'Вы получили это письмо, потому что раньше заявка была назначена вам.',
  },
  ticket_escalated: {
    subject: (level: number) => `Эскалация на уровень ${level}`,
    heading: (n: number, level: number) => `Заявка #${n} передана на уровень поддержки ${level}`,
    reason:
      'Вы получили это письмо, потому что состоите в группе, которая работает на этом уровне поддержки.',
  },
  comment_public: {
    subject: 'Новый ответ',
    heading: (n: number) => `Новый ответ в заявке #${n}`,
    wrote: (author: string) => `${author} пишет:`,
    action: 'Посмотреть и ответить',
    reason: 'Вы получили это письмо, потому что участвуете в заявке или следите за ней.',
  },
  comment_internal: {
    subject: 'Внутренняя заметка',
    heading: (n: number) => `Внутренняя заметка в заявке #${n}`,
    notice: 'Внутренняя заметка: её видят только сотрудники. Не пересылайте это письмо клиенту.',
    wrote: (author: string) => `${author} пишет:`,
    reason: 'Вы получили это письмо, потому что работаете с заявкой или следите за ней.',
  },
  status_changed: {
    subjectPending: 'Нужен ваш ответ',
    subjectResolved: 'Заявка решена',
    subjectClosed: 'Заявка закрыта',
    subjectOther: (status: string) => `Статус «${status}»`,
    headingPending: (n: number) => `По заявке #${n} нужен ваш ответ`,
    headingResolved: (n: number) => `Заявка #${n} решена`,
    headingClosed: (n: number) => `Заявка #${n} закрыта`,
    headingOther: (n: number, status: string) => `Заявка #${n} теперь в статусе «${status}»`,
    pendingText:
      'Чтобы продолжить работу, нам нужен ваш ответ. Пожалуйста, ответьте на странице заявки.',
    question: 'Наш вопрос:',
    comment: 'Комментарий:',
    resolvedText: 'Мы считаем, что ваш вопрос решён.',
    acceptText: 'Пожалуйста, примите решение или отклоните его и напишите, что ещё не так.',
    accept: 'Принять решение',
    reject: 'Отклонить решение',
    rateText: 'Как мы справились? Оцените нашу работу одним нажатием.',
    rate: 'Оценить нашу работу',
    closedText: 'Если проблема вернётся, пожалуйста, подайте новую заявку.',
    action: 'Открыть заявку',
    reason: 'Вы получили это письмо, потому что подали эту заявку или следите за ней.',
  },
  ticket_reopened: {
    subject: 'Заявка открыта повторно',
    heading: (n: number) => `Заявка #${n} открыта повторно`,
    intro: 'Заявка снова открыта, и над ней нужно работать.',
    reason: 'Вы получили это письмо, потому что работаете с этой заявкой.',
  },
  sla_reminder: {
    subject: { first_response: 'Скоро срок первого ответа', resolution: 'Скоро срок решения' },
    heading: {
      first_response: (n: number) => `Скоро истекает срок первого ответа по заявке #${n}`,
      resolution: (n: number) => `Скоро истекает срок решения заявки #${n}`,
    },
    passed: {
      first_response: (share: string) => `Прошло ${share} времени, отведённого на первый ответ.`,
      resolution: (share: string) => `Прошло ${share} времени, отведённого на решение.`,
    },
    reason: 'Вы получили это письмо, потому что заявка назначена вам или вашей группе.',
  },
  sla_breached: {
    subject: { first_response: 'Просрочен первый ответ', resolution: 'Просрочен срок решения' },
    heading: {
      first_response: (n: number) => `Просрочен первый ответ по заявке #${n}`,
      resolution: (n: number) => `Просрочен срок решения заявки #${n}`,
    },
    intro: {
      first_response: 'Срок первого ответа истёк.',
      resolution: 'Срок решения истёк.',
    },
    reason: 'Вы получили это письмо, потому что заявка назначена вам или вашей группе.',
  },
  sla_escalated: {
    subject: {
      first_response: 'Эскалация просрочки первого ответа',
      resolution: 'Эскалация просрочки решения',
    },
    heading: {
      first_response: (n: number) => `Эскалация: просрочен первый ответ по заявке #${n}`,
      resolution: (n: number) => `Эскалация: просрочен срок решения заявки #${n}`,
    },
    intro: 'Срок истёк, а работа не выполнена. Пожалуйста, проверьте заявку.',
    reason:
      'Вы получили это письмо, потому что руководите группой или отделом, который работает с заявкой.',
  },
  deputyship_started: {
    subject: (principal: string, deputy: string) => `Начато замещение: ${principal} → ${deputy}`,
    heading: 'Замещение начато',
    intro: 'На это время заместитель исполняет обязанности замещаемого сотрудника.',
    action: 'Открыть профиль',
    reason: 'Вы получили это письмо, потому что вы замещаемый сотрудник или заместитель.',
  },
  deputyship_ended: {
    subject: (principal: string, deputy: string) => `Замещение окончено: ${principal} → ${deputy}`,
    heading: 'Замещение окончено',
    ended: 'Его завершили досрочно.',
    expired: 'Оно закончилось в назначенный срок.',
    over: 'Оно закончилось.',
    action: 'Открыть профиль',
    reason: 'Вы получили это письмо, потому что были замещаемым сотрудником или заместителем.',
  },
  account: {
    greeting: (name: string) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
    validity: (date: string) => `Ссылка одноразовая и действует до ${date}.`,
    alwaysSent: 'Письма об учётной записи отправляются всегда.',
  },
  account_welcome: {
    subject: 'Добро пожаловать в Relaydesk: задайте пароль',
    heading: 'Добро пожаловать в Relaydesk',
    intro: 'Для вас создана учётная запись. Задайте пароль, чтобы войти.',
    action: 'Задать пароль',
    ignore: 'Если вы не ждали этого письма, просто не обращайте на него внимания.',
    reason: 'Вы получили это письмо, потому что на этот адрес создана учётная запись.',
  },
  password_reset: {
    subject: 'Сброс пароля Relaydesk',
    heading: 'Сброс пароля',
    intro:
      'Кто-то запросил сброс пароля вашей учётной записи. Если это были вы, задайте новый пароль.',
    action: 'Задать новый пароль',
    ignore: 'Если это были не вы, не обращайте внимания на письмо: пароль останется прежним.',
    reason: 'Вы получили это письмо, потому что для этого адреса запросили сброс пароля.',
  },
  email_change: {
    subject: 'Подтвердите новый адрес эл. почты',
    heading: 'Подтвердите новый адрес электронной почты',
    intro: 'Пожалуйста, подтвердите новый адрес электронной почты вашей учётной записи Relaydesk.',
    action: 'Подтвердить адрес',
    ignore:
      'Пока вы не подтвердите адрес, ничего не изменится. Если вы этого не запрашивали, ' +
      'не обращайте внимания на письмо.',
    reason: 'Вы получили это письмо, потому что этот адрес указали как новый адрес учётной записи.',
  },
  web_form_confirmation: {
    subject: 'Подтвердите ваше обращение',
    heading: 'Подтвердите ваше обращение',
    intro:
      'Мы получили ваше обращение через веб-форму. Подтвердите, что это ваш адрес, и мы ' +
      'зарегистрируем заявку.',
    action: 'Подтвердить обращение',
    ignore: 'Если вы ничего не отправляли, не обращайте внимания на письмо: заявка не появится.',
    reason: 'Вы получили это письмо, потому что этот адрес указали в нашей веб-форме.',
  },
  webhook_disabled: {
    subject: 'Вебхук отключён',
    heading: 'Вебхук отключён',
    intro:
      'Relaydesk перестал отправлять вебхуки на этот адрес, потому что сообщения раз за разом ' +
      'не доходили. Внешняя система ничего не узнает, пока его снова не включат.',
    endpoint: 'Адрес',
    description: 'Описание',
    failures: 'Неудачных сообщений подряд',
    disabledAt: 'Отключён',
    lastError: 'Последняя ошибка',
    next: 'Исправьте приёмник и включите вебхук снова: ожидающие сообщения будут отправлены.',
    action: 'Открыть вебхуки',
    reason: 'Вы получили это письмо, потому что вы администратор этого Relaydesk.',
  },
  sms: {
    account_welcome: 'Relaydesk: учётная запись создана. Ссылка для пароля — в письме.',
    password_reset: 'Relaydesk: запрошен сброс пароля. Ссылка — в письме.',
    email_change: 'Relaydesk: подтвердите новый адрес по ссылке из письма.',
    web_form_confirmation: 'Relaydesk: подтвердите обращение по ссылке из письма.',
    webhook_disabled: 'Relaydesk: вебхук отключён после повторяющихся ошибок.',
  },
} satisfies MailMessages;
