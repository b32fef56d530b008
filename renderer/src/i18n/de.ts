/** The popover in German: every key of en.ts (a missing or extra one is a type error). */
import type { HostOs } from '../logic/host-os.js';
import type { PopoverMessages } from './en.js';
import { ACTOR_WORDS_DE } from '../../../agent/shared/actor-words.js';

const restart: Record<HostOs, string> = {
  win32: 'Starten Sie den Computer neu. Bleibt diese Meldung, wenden Sie sich an Ihren IT-Support.',
  darwin: 'Starten Sie Ihren Mac neu. Bleibt diese Meldung, wenden Sie sich an Ihren IT-Support.',
  linux:
    'Starten Sie den Computer neu. Bleibt diese Meldung, bitten Sie Ihren IT-Support, den Dienst elevate-agent zu prüfen.',
};

const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

export const de: PopoverMessages = {
  app: {
    connecting: 'Verbindung zu Elevate wird hergestellt…',
    failed:
      'Elevate konnte dieses Fenster nicht anzeigen. Schließen Sie es und öffnen Sie es erneut über das Elevate-Symbol.',
    needsAttention: 'Bitte beachten',
    requests: 'Anfragen',
    openAtLogin: 'Elevate bei der Anmeldung öffnen',
    outsideApp: 'Elevate: Diese Seite funktioniert nur in der Elevate-App.',
  },
  level: {
    name: { none: 'Standardbenutzer', admin: 'Administrator', passwordless: 'sudo ohne Passwort' },
    // Each its own noun: "Administratorrechte", never "Administrator-Rechte" glued from the label.
    rights: { admin: 'Administratorrechte', passwordless: 'Rechte für sudo ohne Passwort' },
    youAre: 'Sie sind',
    lastKnown: 'Zuletzt bekannt',
    permanent: 'Dauerhaft auf diesem Computer, nicht von Elevate verwaltet.',
  },
  time: {
    seconds: (n) => plural(n, 'Sekunde', 'Sekunden'),
    minutes: (n) => plural(n, 'Minute', 'Minuten'),
    hours: (n) => plural(n, 'Stunde', 'Stunden'),
    left: (spoken) => `noch ${spoken}`,
    timeLeft: 'Verbleibende Zeit',
    until: (clock) => `bis ${clock}`,
    endsIn: (countdown) => `Endet in ${countdown} – speichern Sie Ihre Arbeit`,
    lastKnownEnd: (clock) =>
      `Zuletzt bekanntes Ende: ${clock} (nicht bestätigt, solange der Hintergrunddienst von Elevate nicht läuft)`,
  },
  details: {
    source: {
      admin: 'Erteilt von',
      'self-serve': 'Selbstbedienung, von',
      approval: 'Genehmigt von',
    },
    reason: 'Begründung',
    noReason: 'Keine angegeben',
    extensionsLeft: 'Verbleibende Verlängerungen',
    endedBy: (rights, by, clock) => `Ihre ${rights} wurden um ${clock} von ${by} beendet.`,
    endedReason: (reason) => `Begründung: „${reason}“`,
  },
  // After "von", in the dative.
  who: ACTOR_WORDS_DE,
  stop: {
    button: 'Jetzt beenden',
    confirm: 'Ihre Administratorrechte jetzt zurückgeben?',
    yes: 'Ja, jetzt beenden',
    stopping: 'Wird beendet…',
    keep: 'Behalten',
  },
  logout: {
    grant: 'Melden Sie sich ab und wieder an, damit Ihre neuen Rechte vollständig wirken.',
    revoke: 'Melden Sie sich ab, um das Entfernen Ihrer Administratorrechte abzuschließen.',
    saveFirst: 'Speichern Sie zuerst Ihre Arbeit: Beim Abmelden werden Ihre Apps geschlossen.',
    button: 'Jetzt abmelden',
    busy: 'Abmeldung läuft…',
    forced: (clock, hint) =>
      `Windows meldet Sie um ${clock} ab, ${
        hint === 'grant'
          ? 'um Ihre neuen Administratorrechte anzuwenden'
          : 'um das Entfernen Ihrer Administratorrechte abzuschließen'
      }. Speichern Sie jetzt Ihre Arbeit.`,
    signingOutIn: (countdown) => `Abmeldung in ${countdown}`,
    signingOutNow: 'Sie werden jetzt abgemeldet…',
  },
  history: {
    title: 'Letzte Sitzungen',
    by: (name) => `von ${name}`,
    activeWhenLastSeen: 'Zuletzt aktiv gesehen',
    end: {
      active: 'Jetzt aktiv',
      released: 'Vorzeitig beendet',
      expired: 'Planmäßig beendet',
      revoked: 'Von einem Administrator beendet',
      unknown: 'Beendet',
    },
  },
  announce: {
    agentDown: 'Der Hintergrunddienst von Elevate läuft nicht. Ihr Status ist vielleicht veraltet.',
    reconnected: 'Wieder mit Elevate verbunden.',
    ended: 'Ihre Administratorrechte sind abgelaufen.',
    nowLevel: (level) => `Sie sind jetzt: ${level}.`,
    extended: 'Ihre Rechte wurden verlängert.',
    pending: (duration) => `Anfrage für ${duration} gesendet; sie wartet auf einen Administrator.`,
    approved: 'Ihre Anfrage wurde genehmigt.',
    denied: 'Ihre Anfrage wurde abgelehnt.',
    deniedWithNote: (note) => `Ihre Anfrage wurde abgelehnt: ${note}`,
    cancelled: 'Ihre Anfrage wurde zurückgezogen.',
    warning: (spoken) => `Ihre Administratorrechte enden in ${spoken}.`,
  },
  status: {
    more: (duration) => `${duration} mehr`,
    levelFor: (level, duration) => `${level} für ${duration}`,
    by: (name) => ` von ${name}`,
    pending: 'Anfrage offen:',
    waiting: 'Sie wartet auf einen Administrator.',
    cancel: 'Anfrage zurückziehen',
    cancelling: 'Wird zurückgezogen…',
    approved: (by) => `Anfrage genehmigt${by}:`,
    denied: (by) => `Anfrage abgelehnt${by}:`,
    note: (note) => `Notiz: „${note}“`,
    cancelled: (what, when) => `Anfrage zurückgezogen (${what}, ${when}).`,
  },
  code: {
    label: 'Genehmigung per Telefon',
    call: 'Rufen Sie Ihren Helpdesk an und lesen Sie diesen Code vor:',
    spoken: (spelled) => `Anfragecode ${spelled}`,
    computer: (id) => `Dieser Computer: ${id}`,
    field: 'Genehmigungscode, den der Helpdesk vorliest',
    help: 'Buchstaben und Ziffern; Bindestriche und Leerzeichen werden ignoriert.',
    length: 'Ein Genehmigungscode hat 10 Zeichen, etwa ABCDE-FGHJK.',
    characters: 'Verwenden Sie nur die Buchstaben und Ziffern, die der Helpdesk vorliest.',
    typo: 'Der Code enthält einen Tippfehler: Lesen Sie ihn dem Helpdesk vor und prüfen Sie jedes Zeichen.',
    approve: 'Mit Code genehmigen',
    checking: 'Wird geprüft…',
  },
  form: {
    level: 'Stufe',
    add: 'Hinzufügen',
    for: 'Für',
    reason: 'Begründung',
    reasonOptional: 'Begründung (optional)',
    atLeast: (n) => `Mindestens ${n} Zeichen.`,
    helps: 'Hilft Ihrem Administrator.',
    counted: (n, max) => `${n} von höchstens ${max} Zeichen`,
    cancel: 'Abbrechen',
    tooLong: (over, max) => `Die Begründung ist ${over} Zeichen zu lang (höchstens ${max}).`,
    say: 'Bitte geben Sie an, wofür Sie die Rechte brauchen.',
    more: (min, more) => `Bitte schreiben Sie mindestens ${min} Zeichen (noch ${more}).`,
    noTimeLeft: (more) => `Keine Administratorzeit mehr innerhalb Ihrer Richtlinie${more}.`,
    timeLeft: (left, more) => `Verbleibende Administratorzeit laut Richtlinie: ${left}${more}.`,
    moreFrom: (clock) => `; wieder ab ${clock}`,
    notAllowed: 'Ihre Organisation erlaubt keine Anfragen von diesem Computer.',
    noDurations: 'Ihre Richtlinie nennt keine Dauer, die Sie anfragen können.',
    noExtensions: 'Sie haben alle Verlängerungen dieser Sitzung genutzt.',
    allLevels: 'Sie haben bereits jede Stufe, die Ihre Richtlinie anbietet.',
  },
  agentDown: {
    notRunningTitle: 'Der Hintergrunddienst von Elevate läuft nicht',
    notInstalledTitle: 'Elevate ist nicht vollständig installiert',
    otherTitle: 'Elevate erreicht seinen Hintergrunddienst nicht',
    blocked: 'Ihre Rechte können erst wieder angezeigt oder geändert werden, wenn er zurück ist.',
    missing: 'Der Hintergrunddienst, der Ihnen Rechte gibt, fehlt auf diesem Computer.',
    nextStep: (os) => restart[os],
    install: (os) =>
      os === 'linux'
        ? 'Bitten Sie Ihren IT-Support, das Paket elevate-agent zu installieren.'
        : 'Bitten Sie Ihren IT-Support, Elevate neu zu installieren.',
    reconnecting: 'Neuer Verbindungsversuch…',
  },
  secureStore: {
    title: (os) =>
      ({
        win32: 'Die Windows-Anmeldeinformationsverwaltung ist nicht verfügbar',
        darwin: 'Ihr Schlüsselbund ist nicht verfügbar',
        linux: 'Ihr Schlüsselbund ist nicht verfügbar',
      })[os],
    body: 'Elevate bewahrt dort den Nachweis auf, dass Anfragen von Ihnen kommen; bis er wieder erreichbar ist, werden Ihre Anfragen abgelehnt. Ihren Status sehen und Ihre Rechte beenden können Sie weiterhin.',
    nextStep: (os) => restart[os],
  },
  request: {
    openElevate: 'Administratorrechte anfragen',
    openExtend: 'Mehr Zeit anfragen',
    titleElevate: 'Administratorrechte anfragen',
    titleExtend: 'Mehr Zeit anfragen',
    changedToExtend: (rights) =>
      `Sie haben jetzt ${rights}; dieses Formular fragt daher nach mehr Zeit. Ihre Begründung bleibt erhalten.`,
    changedToElevate:
      'Ihre Rechte sind abgelaufen; dieses Formular fragt daher nach neuen Rechten. Ihre Begründung bleibt erhalten.',
    send: 'Anfrage senden',
    sending: 'Wird gesendet…',
    getNow: (level) =>
      level === 'admin'
        ? 'Administratorrechte jetzt erhalten'
        : 'sudo ohne Passwort jetzt erhalten',
    addNow: (duration) => `${duration} jetzt hinzufügen`,
    getting: 'Ihre Rechte werden erteilt…',
    approvalNeeded: 'Eine Administratorin oder ein Administrator muss diese Anfrage genehmigen.',
    selfServe: 'Sie erhalten die Rechte, sobald Sie bestätigen; niemand muss sie genehmigen.',
  },
  usage: {
    commands: (n) => `${n} ${n === 1 ? 'Befehl' : 'Befehle'} mit sudo ausgeführt`,
    used: 'Genutzt',
    notListed: (n) => `${n} weitere nicht aufgeführt (älter als der hier gespeicherte Verlauf).`,
  },
};
