// Word lists for the seeded tickets: help-desk vocabulary in the three languages the search is
// built for (Russian is stemmed, Czech and English are also indexed unaccented). None of them
// shares a stem with the rare search term, so its hit count is what the seed put there.

export const RUSSIAN = `
  не работает принтер сервер ошибка доступ пароль почта сеть подключение кондиционер
  температура датчик монтаж оборудование установка замена ремонт проверка настройка
  программа обновление лицензия договор счёт оплата клиент заявка срочно офис склад
  компрессор вентиляция отопление фильтр насос давление утечка шум вибрация питание
  кабель розетка монитор клавиатура ноутбук телефон камера видеонаблюдение контроллер
  прошивка журнал отчёт база данных резервная копия восстановление перезагрузка зависает
  медленно сбой авария протечка охлаждение компонент деталь поставка гарантия сервисный
  инженер выезд график смена пропуск турникет лифт освещение электрощит автомат
  просим помочь пожалуйста после вчера сегодня утром снова периодически постоянно
`;

export const CZECH = `
  nefunguje tiskárna server chyba přístup heslo pošta síť připojení klimatizace teplota
  čidlo montáž zařízení instalace výměna oprava kontrola nastavení program aktualizace
  licence smlouva faktura platba zákazník požadavek naléhavé kancelář sklad kompresor
  větrání topení filtr čerpadlo tlak únik hluk vibrace napájení kabel zásuvka monitor
  klávesnice notebook telefon kamera kamerový systém řídicí jednotka firmware protokol
  zpráva databáze záloha obnovení restart zamrzá pomalu výpadek havárie chlazení součástka
  díl dodávka záruka servisní technik výjezd rozvrh směna vstupní karta výtah osvětlení
  rozvaděč jistič prosíme pomoc děkujeme včera dnes ráno znovu občas neustále
`;

export const ENGLISH = `
  not working printer server error access password mail network connection air conditioner
  temperature sensor installation equipment setup replacement repair inspection settings
  software update license contract invoice payment customer request urgent office
  warehouse compressor ventilation heating filter pump pressure leak noise vibration power
  cable socket monitor keyboard laptop phone camera surveillance controller firmware log
  report database backup restore reboot freezes slow outage failure cooling component part
  delivery warranty service engineer site visit schedule shift badge turnstile elevator
  lighting switchboard breaker please help thanks yesterday today morning again sometimes
`;

/** The rare search term and the inflected forms it appears in (the Russian stemmer folds them). */
export const RARE_TERM = 'манометр';
export const RARE_FORMS = ['манометр', 'манометра', 'манометром', 'манометре', 'манометры'];

/**
 * The common search term: what users type most is a word found in many tickets. The seed puts
 * it in 5% of tickets (2% in the subject, 3% in the description), in every language, which is
 * the frequency of the word the peer compared side by side searches. No list above contains it.
 */
export const COMMON_TERM = 'VPN';
export const COMMON_SHARE = 0.05;

export const ORGANIZATION_WORDS = `
  Альфа Вектор Сигма Техно Строй Сервис Energo Stavby Servis Teplo Global Nord Delta Omega
  Prime Vista Крона Орион Атлант Бриз Morava Vltava Praha Brno Linden Harbor Summit Pioneer
`;

export const FIRST_NAMES = `
  Иван Мария Алексей Ольга Дмитрий Анна Сергей Елена Jan Petra Tomáš Lucie Martin Jana Pavel
  Eva John Emma James Olivia Robert Sophia Michael Grace
`;

export const LAST_NAMES = `
  Иванов Петрова Смирнов Кузнецова Попов Соколова Novák Svobodová Dvořák Černá Procházka
  Kučerová Smith Johnson Brown Taylor Wilson Clarke Walker Wright
`;

export const GROUP_NAMES = [
  'Первая линия',
  'Вторая линия',
  'Инженеры выезда',
  'Klimatizace',
  'Technologie',
  'Software',
  'Networks',
  'Facilities',
  'Billing',
  'Escalations',
];

/** Splits a list literal above into words. */
export function words(list) {
  return list.split(/\s+/).filter(Boolean);
}
