import type { MailMessages } from './en.js';
import { plural } from './plural.js';

// Mail and SMS texts in Czech. A ticket is „požadavek“; names stay in the nominative (after a
// colon or in a labelled line), as their declension cannot be known. The greeting has no name
// for the same reason: Czech addresses a person in the vocative.
export const cs = {
  duration: {
    day: plural({ one: 'den', few: 'dny', many: 'dne', other: 'dní' }),
    hour: plural({ one: 'hodina', few: 'hodiny', many: 'hodiny', other: 'hodin' }),
    minute: plural({ one: 'minuta', few: 'minuty', many: 'minuty', other: 'minut' }),
    lessThanMinute: 'méně než minuta',
  },
  priority: {
    low: 'Nízká',
    normal: 'Normální',
    high: 'Vysoká',
    urgent: 'Urgentní',
  },
  labels: {
    ticket: 'Požadavek',
    subject: 'Předmět',
    status: 'Stav',
    priority: 'Priorita',
    requester: 'Žadatel',
    organization: 'Organizace',
    assignee: 'Řešitel',
    group: 'Skupina',
    changedBy: 'Autor změny',
    level: 'Úroveň podpory',
    newAssignee: 'Nový řešitel',
    firstResponseBy: 'První reakce do',
    resolutionBy: 'Vyřešení do',
    workingHours: 'Naše pracovní doba',
    due: 'Termín',
    wasDue: 'Termín byl',
    principal: 'Zastupovaný',
    deputy: 'Zástupce',
    from: 'Od',
    until: 'Do',
    length: 'Délka',
    newEmail: 'Nová adresa',
  },
  common: {
    noSubject: '(bez předmětu)',
    automatic: 'automaticky',
    someone: 'Někdo',
    nobody: 'zatím nikdo',
    openTicket: 'Otevřít požadavek',
    settings: 'Nastavení upozornění',
    unsubscribe: (kind: string) => `Odhlásit odběr e-mailů „${kind}“`,
    within: (duration: string) => `lhůta ${duration}`,
    timeLeft: (duration: string) => `zbývá: ${duration}`,
    overdue: (duration: string) => `po termínu: ${duration}`,
    untilFurtherNotice: 'do odvolání',
  },
  kindNames: {
    ticket_acknowledged: 'Potvrzení požadavku',
    ticket_new: 'Nový požadavek',
    ticket_assigned: 'Přidělení požadavku',
    ticket_unassigned: 'Odebrání požadavku',
    ticket_escalated: 'Eskalace požadavku',
    comment_public: 'Nová odpověď',
    comment_internal: 'Interní poznámka',
    status_changed: 'Změna stavu',
    ticket_reopened: 'Znovuotevření požadavku',
    sla_reminder: 'Připomínka termínu SLA',
    sla_breached: 'Porušení SLA',
    sla_escalated: 'Eskalace porušení SLA',
    deputyship_started: 'Začátek zastupování',
    work_allowance_reached: 'upozornění na limit hodin smlouvy',
    deputyship_ended: 'Konec zastupování',
  },

  ticket_acknowledged: {
    subject: 'Požadavek přijat',
    heading: (n: number) => `Váš požadavek #${n} jsme přijali`,
    intro:
      'Děkujeme, že jste nás kontaktovali. Požadavek jsme zaevidovali a brzy se vám ozveme. ' +
      'Na jeho stránce můžete sledovat průběh a doplnit podrobnosti.',
    noPromise: 'Odpovíme, jakmile to bude možné.',
    action: 'Zobrazit požadavek',
    reason: 'Tento e-mail dostáváte, protože jste tento požadavek zadali.',
    articlesIntro: 'Odpověď na váš dotaz možná už najdete v naší znalostní bázi:',
    readArticle: 'Přečíst článek',
    solved: 'Tohle vyřešilo můj problém',
    solvedHint:
      'Pokud vám některý článek pomohl, otevřete odkaz „Tohle vyřešilo můj problém“ a potvrďte ' +
      'to na stránce požadavku: uzavřeme ho.',
  },
  ticket_new: {
    subject: 'Nový požadavek',
    heading: (n: number) => `Nový požadavek #${n}`,
    intro: 'Přišel nový požadavek.',
    description: 'Popis:',
    reason:
      'Tento e-mail dostáváte, protože vám chodí nové požadavky vaší skupiny ' +
      'nebo rozdělujete požadavky bez skupiny.',
  },
  ticket_assigned: {
    subjectToYou: 'Přiděleno vám',
    subjectToGroup: (group: string) => `Přiděleno skupině „${group}“`,
    headingToYou: (n: number) => `Byl vám přidělen požadavek #${n}`,
    headingToGroup: (n: number, group: string) => `Požadavek #${n} byl přidělen skupině „${group}“`,
    reason: 'Tento e-mail dostáváte, protože byl požadavek přidělen vám nebo vaší skupině.',
  },
  ticket_unassigned: {
    subject: 'Již vám není přiděleno',
    heading: (n: number) => `Požadavek #${n} vám již není přidělen`,
    reason: 'Tento e-mail dostáváte, protože vám byl požadavek dříve přidělen.',
  },
  ticket_escalated: {
    subject: (level: number) => `Eskalováno na úroveň ${level}`,
    heading: (n: number, level: number) =>
      `Požadavek #${n} byl eskalován na úroveň podpory ${level}`,
    reason: 'Tento e-mail dostáváte, protože jste ve skupině, která řeší tuto úroveň podpory.',
  },
  comment_public: {
    subject: 'Nová odpověď',
    heading: (n: number) => `Nová odpověď v požadavku #${n}`,
    wrote: (author: string) => `${author} píše:`,
    action: 'Zobrazit a odpovědět',
    reason: 'Tento e-mail dostáváte, protože se požadavku účastníte nebo jej sledujete.',
  },
  comment_internal: {
    subject: 'Interní poznámka',
    heading: (n: number) => `Interní poznámka v požadavku #${n}`,
    notice: 'Interní poznámka: vidí ji jen zaměstnanci. Nepřeposílejte tento e-mail klientovi.',
    wrote: (author: string) => `${author} píše:`,
    reason: 'Tento e-mail dostáváte, protože na požadavku pracujete nebo jej sledujete.',
  },
  status_changed: {
    subjectPending: 'Čeká na vaši odpověď',
    subjectResolved: 'Vyřešeno',
    subjectClosed: 'Uzavřeno',
    subjectOther: (status: string) => `Stav „${status}“`,
    headingPending: (n: number) => `Požadavek #${n} čeká na vaši odpověď`,
    headingResolved: (n: number) => `Požadavek #${n} je vyřešen`,
    headingClosed: (n: number) => `Požadavek #${n} je uzavřen`,
    headingOther: (n: number, status: string) => `Požadavek #${n} je nyní ve stavu „${status}“`,
    pendingText:
      'Abychom mohli pokračovat, potřebujeme vaši odpověď. Odpovězte prosím na stránce požadavku.',
    question: 'Naše otázka:',
    comment: 'Komentář:',
    resolvedText: 'Myslíme si, že je váš požadavek vyřešen.',
    acceptText: 'Řešení prosím přijměte, nebo je odmítněte a napište nám, co je ještě špatně.',
    accept: 'Přijmout řešení',
    reject: 'Odmítnout řešení',
    rateText: 'Jak jsme si vedli? Ohodnoťte naši práci jedním kliknutím.',
    rate: 'Ohodnotit naši práci',
    closedText: 'Pokud se problém vrátí, zadejte prosím nový požadavek.',
    action: 'Zobrazit požadavek',
    reason: 'Tento e-mail dostáváte, protože jste tento požadavek zadali nebo jej sledujete.',
  },
  ticket_reopened: {
    subject: 'Znovu otevřeno',
    heading: (n: number) => `Požadavek #${n} byl znovu otevřen`,
    intro: 'Požadavek je opět otevřený a čeká na řešení.',
    reason: 'Tento e-mail dostáváte, protože na tomto požadavku pracujete.',
  },
  sla_reminder: {
    subject: {
      first_response: 'Blíží se termín první reakce',
      resolution: 'Blíží se termín vyřešení',
    },
    heading: {
      first_response: (n: number) => `Blíží se termín první reakce na požadavek #${n}`,
      resolution: (n: number) => `Blíží se termín vyřešení požadavku #${n}`,
    },
    passed: {
      first_response: (share: string) => `Uplynulo ${share} času na první reakci.`,
      resolution: (share: string) => `Uplynulo ${share} času na vyřešení.`,
    },
    reason: 'Tento e-mail dostáváte, protože je požadavek přidělen vám nebo vaší skupině.',
  },
  sla_breached: {
    subject: {
      first_response: 'Překročen termín první reakce',
      resolution: 'Překročen termín vyřešení',
    },
    heading: {
      first_response: (n: number) => `Termín první reakce na požadavek #${n} byl překročen`,
      resolution: (n: number) => `Termín vyřešení požadavku #${n} byl překročen`,
    },
    intro: {
      first_response: 'Termín první reakce uplynul.',
      resolution: 'Termín vyřešení uplynul.',
    },
    reason: 'Tento e-mail dostáváte, protože je požadavek přidělen vám nebo vaší skupině.',
  },
  sla_escalated: {
    subject: {
      first_response: 'Eskalace překročení termínu první reakce',
      resolution: 'Eskalace překročení termínu vyřešení',
    },
    heading: {
      first_response: (n: number) =>
        `Eskalace: termín první reakce na požadavek #${n} byl překročen`,
      resolution: (n: number) => `Eskalace: termín vyřešení požadavku #${n} byl překročen`,
    },
    intro: 'Termín uplynul a práce není hotová. Podívejte se prosím na požadavek.',
    reason: 'Tento e-mail dostáváte, protože vedete skupinu nebo oddělení, které požadavek řeší.',
  },
  deputyship_started: {
    subject: (principal: string, deputy: string) =>
      `Zastupování zahájeno: ${principal} → ${deputy}`,
    heading: 'Zastupování bylo zahájeno',
    intro: 'Po tuto dobu zástupce zastupuje zastupovaného kolegu.',
    action: 'Otevřít profil',
    reason: 'Tento e-mail dostáváte, protože jste zastupovaný nebo zástupce.',
  },
  deputyship_ended: {
    subject: (principal: string, deputy: string) =>
      `Zastupování skončilo: ${principal} → ${deputy}`,
    heading: 'Zastupování skončilo',
    ended: 'Bylo ukončeno předčasně.',
    expired: 'Skončilo v plánovaném termínu.',
    over: 'Skončilo.',
    action: 'Otevřít profil',
    reason: 'Tento e-mail dostáváte, protože jste byli zastupovaný nebo zástupce.',
  },
  work_allowance_reached: {
    subject: (contract: string, percent: number) =>
      `Smlouva ${contract}: vyčerpáno ${percent} % předplacených hodin`,
    heading: (percent: number) => `Vyčerpáno ${percent} % předplacených hodin smlouvy`,
    intro: (percent: number) =>
      percent >= 100
        ? 'Fakturovatelná práce za období vyčerpala limit: další práce přesahuje předplacený rozsah.'
        : 'Fakturovatelná práce za období se blíží limitu.',
    contract: 'Smlouva',
    organization: 'Klient',
    period: 'Období',
    used: 'Vyčerpáno',
    hours: (used: string, allowance: string) => `${used} h z ${allowance} h`,
    action: 'Otevřít výkaz práce',
    reason: 'Tento e-mail dostáváte, protože spravujete smlouvy.',
  },
  account: {
    greeting: (_name: string) => 'Dobrý den,',
    validity: (date: string) => `Odkaz lze použít jen jednou a platí do ${date}.`,
    alwaysSent: 'E-maily o vašem účtu posíláme vždy.',
  },
  account_welcome: {
    subject: 'Vítejte v Relaydesku: nastavte si heslo',
    heading: 'Vítejte v Relaydesku',
    intro: 'Byl vám vytvořen účet. Nastavte si heslo, abyste se mohli přihlásit.',
    action: 'Nastavit heslo',
    ignore: 'Pokud jste tento e-mail nečekali, můžete jej ignorovat.',
    reason: 'Tento e-mail dostáváte, protože pro tuto adresu byl vytvořen účet.',
  },
  password_reset: {
    subject: 'Obnovení hesla k Relaydesku',
    heading: 'Obnovení hesla',
    intro:
      'Někdo požádal o obnovení hesla k vašemu účtu. Pokud jste to byli vy, zvolte si nové heslo.',
    action: 'Zvolit nové heslo',
    ignore: 'Pokud jste to nebyli vy, tento e-mail ignorujte: heslo zůstane beze změny.',
    reason: 'Tento e-mail dostáváte, protože pro tuto adresu bylo požádáno o obnovení hesla.',
  },
  email_change: {
    subject: 'Potvrďte novou e-mailovou adresu',
    heading: 'Potvrďte novou e-mailovou adresu',
    intro: 'Potvrďte prosím novou e-mailovou adresu svého účtu v Relaydesku.',
    action: 'Potvrdit adresu',
    ignore:
      'Dokud adresu nepotvrdíte, nic se nezmění. Pokud jste o změnu nežádali, tento e-mail ignorujte.',
    reason: 'Tento e-mail dostáváte, protože tato adresa byla zadána jako nová adresa účtu.',
  },
  web_form_confirmation: {
    subject: 'Potvrďte svůj požadavek',
    heading: 'Potvrďte svůj požadavek',
    intro:
      'Přijali jsme váš požadavek z webového formuláře. Potvrďte, že tato adresa patří vám, ' +
      'a založíme k němu tiket.',
    action: 'Potvrdit požadavek',
    ignore: 'Pokud jste nic neposílali, tento e-mail ignorujte: nic se nezaloží.',
    reason: 'Tento e-mail dostáváte, protože tato adresa byla zadána v našem webovém formuláři.',
  },
  mail_refused: {
    subject: 'Vaši zprávu nelze zaevidovat',
    heading: 'Vaši zprávu nelze zaevidovat',
    intro: (at: string) =>
      `Vaši zprávu z ${at} jsme obdrželi, ale nemohli jsme k ní založit požadavek.`,
    unknown_sender:
      'Požadavky e-mailem přijímáme jen od kontaktních osob našich zákazníků a tato adresa mezi ně nepatří.',
    not_authorized:
      'Vaše organizace určila, kdo smí zakládat požadavky, a tato adresa mezi nimi není.',
    next: 'Požádejte kontaktní osobu své organizace, aby požadavek založila nebo doplnila vaši adresu.',
    reason:
      'Tato automatická odpověď přišla, protože zpráva z této adresy dorazila do naší podpory.',
  },
  webhook_disabled: {
    subject: 'Webhook byl vypnut',
    heading: 'Webhook byl vypnut',
    intro:
      'Relaydesk přestal na tuto adresu posílat webhooky, protože zprávy opakovaně selhávaly. ' +
      'Přijímající systém se nic nedozví, dokud ho znovu nezapnete.',
    endpoint: 'Adresa',
    description: 'Popis',
    failures: 'Neúspěšných zpráv po sobě',
    disabledAt: 'Vypnut',
    lastError: 'Poslední chyba',
    next: 'Opravte příjemce a webhook znovu zapněte: čekající zprávy se pak odešlou.',
    action: 'Otevřít webhooky',
    reason: 'Tento e-mail dostáváte, protože jste správcem tohoto Relaydesku.',
  },
  sms: {
    account_welcome: 'Relaydesk: účet je připraven. Odkaz pro nastavení hesla je v e-mailu.',
    password_reset: 'Relaydesk: žádost o obnovení hesla. Odkaz je v e-mailu.',
    email_change: 'Relaydesk: potvrďte novou adresu odkazem z e-mailu.',
    web_form_confirmation: 'Relaydesk: potvrďte svůj požadavek odkazem z e-mailu.',
    webhook_disabled: 'Relaydesk: webhook byl vypnut po opakovaných chybách.',
    mail_refused: 'Relaydesk: vaši zprávu nelze zaevidovat jako požadavek. Více v e-mailu.',
  },
} satisfies MailMessages;
