import type { TicketChannel, TicketPriority } from '@relaydesk/contracts';
import type { PersonKey, StaffKey } from './demo-directory.js';

export type TextLang = 'ru' | 'cs' | 'en';

/**
 * How a ticket got to where it is now. Steps are comments (ack, note, ...) or the status the
 * ticket moves to; every move is one the Okdesk workflow allows.
 */
export const PATHS = {
  /** New, nobody has looked at it. */
  O1: [],
  /** New, and the requester is asking for news. */
  O2: ['ping'],
  /** New, triaged to a group with a staff note. */
  O3: ['note'],
  P1: ['ack', 'in_progress', 'note'],
  /** In progress, the requester wrote last. */
  P2: ['ack', 'in_progress', 'ping'],
  /** Resolved, then reopened by the requester. */
  P3: ['ack', 'in_progress', 'fix', 'resolved', 'reopen', 'open', 'in_progress', 'note'],
  N1: ['ack', 'in_progress', 'ask', 'needs_clarification'],
  N2: ['ask', 'needs_clarification'],
  R1: ['ack', 'in_progress', 'note', 'fix', 'resolved'],
  R2: ['fix', 'resolved'],
  C1: ['ack', 'in_progress', 'fix', 'resolved', 'thanks', 'closed'],
  C2: [
    'ack',
    'in_progress',
    'ask',
    'needs_clarification',
    'answer',
    'in_progress',
    'note',
    'fix',
    'resolved',
    'closed',
  ],
  C3: ['fix', 'resolved', 'closed'],
} as const;

export type PathKey = keyof typeof PATHS;
export type Step = (typeof PATHS)[PathKey][number];
export type CommentStep = Exclude<
  Step,
  'open' | 'in_progress' | 'needs_clarification' | 'resolved' | 'closed'
>;

export type TypeKey =
  | 'microclimate'
  | 'technological_equipment'
  | 'design'
  | 'software'
  | 'production'
  | 'components'
  | 'installation'
  | 'operation';

export interface DemoTicketSeed {
  path: PathKey;
  type: TypeKey;
  requester: PersonKey;
  channel: TicketChannel;
  priority: TicketPriority;
  subject: string;
  description: string;
  /** Defaults to the requester's locale. */
  lang?: TextLang;
  /** Internal tickets name who works on them; clients' tickets are routed by rule. */
  assignee?: StaffKey | null;
  /** An internal ticket about a customer. */
  organization?: 'yuzhny' | 'novak';
  /** Keeps its original, already passed deadline. */
  overdue?: true;
}

const t = (
  path: PathKey,
  type: TypeKey,
  requester: PersonKey,
  channel: TicketChannel,
  priority: TicketPriority,
  subject: string,
  description: string,
  extra: Partial<DemoTicketSeed> = {},
): DemoTicketSeed => ({ path, type, requester, channel, priority, subject, description, ...extra });

/** Oldest first: the first one was opened about 45 days before the seed runs, the last today. */
// prettier-ignore
export const DEMO_TICKETS: DemoTicketSeed[] = [
  t('C1', 'microclimate', 'sergey', 'portal', 'high',
    'Теплица №3: ночью температура падает до 14 °C',
    'С понедельника в блоке 3 ночная температура опускается до 14–15 °C при уставке 18 °C. Котёл работает, клапаны смесительного узла, похоже, не открываются полностью. Просим проверить.'),
  t('C2', 'technological_equipment', 'petr', 'portal', 'normal',
    'Nefunguje dávkovač hnojiv v hale B',
    'Od včerejška dávkovač hnojiv v hale B hlásí chybu EC senzoru a nedávkuje. Rostliny jsou na čisté vodě. Prosíme o rychlou kontrolu.'),
  t('C3', 'design', 'marina', 'agent', 'normal',
    'Проект досветки для блока 5 «Агрокомбинат Южный»',
    'Клиент запросил расчёт досветки для блока 5 (1,2 га). Нужна схема расстановки светильников и расчёт нагрузки на трансформаторную подстанцию.',
    { assignee: 'dmitry', organization: 'yuzhny' }),
  t('C1', 'microclimate', 'anna', 'portal', 'normal',
    'Высокая влажность в рассадном отделении',
    'Влажность в рассадном отделении держится на 92–95 %, на рассаде огурца появились признаки мучнистой росы. Форточки открываются, но влажность не снижается.'),
  t('C1', 'technological_equipment', 'lucie', 'agent', 'high',
    'Čerpadlo závlahy č. 2 se samo vypíná',
    'Čerpadlo závlahy č. 2 se po 5–10 minutách provozu vypne a na panelu svítí porucha motorové ochrany. Nahlášeno telefonicky.'),
  t('C2', 'microclimate', 'nikolay', 'portal', 'normal',
    'Не работает зашторивание в блоке 2',
    'Энергосберегающий экран в блоке 2 не закрывается по расписанию, в ручном режиме доходит до 60 % и останавливается.'),
  t('C1', 'technological_equipment', 'martin', 'portal', 'low',
    'Netěsnost na rozvodu topné vody ve skleníku 4',
    'Ve skleníku 4 u řady 12 kape z přírubového spoje topné vody. Zatím jen málo, ale rádi bychom to opravili při příští návštěvě.'),
  t('C3', 'components', 'jan', 'agent', 'normal',
    'Objednat náhradní EC a pH sondy pro Zahradnictví Novák',
    'Zákazník má obě sondy po životnosti. Objednat 2× EC a 2× pH sondu a kalibrační roztoky, předat při servisní návštěvě.',
    { assignee: 'tereza', organization: 'novak' }),
  t('C1', 'microclimate', 'sergey', 'api', 'urgent',
    'Авария: блок 4 — перегрев, не открываются форточки',
    'Автоматическое уведомление системы мониторинга: температура воздуха в блоке 4 — 36 °C, форточки не реагируют на команды контроллера.'),
  t('C2', 'technological_equipment', 'petr', 'portal', 'normal',
    'Klimapočítač hlásí chybu komunikace s meteostanicí',
    'Klimapočítač od rána hlásí „Meteo station offline“. Venkovní teplota a vítr se nezobrazují, větrání proto běží jen podle vnitřních čidel.'),
  t('C1', 'technological_equipment', 'anna', 'agent', 'high',
    'Не включается туманообразование в рассадном отделении',
    'Система туманообразования высокого давления не включается, на насосной станции ошибка «низкое давление на входе». Заявку передали по телефону.'),
  t('P1', 'software', 'tereza', 'agent', 'high',
    'Climate controller firmware resets setpoints after power loss',
    'Seen at two sites (Агрокомбинат Южный, Zahradnictví Novák): after a power cut the controller boots with factory setpoints. Reproduce on the test bench and prepare a firmware fix.',
    { lang: 'en', assignee: 'jan', overdue: true }),
  t('C3', 'production', 'dmitry', 'agent', 'normal',
    'Сборка шкафа управления вентиляцией ШУ-12 для блока 6',
    'Собрать и испытать шкаф управления вентиляцией ШУ-12 по схеме из проекта. Отгрузка на объект — до конца месяца.',
    { assignee: 'jan', organization: 'yuzhny' }),
  t('C1', 'microclimate', 'martin', 'email', 'normal',
    'Čidlo CO₂ ve skleníku 2 měří nesmysly',
    'Čidlo CO₂ ve skleníku 2 ukazuje stále 1 800 ppm i při otevřeném větrání. Dávkování CO₂ je proto vypnuté.'),
  t('C2', 'technological_equipment', 'sergey', 'portal', 'high',
    'Котельная: авария горелки котла №1',
    'Котёл №1 уходит в аварию «нет пламени» 3–4 раза за ночь. Пока работаем на котле №2, резерва нет.'),
  t('C1', 'microclimate', 'lucie', 'web_form', 'normal',
    'Rozdílné teploty mezi lodí 1 a lodí 3',
    'V lodi 1 je přes den o 3 °C tepleji než v lodi 3, přestože mají stejné nastavení. Prosíme o kontrolu čidel a ventilů.'),
  t('N2', 'technological_equipment', 'nikolay', 'agent', 'normal',
    'Замена подшипника вентилятора рециркуляции №7',
    'Вентилятор рециркуляции №7 в блоке 1 сильно шумит и вибрирует, нужна замена подшипника. Передано по телефону.'),
  t('C1', 'technological_equipment', 'petr', 'portal', 'low',
    'Zaškolení obsluhy dávkovače hnojiv',
    'Máme dva nové zaměstnance ve skleníku. Mohli byste je při příští návštěvě zaškolit na obsluhu dávkovače hnojiv?'),
  t('C3', 'installation', 'marina', 'agent', 'normal',
    'Монтаж метеостанции на объекте «Агрокомбинат Южный»',
    'Установить новую метеостанцию на крыше блока 1, проложить кабель до контроллера, подключить и проверить показания.',
    { assignee: 'dmitry', organization: 'yuzhny' }),
  t('C1', 'microclimate', 'anna', 'portal', 'normal',
    'Рассада: днём не держится уставка по температуре',
    'В солнечные дни температура в рассадном отделении превышает уставку на 4–5 °C, хотя форточки открыты полностью.'),
  t('C2', 'technological_equipment', 'martin', 'portal', 'high',
    'Porucha motoru větrání, hřeben 6',
    'Motor větrání na hřebeni 6 se nerozběhne, jistič vypadává. Větrací okna zůstala zavřená.'),
  t('R1', 'operation', 'tereza', 'agent', 'normal',
    'Update the seasonal maintenance checklist',
    'Before the heating season, add burner checks and mixing valve calibration to the checklist we use on site visits.',
    { lang: 'en', assignee: 'alexey' }),
  t('C1', 'microclimate', 'sergey', 'monitoring', 'urgent',
    'Авария: низкая температура в блоке 1 (12,8 °C)',
    'Автоматическое уведомление системы мониторинга: температура воздуха в блоке 1 ниже аварийного порога 13 °C дольше 15 минут.'),
  t('O2', 'technological_equipment', 'lucie', 'portal', 'normal',
    'Nejde ruční ovládání stínění ve skleníku 3',
    'Na panelu ve skleníku 3 nejde ručně ovládat stínění, automatika funguje. Obsluha potřebuje ruční režim při sklizni.',
    { overdue: true }),
  t('C1', 'technological_equipment', 'nikolay', 'portal', 'normal',
    'Счётчик газа котельной не передаёт данные',
    'С 10-го числа показания газового счётчика котельной не поступают в систему учёта. Локально счётчик работает.'),
  t('R2', 'components', 'alexey', 'agent', 'low',
    'Пополнить запас реле и предохранителей для выездов',
    'На складе закончились реле 24 В и предохранители 2 А для шкафов управления. Нужно пополнить запас для выездных бригад.',
    { assignee: 'dmitry' }),
  t('C3', 'microclimate', 'petr', 'portal', 'low',
    'Export teplot a vlhkosti za rok 2025',
    'Pro dotační audit potřebujeme export průměrných denních teplot a vlhkosti ze všech skleníků za rok 2025 (CSV nebo Excel).'),
  t('P3', 'technological_equipment', 'anna', 'portal', 'high',
    'Капельный полив: неравномерная подача по рядам в блоке 2',
    'В блоке 2 крайние ряды получают заметно меньше раствора, к обеду растения подвядают. Давление на поливочном узле в норме.',
    { overdue: true }),
  t('R1', 'design', 'jan', 'agent', 'normal',
    'Návrh rozvodu topení pro nový skleník 5',
    'Zákazník plánuje skleník 5 (0,8 ha). Připravit návrh rozvodu topné vody a dimenzování směšovacího uzlu, nabídka do 14 dnů.',
    { assignee: 'dmitry', organization: 'novak' }),
  t('C1', 'microclimate', 'martin', 'portal', 'normal',
    'Vlhkost v noci přes 95 % ve skleníku 1',
    'V noci stoupá vlhkost ve skleníku 1 přes 95 %, na listech kondenzuje voda. Minimální teplota trubky je nastavena na 40 °C.'),
  t('P1', 'technological_equipment', 'sergey', 'agent', 'high',
    'Замена трёхходового клапана смесительного узла в блоке 3',
    'По итогам прошлой заявки выявлен износ трёхходового клапана смесительного узла блока 3. Нужна замена до начала холодов.',
    { overdue: true }),
  t('R1', 'software', 'dmitry', 'agent', 'normal',
    'Выгрузка архива климата в CSV падает на больших периодах',
    'При выгрузке архива за период больше 90 дней утилита экспорта падает по памяти. Нужно переделать выгрузку на потоковую.',
    { assignee: 'jan' }),
  t('N1', 'microclimate', 'petr', 'portal', 'normal',
    'New climate program for cucumbers in greenhouse 2',
    'We are switching greenhouse 2 to cucumbers next week and need help setting up a new climate program (day and night temperatures, humidity, CO₂).',
    { lang: 'en' }),
  t('C1', 'technological_equipment', 'nikolay', 'portal', 'normal',
    'Течь в узле приготовления раствора',
    'Под миксером в узле приготовления раствора течёт фланец фильтра, за смену набирается около ведра.'),
  t('R2', 'installation', 'marina', 'agent', 'normal',
    'Монтаж датчиков влажности субстрата у Zahradnictví Novák',
    'Клиент купил 6 датчиков влажности субстрата. Согласовать выезд, смонтировать и подключить к контроллеру.',
    { assignee: 'jan', organization: 'novak' }),
  t('P2', 'microclimate', 'lucie', 'portal', 'normal',
    'Větrání se otevírá i při dešti',
    'Při dešti se ve skleníku 2 otevírají větrací okna, čidlo deště zřejmě nereaguje. Voda teče na rostliny.'),
  t('N1', 'technological_equipment', 'sergey', 'portal', 'normal',
    'Подключить новую линию досветки к контроллеру',
    'Смонтировали новую линию досветки в блоке 5. Нужно подключить её к управлению по расписанию и по датчику освещённости.'),
  t('R1', 'microclimate', 'anna', 'portal', 'high',
    'Блок 2: резкие скачки температуры днём',
    'В блоке 2 днём температура скачет на ±3 °C за 10–15 минут, форточки постоянно открываются и закрываются.'),
  t('P1', 'production', 'dmitry', 'agent', 'normal',
    'Изготовить кабельные сборки для датчиков',
    'Изготовить 20 кабельных сборок (10 м, разъём M12) для датчиков температуры и влажности — партия для двух объектов.',
    { assignee: 'jan' }),
  t('O3', 'technological_equipment', 'martin', 'portal', 'normal',
    'Kontrola kotle před topnou sezónou',
    'Prosíme o pravidelnou kontrolu kotle a hořáku před topnou sezónou, ideálně v příštích dvou týdnech.'),
  t('R1', 'technological_equipment', 'nikolay', 'portal', 'normal',
    'Не сохраняется расписание полива на панели оператора',
    'После изменения расписания полива на панели оператора через некоторое время возвращаются старые значения.'),
  t('P1', 'microclimate', 'petr', 'agent', 'high',
    'Kolísání teploty topné vody',
    'Teplota topné vody kolísá mezi 45 a 70 °C, směšovací ventil neustále přejíždí. Nahlášeno telefonicky panem Novákem.',
    { overdue: true }),
  t('N2', 'design', 'tereza', 'agent', 'normal',
    'Climate control layout for the new seedling department (Агрокомбинат Южный)',
    'The customer wants a quote for the climate control of their new 0.4 ha seedling department. We need their building drawings first.',
    { lang: 'en', assignee: 'dmitry', organization: 'yuzhny' }),
  t('P2', 'technological_equipment', 'anna', 'portal', 'normal',
    'Не приходят SMS об авариях',
    'Аварийные SMS о температуре перестали приходить на телефоны дежурных. В журнале контроллера аварии есть.'),
  t('R2', 'operation', 'alexey', 'agent', 'low',
    'Квартальная проверка резервных копий конфигураций контроллеров',
    'Раз в квартал проверяем, что резервные копии конфигураций контроллеров всех клиентов восстанавливаются на стенде.',
    { assignee: 'tereza' }),
  t('O1', 'microclimate', 'nikolay', 'portal', 'low',
    'Рекомендации по уставкам CO₂ на зиму',
    'Просим прислать рекомендации по уставкам CO₂ для томатов на зимний период с учётом досветки.'),
  t('P1', 'installation', 'marina', 'agent', 'normal',
    'Замена контроллера климата в блоке 6',
    'Смонтировать новый контроллер климата в блоке 6 вместо вышедшего из строя, перенести конфигурацию и уставки.',
    { assignee: 'dmitry', organization: 'yuzhny' }),
  t('N1', 'technological_equipment', 'martin', 'portal', 'high',
    'Chyba frekvenčního měniče čerpadla závlahy',
    'Frekvenční měnič čerpadla závlahy hlásí chybu F0003 (podpětí) a čerpadlo se zastaví. Stává se to hlavně ráno.'),
  t('O2', 'microclimate', 'sergey', 'portal', 'normal',
    'Датчик влажности в блоке 5 показывает 100 %',
    'Датчик влажности в блоке 5 постоянно показывает 100 %, из-за этого не работает осушение.'),
  t('P1', 'software', 'tereza', 'agent', 'normal',
    'Doplnit český překlad panelu obsluhy',
    'Zákazníci v ČR hlásí, že část menu panelu obsluhy je stále anglicky. Doplnit chybějící texty překladu.',
    { assignee: 'jan' }),
  t('O1', 'technological_equipment', 'lucie', 'portal', 'normal',
    'Hlučný ventilátor přívodu vzduchu v kotelně',
    'Ventilátor přívodu vzduchu v kotelně je od včerejška výrazně hlučnější než obvykle.'),
  t('O3', 'components', 'dmitry', 'agent', 'normal',
    'Подобрать замену снятому с производства датчику CO₂',
    'Производитель снял с производства датчик CO₂, который мы ставим на объекты. Подобрать аналог с выходом 0–10 В.',
    { assignee: null }),
  t('P2', 'microclimate', 'anna', 'portal', 'urgent',
    'Срочно: в блоке 1 не работает отопление',
    'С утра в блоке 1 не работает отопление, температура 15 °C и продолжает падать. Насосы контура стоят.'),
  t('O1', 'production', 'alexey', 'agent', 'low',
    'Собрать комплект ЗИП для Zahradnictví Novák',
    'Подготовить комплект запасных частей (реле, предохранители, датчик температуры) для передачи клиенту при следующем визите.',
    { assignee: null, organization: 'novak' }),
  t('N2', 'microclimate', 'petr', 'portal', 'normal',
    'Alarm e-mailem při vysoké teplotě',
    'Chtěli bychom dostávat alarm e-mailem, když teplota v některém skleníku překročí 32 °C.'),
  t('O1', 'technological_equipment', 'sergey', 'api', 'urgent',
    'Авария: давление в магистрали полива ниже нормы',
    'Автоматическое уведомление системы мониторинга: давление в магистрали полива блока 3 — 1,1 бар (норма 2,5–3 бар).'),
  t('P1', 'operation', 'jan', 'agent', 'normal',
    'Plan the service visits for next month',
    'Collect the open on-site tasks for both customers and plan next month’s visits: boiler check, sensor installation, spare parts handover.',
    { lang: 'en', assignee: 'dmitry' }),
  // Olga's own work: in scope "own only" she sees these two and nothing else.
  t('P1', 'operation', 'marina', 'agent', 'normal',
    'Обзвон клиентов: подтвердить график сезонного обслуживания',
    'Обзвонить контактных лиц «Агрокомбината Южный» и подтвердить даты сезонного обслуживания котельной и насосной станции.',
    { assignee: 'olga', organization: 'yuzhny' }),
  t('O3', 'software', 'marina', 'agent', 'low',
    'Обновить инструкцию первой линии по сбросу аварий контроллера',
    'В инструкции первой линии устарел раздел о сбросе аварий контроллера климата: добавить новые коды ошибок.',
    { assignee: 'olga' }),
  t('O2', 'technological_equipment', 'martin', 'portal', 'normal',
    'Dávkování CO₂ nereaguje na nastavení',
    'Dávkování CO₂ běží stále na 100 %, i když je nastaveno 60 %.'),
  t('O1', 'microclimate', 'nikolay', 'agent', 'normal',
    'Консультация: ночное снижение температуры для экономии газа',
    'Звонил Николай Орлов: просит помочь настроить ночное снижение температуры, чтобы сократить расход газа.'),
  t('O1', 'technological_equipment', 'lucie', 'portal', 'high',
    'Nefunguje dotykový panel obsluhy ve skleníku 1',
    'Dotykový panel obsluhy ve skleníku 1 je černý a nereaguje. Skleník zatím řídíme z kanceláře.'),
];

type Pool = Record<CommentStep, readonly string[]>;

/** What staff and the customer say to each other, by language. */
const CUSTOMER_THREAD: Record<TextLang, Omit<Pool, 'note'>> = {
  ru: {
    ack: [
      'Добрый день! Заявку приняли, инженер изучит журнал контроллера и вернётся с ответом сегодня.',
      'Здравствуйте! Взяли в работу: подключились к контроллеру удалённо, смотрим графики за последние сутки.',
      'Добрый день! Спасибо за обращение, заявка в работе. Если ситуация ухудшится — звоните на горячую линию.',
    ],
    ask: [
      'Уточните, пожалуйста: проблема проявляется постоянно или только в определённое время суток? Пришлите фото экрана контроллера с текущими значениями.',
      'Чтобы подобрать запчасть, пришлите, пожалуйста, фото шильдика оборудования и серийный номер.',
      'Подскажите, пожалуйста, когда инженеру удобно приехать на объект на этой неделе и кто его встретит?',
    ],
    answer: [
      'Фото экрана приложили. Проблема в основном ночью, с 2 до 5 утра.',
      'Шильдик сфотографировали, серийный номер в подписи к фото.',
      'Приезжайте в четверг после 10:00, на проходной предупредим.',
    ],
    ping: [
      'Добрый день! Есть новости по заявке? Ситуация не изменилась.',
      'Подскажите, пожалуйста, когда ждать инженера? Пока справляемся вручную.',
    ],
    fix: [
      'Неисправность устранена: заменили датчик и откалибровали контур. Понаблюдайте, пожалуйста, пару дней и сообщите, если повторится.',
      'Скорректировали настройки ПИД-регулятора и уставки, по графикам всё стабильно.',
      'Инженер на месте заменил неисправный привод, работа проверена в ручном и автоматическом режимах.',
    ],
    thanks: ['Спасибо, всё работает!', 'Благодарим, за двое суток замечаний нет.'],
    reopen: ['К сожалению, проблема вернулась этой ночью: снова те же симптомы.'],
  },
  cs: {
    ack: [
      'Dobrý den, požadavek jsme přijali. Technik zkontroluje záznamy z klimapočítače a ozve se vám ještě dnes.',
      'Dobrý den, řešíme: připojili jsme se vzdáleně a procházíme grafy za posledních 24 hodin.',
      'Děkujeme za nahlášení, požadavek je v řešení. Pokud se situace zhorší, volejte prosím pohotovostní linku.',
    ],
    ask: [
      'Upřesněte prosím, zda se problém objevuje stále, nebo jen v určitou denní dobu. Pošlete nám prosím fotku obrazovky s aktuálními hodnotami.',
      'Abychom mohli objednat správný díl, pošlete prosím fotku typového štítku a výrobní číslo.',
      'Kdy by se vám hodila návštěva technika tento týden a kdo ho na místě přivítá?',
    ],
    answer: [
      'Fotku posíláme v příloze. Problém je hlavně v noci mezi 2. a 5. hodinou.',
      'Štítek jsme vyfotili, výrobní číslo je v popisu fotky.',
      'Hodí se nám čtvrtek po 10. hodině, na vrátnici budou informováni.',
    ],
    ping: [
      'Dobrý den, je nějaká novinka? Situace se nezměnila.',
      'Kdy můžeme čekat technika? Zatím to řešíme ručně.',
    ],
    fix: [
      'Závada je odstraněna: vyměnili jsme čidlo a zkalibrovali okruh. Sledujte to prosím pár dní a dejte vědět, kdyby se to opakovalo.',
      'Upravili jsme nastavení PID regulátoru a žádané hodnoty, podle grafů je vše stabilní.',
      'Technik na místě vyměnil vadný pohon, funkce ověřena v ručním i automatickém režimu.',
    ],
    thanks: ['Děkujeme, vše funguje!', 'Díky, dva dny bez problémů.'],
    reopen: ['Bohužel se problém dnes v noci vrátil, stejné příznaky.'],
  },
  en: {
    ack: [
      'Hello, we have received your request. An engineer is reviewing the controller logs and will get back to you today.',
    ],
    ask: [
      'Could you please tell us whether it happens all the time or only at certain hours, and send a photo of the controller screen?',
    ],
    answer: ['Photo attached. It happens mostly at night, between 2 and 5 am.'],
    ping: ['Hello, any news on this? Nothing has changed on our side.'],
    fix: [
      'Fixed: we adjusted the PID settings and setpoints, the graphs look stable now. Please keep an eye on it for a couple of days.',
    ],
    thanks: ['Thanks, everything works now!'],
    reopen: ['Unfortunately the problem came back last night.'],
  },
};

/** Colleagues talking on an internal ticket. */
const STAFF_THREAD: Record<TextLang, Omit<Pool, 'note' | 'ping' | 'reopen'>> = {
  ru: {
    ack: ['Беру в работу, сроки отпишу до конца дня.', 'Принято, займусь на этой неделе.'],
    ask: ['Уточни, пожалуйста, исходные данные: схему объекта и требования клиента.'],
    answer: ['Всё лежит в общей папке проекта.'],
    fix: [
      'Готово, результат в общей папке — проверь, пожалуйста.',
      'Сделано, проверено на стенде.',
    ],
    thanks: ['Спасибо, принято.'],
  },
  cs: {
    ack: ['Beru si to, termín upřesním do konce dne.', 'Jasně, udělám to tento týden.'],
    ask: ['Můžeš prosím doplnit podklady — výkresy a požadavky zákazníka?'],
    answer: ['Podklady jsou ve sdílené složce projektu.'],
    fix: [
      'Hotovo, výsledek je ve sdílené složce, zkontroluj to prosím.',
      'Hotovo, otestováno na stendu.',
    ],
    thanks: ['Díky, beru na vědomí.'],
  },
  en: {
    ack: ["On it, I'll share an estimate by the end of the day."],
    ask: ['Could you attach the source data — drawings and the customer’s requirements?'],
    answer: ['Uploaded everything to the shared project folder.'],
    fix: ['Done and tested on the bench. Please review.'],
    thanks: ['Thanks, accepted.'],
  },
};

/** Internal notes, in the language of the staff member who writes them. */
const NOTES: Record<'ru' | 'cs' | 'en', readonly string[]> = {
  ru: [
    'Внутреннее: по журналу контроллера ошибка повторяется с прошлой недели, похоже на износ привода. Запчасть есть на складе.',
    'Для себя: клиент на договоре обслуживания, выезд не выставляем. Время согласовать с диспетчером.',
    'Удалённая проверка: связь с контроллером нестабильная, возможно, проблема с роутером на объекте.',
    'Передаю на вторую линию: удалённо не решить, нужен выезд.',
  ],
  cs: [
    'Interní: podle logu se chyba opakuje od minulého týdne, vypadá to na opotřebený pohon. Díl máme skladem.',
    'Pozn.: zákazník má servisní smlouvu, výjezd se neúčtuje. Termín domluvit s dispečinkem.',
  ],
  en: [
    'Internal: the controller log shows the same fault since last week, probably a worn actuator. The part is in stock.',
    'Note to self: check the warranty status before ordering parts.',
  ],
};

export function phrase(
  step: CommentStep,
  lang: TextLang,
  internalTicket: boolean,
  variant: number,
  authorLocale: TextLang,
): string {
  let pool: readonly string[];
  if (step === 'note') pool = NOTES[authorLocale];
  else if (internalTicket && step !== 'ping' && step !== 'reopen') pool = STAFF_THREAD[lang][step];
  else pool = CUSTOMER_THREAD[lang][step];
  return pool[variant % pool.length];
}
