// Labels in German (the default) and English, and the locale's number and date formats.

const LOCALES = {de: 'de-DE', en: 'en-GB'};

const MESSAGES = {
  de: {
    'app.title': 'IKZ-Ledger',
    'app.subtitle': 'Interkommunale IT-Zusammenarbeit',
    'skip': 'Zum Inhalt springen',
    'lang.switch': 'English',
    'lang.switch.label': 'Switch to English',
    'nav.label': 'Hauptnavigation',
    'nav.savings': 'Einsparungen',
    'nav.partners': 'Partner',
    'nav.agreements': 'Vereinbarungen',
    'nav.audit': 'Prüfung',
    'login.heading': 'Anmelden',
    'login.intro': 'Melden Sie sich mit Ihrem Konto des IKZ-Ledgers an.',
    'login.username': 'Benutzername',
    'login.password': 'Passwort',
    'login.submit': 'Anmelden',
    'login.failed': 'Benutzername oder Passwort ist falsch.',
    'login.unreachable': 'Der Dienst ist nicht erreichbar.',
    'logout': 'Abmelden',
    'loggedInAs': 'Angemeldet als {user}',
    'loggedOut': 'Sie sind abgemeldet.',
    'time.label': 'Zeitpunkt der Ansicht',
    'time.asOf': 'Stand (aufgezeichnet bis)',
    'time.asOf.hint': 'Zeigt jede Ansicht so, wie sie zu diesem Zeitpunkt aufgezeichnet war.',
    'time.on': 'Stichtag',
    'time.on.hint': 'Leistungen und Vereinbarungen an diesem Geschäftstag.',
    'time.apply': 'Anwenden',
    'time.now': 'Aktueller Stand',
    'time.banner': 'Historische Ansicht: Stand {asOf}. Live-Aktualisierung pausiert.',
    'time.bannerOn': 'Stichtag {on}.',
    'time.invalid': 'Bitte geben Sie einen gültigen Zeitpunkt ein.',
    'live.connecting': 'Aktualisierung: verbinde mit dem Ereignisstrom …',
    'live.stream': 'Aktualisierung: live über den Ereignisstrom',
    'live.polling': 'Aktualisierung: alle 10 Sekunden',
    'live.pollingForbidden': 'Aktualisierung: alle 10 Sekunden (der Ereignisstrom ist für Ihre Rolle nicht freigegeben)',
    'live.paused': 'Aktualisierung: pausiert (historische Ansicht)',
    'live.event': 'Neues Ereignis: {type}. Die Ansicht wurde aktualisiert.',
    'live.events': '{count} neue Ereignisse. Die Ansicht wurde aktualisiert.',
    'live.updated': 'Die Ansicht wurde aktualisiert.',
    'loading': 'Wird geladen …',
    'loaded': '{view} geladen.',
    'error.forbidden': 'Ihre Rolle darf diese Ansicht nicht lesen.',
    'error.notFound': 'Nicht gefunden.',
    'error.generic': 'Die Anfrage ist fehlgeschlagen ({status}).',
    'error.session': 'Ihre Anmeldung ist nicht mehr gültig. Bitte melden Sie sich erneut an.',
    'savings.heading': 'Einsparungen',
    'savings.year': 'Haushaltsjahr',
    'savings.show': 'Anzeigen',
    'savings.total': 'Einsparungen {year} insgesamt',
    'savings.totalAll': 'Alle Haushaltsjahre zusammen',
    'savings.perPartner': 'Einsparungen je Partner im Haushaltsjahr {year}',
    'savings.perPartner.desc': 'Balkendiagramm: Einsparung je Partner im Haushaltsjahr {year}. Die Tabelle darunter enthält dieselben Zahlen.',
    'savings.trend': 'Entwicklung über die Haushaltsjahre',
    'savings.trend.desc': 'Liniendiagramm: Einsparungen insgesamt und je Partner für jedes Haushaltsjahr. Die Tabelle darunter enthält dieselben Zahlen.',
    'savings.none': 'Noch keine Kostenbuchungen.',
    'savings.formula': 'Einsparung = Ausgangskosten − Ist-Kosten + Erlöse, ohne stornierte Buchungen.',
    'savings.allPartners': 'Insgesamt',
    'col.partner': 'Partner',
    'col.baseline': 'Ausgangskosten',
    'col.actual': 'Ist-Kosten',
    'col.revenue': 'Erlöse',
    'col.savings': 'Einsparung',
    'col.year': 'Haushaltsjahr',
    'col.total': 'Insgesamt',
    'col.service': 'Leistung',
    'col.provider': 'Anbieter',
    'col.consumers': 'Abnehmer',
    'col.status': 'Status',
    'col.since': 'Seit',
    'col.until': 'Bis',
    'col.agreement': 'Vereinbarung',
    'col.role': 'Rolle',
    'col.kind': 'Art',
    'col.officialKey': 'Regionalschlüssel',
    'col.parent': 'Gehört zu',
    'col.party': 'Partei',
    'col.signed': 'Unterschrieben',
    'col.signatory': 'Unterzeichnet von',
    'col.signatoryRole': 'Funktion',
    'col.signedOn': 'Datum',
    'col.title': 'Titel',
    'col.validFrom': 'Gültig ab',
    'col.parties': 'Parteien',
    'col.delegations': 'Leistungen',
    'col.entry': 'Buchung',
    'col.amount': 'Betrag',
    'col.description': 'Beschreibung',
    'col.position': 'Pos.',
    'col.recordedAt': 'Aufgezeichnet',
    'col.event': 'Ereignis',
    'col.actor': 'Akteur',
    'col.correlation': 'Korrelations-ID',
    'col.details': 'Inhalt',
    'col.actions': 'Aktion',
    'partners.heading': 'Partner',
    'partners.none': 'Noch keine Partner registriert.',
    'partner.provided': 'Erbrachte Leistungen',
    'partner.received': 'Bezogene Leistungen',
    'partner.none': 'Keine.',
    'partner.summary': '{name} erbringt {provided} und bezieht {received} Leistungen: {running} laufend, {planned} geplant.',
    'partner.diagram': 'Wer liefert an wen',
    'partner.diagram.desc': 'Diagramm: Anbieter links, Leistungen in der Mitte, Abnehmer rechts. Die Tabellen oben enthalten dieselben Beziehungen.',
    'partner.diagram.none': 'Keine Leistungsbeziehungen.',
    'partner.savings': 'Einsparungen von {name}',
    'partner.savings.year': 'Haushaltsjahr {year}: {amount}',
    'partner.savings.chart.desc': 'Balkendiagramm: Einsparung je Leistung im Haushaltsjahr {year}. Die Tabelle darunter enthält dieselben Zahlen.',
    'partner.back': 'Alle Partner',
    'agreements.heading': 'Kooperationsvereinbarungen',
    'agreements.none': 'Noch keine Vereinbarungen.',
    'agreement.parties': 'Parteien und Unterschriften',
    'agreement.delegations': 'Leistungen',
    'agreement.timeline': 'Zeitleiste der Leistungen',
    'agreement.timeline.desc': 'Zeitleiste: je Leistung ein Balken vom Beginn bis zum Ende oder bis heute; geplante Leistungen ohne Beginn sind markiert. Die Tabelle oben enthält dieselben Daten.',
    'agreement.costEntries': 'Kostenbuchungen',
    'agreement.noEntries': 'Keine Kostenbuchungen.',
    'agreement.reversed': 'storniert: {reason}',
    'agreement.validity': 'Gültig ab {from}',
    'agreement.validUntil': 'bis {until}',
    'agreement.concluded': 'In Kraft seit {date}',
    'agreement.terminated': 'Beendet zum {date}: {reason}',
    'agreement.history': 'Historie dieser Vereinbarung prüfen',
    'agreement.subject': 'Gegenstand',
    'agreement.today': 'heute',
    'agreement.plannedNoStart': 'geplant, noch ohne Beginn',
    'audit.heading': 'Prüfung',
    'audit.choose': 'Wählen Sie eine Vereinbarung, um ihre vollständige Historie zu sehen.',
    'audit.history': 'Historie: {title}',
    'audit.intro': 'Jede Tatsache in der Reihenfolge ihres Datenstroms: wer sie wann aufgezeichnet hat und warum.',
    'audit.before': 'Stand davor',
    'audit.before.label': 'Stand davor: alle Ansichten, wie sie vor Ereignis {position} ({type}) aufgezeichnet waren',
    'audit.none': 'Keine Ereignisse.',
    'audit.events': '{count} Ereignisse',
    'yes': 'ja',
    'no': 'nein',
    'unknown': '–',
  },
  en: {
    'app.title': 'IKZ ledger',
    'app.subtitle': 'Inter-municipal IT cooperation',
    'skip': 'Skip to content',
    'lang.switch': 'Deutsch',
    'lang.switch.label': 'Auf Deutsch umschalten',
    'nav.label': 'Main navigation',
    'nav.savings': 'Savings',
    'nav.partners': 'Partners',
    'nav.agreements': 'Agreements',
    'nav.audit': 'Audit',
    'login.heading': 'Sign in',
    'login.intro': 'Sign in with your IKZ ledger account.',
    'login.username': 'User name',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.failed': 'User name or password is wrong.',
    'login.unreachable': 'The service cannot be reached.',
    'logout': 'Sign out',
    'loggedInAs': 'Signed in as {user}',
    'loggedOut': 'You are signed out.',
    'time.label': 'Point in time of the view',
    'time.asOf': 'As recorded at',
    'time.asOf.hint': 'Shows every view as it was recorded at this instant.',
    'time.on': 'Business date',
    'time.on.hint': 'Services and agreements on this business date.',
    'time.apply': 'Apply',
    'time.now': 'Current state',
    'time.banner': 'Historical view: as recorded at {asOf}. Live updates paused.',
    'time.bannerOn': 'Business date {on}.',
    'time.invalid': 'Please enter a valid point in time.',
    'live.connecting': 'Updates: connecting to the event stream …',
    'live.stream': 'Updates: live from the event stream',
    'live.polling': 'Updates: every 10 seconds',
    'live.pollingForbidden': 'Updates: every 10 seconds (your role may not read the event stream)',
    'live.paused': 'Updates: paused (historical view)',
    'live.event': 'New event: {type}. The view was updated.',
    'live.events': '{count} new events. The view was updated.',
    'live.updated': 'The view was updated.',
    'loading': 'Loading …',
    'loaded': '{view} loaded.',
    'error.forbidden': 'Your role may not read this view.',
    'error.notFound': 'Not found.',
    'error.generic': 'The request failed ({status}).',
    'error.session': 'Your sign-in is no longer valid. Please sign in again.',
    'savings.heading': 'Savings',
    'savings.year': 'Fiscal year',
    'savings.show': 'Show',
    'savings.total': 'Total savings {year}',
    'savings.totalAll': 'All fiscal years together',
    'savings.perPartner': 'Savings per partner in fiscal year {year}',
    'savings.perPartner.desc': 'Bar chart: savings per partner in fiscal year {year}. The table below holds the same figures.',
    'savings.trend': 'Trend across fiscal years',
    'savings.trend.desc': 'Line chart: total savings and savings per partner for each fiscal year. The table below holds the same figures.',
    'savings.none': 'No cost entries yet.',
    'savings.formula': 'Savings = baseline − actual + revenue, over entries not reversed.',
    'savings.allPartners': 'Total',
    'col.partner': 'Partner',
    'col.baseline': 'Baseline',
    'col.actual': 'Actual',
    'col.revenue': 'Revenue',
    'col.savings': 'Savings',
    'col.year': 'Fiscal year',
    'col.total': 'Total',
    'col.service': 'Service',
    'col.provider': 'Provider',
    'col.consumers': 'Consumers',
    'col.status': 'Status',
    'col.since': 'Since',
    'col.until': 'Until',
    'col.agreement': 'Agreement',
    'col.role': 'Role',
    'col.kind': 'Kind',
    'col.officialKey': 'Official key (ARS)',
    'col.parent': 'Belongs to',
    'col.party': 'Party',
    'col.signed': 'Signed',
    'col.signatory': 'Signed by',
    'col.signatoryRole': 'Role',
    'col.signedOn': 'Date',
    'col.title': 'Title',
    'col.validFrom': 'Valid from',
    'col.parties': 'Parties',
    'col.delegations': 'Services',
    'col.entry': 'Entry',
    'col.amount': 'Amount',
    'col.description': 'Description',
    'col.position': 'Pos.',
    'col.recordedAt': 'Recorded',
    'col.event': 'Event',
    'col.actor': 'Actor',
    'col.correlation': 'Correlation id',
    'col.details': 'Content',
    'col.actions': 'Action',
    'partners.heading': 'Partners',
    'partners.none': 'No partners registered yet.',
    'partner.provided': 'Services provided',
    'partner.received': 'Services received',
    'partner.none': 'None.',
    'partner.summary': '{name} provides {provided} and receives {received} services: {running} running, {planned} planned.',
    'partner.diagram': 'Who provides to whom',
    'partner.diagram.desc': 'Diagram: providers on the left, services in the middle, consumers on the right. The tables above hold the same relations.',
    'partner.diagram.none': 'No service relations.',
    'partner.savings': 'Savings of {name}',
    'partner.savings.year': 'Fiscal year {year}: {amount}',
    'partner.savings.chart.desc': 'Bar chart: savings per service in fiscal year {year}. The table below holds the same figures.',
    'partner.back': 'All partners',
    'agreements.heading': 'Cooperation agreements',
    'agreements.none': 'No agreements yet.',
    'agreement.parties': 'Parties and signatures',
    'agreement.delegations': 'Services',
    'agreement.timeline': 'Timeline of the services',
    'agreement.timeline.desc': 'Timeline: one bar per service from its start to its end or to today; planned services without a start are marked. The table above holds the same data.',
    'agreement.costEntries': 'Cost entries',
    'agreement.noEntries': 'No cost entries.',
    'agreement.reversed': 'reversed: {reason}',
    'agreement.validity': 'Valid from {from}',
    'agreement.validUntil': 'until {until}',
    'agreement.concluded': 'In force since {date}',
    'agreement.terminated': 'Terminated as of {date}: {reason}',
    'agreement.history': 'Audit the history of this agreement',
    'agreement.subject': 'Subject',
    'agreement.today': 'today',
    'agreement.plannedNoStart': 'planned, no start yet',
    'audit.heading': 'Audit',
    'audit.choose': 'Choose an agreement to see its complete history.',
    'audit.history': 'History: {title}',
    'audit.intro': 'Every fact in the order of its stream: who recorded it, when, and why.',
    'audit.before': 'State before',
    'audit.before.label': 'State before: every view as recorded before event {position} ({type})',
    'audit.none': 'No events.',
    'audit.events': '{count} events',
    'yes': 'yes',
    'no': 'no',
    'unknown': '–',
  },
};

const ENUMS = {
  de: {
    MUNICIPALITY: 'Kommune', DISTRICT: 'Landkreis', STATE: 'Land', ASSOCIATION: 'Verband',
    OPERATING_UNIT: 'Betriebseinheit',
    DRAFT: 'Entwurf', IN_FORCE: 'in Kraft', TERMINATED: 'beendet',
    PLANNED: 'geplant', ACTIVE: 'laufend', SUSPENDED: 'ausgesetzt', ENDED: 'beendet',
    BASELINE: 'Ausgangskosten', ACTUAL: 'Ist-Kosten', REVENUE: 'Erlöse',
    PROVIDER: 'Anbieter', CONSUMER: 'Abnehmer',
    PartnerRegistered: 'Partner registriert', PartnerRenamed: 'Partner umbenannt',
    AgreementDrafted: 'Vereinbarung entworfen', PartyAdmitted: 'Partei aufgenommen',
    AgreementSigned: 'Vereinbarung unterschrieben', AgreementConcluded: 'Vereinbarung in Kraft',
    AgreementAmended: 'Vereinbarung geändert', AgreementTerminated: 'Vereinbarung beendet',
    ServiceDelegated: 'Leistung übertragen', DelegationStarted: 'Leistung begonnen',
    DelegationSuspended: 'Leistung ausgesetzt', DelegationResumed: 'Leistung wieder aufgenommen',
    DelegationEnded: 'Leistung beendet', CostEntryRecorded: 'Kosten gebucht',
    CostEntryReversed: 'Buchung storniert',
  },
  en: {
    MUNICIPALITY: 'Municipality', DISTRICT: 'District', STATE: 'State', ASSOCIATION: 'Association',
    OPERATING_UNIT: 'Operating unit',
    DRAFT: 'draft', IN_FORCE: 'in force', TERMINATED: 'terminated',
    PLANNED: 'planned', ACTIVE: 'running', SUSPENDED: 'suspended', ENDED: 'ended',
    BASELINE: 'Baseline', ACTUAL: 'Actual', REVENUE: 'Revenue',
    PROVIDER: 'Provider', CONSUMER: 'Consumer',
    PartnerRegistered: 'Partner registered', PartnerRenamed: 'Partner renamed',
    AgreementDrafted: 'Agreement drafted', PartyAdmitted: 'Party admitted',
    AgreementSigned: 'Agreement signed', AgreementConcluded: 'Agreement in force',
    AgreementAmended: 'Agreement amended', AgreementTerminated: 'Agreement terminated',
    ServiceDelegated: 'Service delegated', DelegationStarted: 'Service started',
    DelegationSuspended: 'Service suspended', DelegationResumed: 'Service resumed',
    DelegationEnded: 'Service ended', CostEntryRecorded: 'Cost recorded',
    CostEntryReversed: 'Entry reversed',
  },
};

let current = 'de';
const listeners = new Set();

export function language() {
  return current;
}

export function locale() {
  return LOCALES[current];
}

export function setLanguage(lang) {
  if (!LOCALES[lang] || lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  listeners.forEach(listener => listener(lang));
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** The label for a key, with {name} placeholders filled in. */
export function t(key, values) {
  const text = MESSAGES[current][key] ?? MESSAGES.de[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) =>
    values && values[name] !== undefined ? String(values[name]) : match);
}

/** The label of an enumeration value or event type, or the value itself when unknown. */
export function label(value) {
  if (value === null || value === undefined) return t('unknown');
  return ENUMS[current][value] ?? String(value);
}

/** Translates every element with data-i18n (text) or data-i18n-* (attributes) below root. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach(el => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-aria-label]').forEach(el => {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  });
  root.querySelectorAll('[data-i18n-title]').forEach(el => {
    el.setAttribute('title', t(el.dataset.i18nTitle));
  });
}

const moneyFormats = new Map();

/**
 * A euro amount as the locale writes it. Amounts arrive as decimal strings ("15000.00") and are
 * handed to Intl as strings, which formats them as exact decimals: no arithmetic happens here.
 */
export function money(amount) {
  if (amount === null || amount === undefined || amount === '') return t('unknown');
  let format = moneyFormats.get(current);
  if (!format) {
    format = new Intl.NumberFormat(locale(), {style: 'currency', currency: 'EUR'});
    moneyFormats.set(current, format);
  }
  return format.format(String(amount));
}

/** A euro amount without cents for chart axes. */
export function moneyShort(value) {
  return new Intl.NumberFormat(locale(), {
    style: 'currency', currency: 'EUR', maximumFractionDigits: 0, notation: 'compact',
  }).format(value);
}

/** A business date ("2014-05-22") as the locale writes it; it has no time zone. */
export function date(isoDate) {
  if (!isoDate) return t('unknown');
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), {dateStyle: 'medium', timeZone: 'UTC'})
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** A recorded instant in the reader's time zone, to the millisecond. */
export function instant(iso) {
  if (!iso) return t('unknown');
  return new Intl.DateTimeFormat(locale(), {
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3,
  }).format(new Date(iso));
}

export function integer(n) {
  return new Intl.NumberFormat(locale()).format(n);
}
