/** The tray, its menu, dialogs and notifications in German; typed from English (en.ts). */
import { plural } from '../../agent/shared/i18n/catalogue.js';
import type { MainMessages } from './en.js';

type Level = 'none' | 'admin' | 'passwordless';
type Os = 'darwin' | 'win32' | 'linux';

const secureStore: Record<Os, string> = {
  win32: 'Die Windows-Anmeldeinformationsverwaltung',
  darwin: 'Ihr Schlüsselbund',
  linux: 'Ihr Schlüsselbund',
};

function duration(seconds: number): string {
  if (seconds < 60) return plural('de', seconds, { one: '# Sekunde', other: '# Sekunden' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return plural('de', minutes, { one: '# Minute', other: '# Minuten' });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return plural('de', h, { one: '# Stunde', other: '# Stunden' });
  return `${h} Std. ${m} Min.`;
}

function minutesLeft(remainingMs: number): string {
  if (remainingMs <= 0) return 'endet jetzt';
  const minutes = Math.ceil(remainingMs / 60_000);
  if (minutes < 60) return `noch ${minutes} Min.`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `noch ${h} Std.` : `noch ${h} Std. ${m} Min.`;
}

const level: Record<Level, string> = {
  none: 'Standardbenutzer',
  admin: 'Administrator',
  passwordless: 'sudo ohne Passwort',
};

// Each level its own noun ("Administratorrechte", never "Administrator-Rechte" glued from the
// label), in the cases the sentences need.
const rights: Record<Exclude<Level, 'none'>, string> = {
  admin: 'Administratorrechte',
  passwordless: 'Rechte für sudo ohne Passwort',
};
const rightsDative: Record<Exclude<Level, 'none'>, string> = {
  admin: 'Administratorrechten',
  passwordless: 'Rechten für sudo ohne Passwort',
};

export const de: MainMessages = {
  level: (l) => level[l],
  duration,
  minutesLeft,
  tray: {
    connecting: 'Verbindung zum Elevate-Dienst wird hergestellt…',
    agentDown: 'Der Elevate-Dienst läuft nicht',
    until: (level, time) => `${level} bis ${time}`,
    timeLeft: (level, left) => `${level} · ${left}`,
    pending: (level, length) => `Anfrage offen: ${level} für ${length}`,
    permanent: (level) => `${level} (dauerhaft)`,
    notElevated: 'Keine erhöhten Rechte',
    signingOutAt: (time) => `Windows meldet Sie um ${time} ab: Speichern Sie Ihre Arbeit`,
    tooltipClock: (level, clock) => `Elevate: ${level} · noch ${clock}`,
    tooltip: (status) => `Elevate: ${status}`,
    stopNow: 'Jetzt beenden',
    moreTime: 'Mehr Zeit anfragen',
    requestRights: 'Administratorrechte anfragen…',
    cancelRequest: 'Anfrage zurückziehen',
    showDetails: 'Details anzeigen…',
    logOut: 'Jetzt abmelden…',
    openAtLogin: 'Bei Anmeldung öffnen',
    quit: 'Elevate beenden',
  },
  dialog: {
    cancel: 'Abbrechen',
    stopNow: {
      message: 'Administratorrechte jetzt zurückgeben?',
      detail: 'Um sie wiederzubekommen, müssen Sie sie erneut anfragen.',
      confirm: 'Ja, jetzt beenden',
    },
    quit: {
      message: 'Elevate beenden, während Sie Administrator sind?',
      detail: (time) =>
        `Ihre Rechte enden trotzdem um ${time}, aber ohne Elevate sehen Sie keinen Countdown und erhalten vorher keine Warnungen.`,
      confirm: 'Beenden',
    },
    logOut: {
      message: 'Jetzt abmelden?',
      detail:
        'Windows übernimmt die Änderung Ihrer Rechte bei der nächsten Anmeldung. Speichern Sie vorher Ihre Arbeit.',
      confirm: 'Abmelden',
    },
  },
  notify: {
    ended: (level) => `${rights[level]} beendet`,
    endedBy: (who, reason) =>
      reason ? `${who} hat sie beendet: ${reason}` : `${who} hat sie beendet.`,
    logOutToFinish: 'Melden Sie sich ab und wieder an, damit sie ganz entfernt werden.',
    backToBefore: 'Ihr Konto ist wieder so wie vorher.',
    afterSession: 'Nach Ihrer Administratorsitzung',
    granted: (passwordless) =>
      passwordless
        ? 'Sie sind jetzt Administrator (ohne Passwort)'
        : 'Sie sind jetzt Administrator',
    grantedFor: (length) => `Für ${length}.`,
    logOutToApply: 'Melden Sie sich ab und wieder an, damit die neuen Rechte vollständig wirken.',
    moreTime: 'Mehr Zeit gewährt',
    added: (length, level) => `${length} zu Ihren ${rightsDative[level]} hinzugefügt.`,
    someAdmin: 'Ein Administrator',
    who: {
      you: 'Sie',
      admin: 'Ein Administrator',
      helpdesk: 'Ihr Helpdesk',
      elevate: 'Elevate',
      policy: 'Die Richtlinie Ihrer Organisation',
    },
    approvedTitle: 'Anfrage genehmigt',
    approved: (who, length, level) => `${who} hat ${length} ${rights[level]} genehmigt.`,
    note: (note) => `Notiz: ${note}`,
    deniedTitle: 'Anfrage abgelehnt',
    deniedSaid: (who, note) => `${who} schreibt: ${note}`,
    denied: (who) => `${who} hat Ihre Anfrage abgelehnt.`,
    cancelledTitle: 'Anfrage zurückgezogen',
    cancelled: 'Ihre Anfrage wurde zurückgezogen.',
    agentLostTitle: 'Elevate-Dienst angehalten',
    agentLost:
      'Bis er wieder läuft, lassen sich Ihre Rechte weder prüfen noch ändern; sie enden trotzdem pünktlich.',
    agentBackTitle: 'Der Elevate-Dienst läuft wieder',
    agentBack: 'Ihre Rechte werden wieder live angezeigt.',
    logoffTitle: (length) => `Windows meldet Sie in ${length} ab`,
    logoff: (hint) =>
      `Speichern Sie jetzt Ihre Arbeit: Windows meldet Sie ab, ${
        hint === 'grant'
          ? 'um Ihre neuen Administratorrechte anzuwenden'
          : 'um das Entfernen Ihrer Administratorrechte abzuschließen'
      }, und noch offene Apps werden ohne Speichern geschlossen.`,
    endsIn: (level, length) => `${rights[level]} enden in ${length}`,
    saveOrAsk: 'Speichern Sie Ihre Arbeit oder fragen Sie mehr Zeit an.',
    saveWork: 'Speichern Sie Ihre Arbeit; die Rechte enden von selbst.',
    requestMoreTime: 'Mehr Zeit anfragen',
    commands: (n) =>
      plural('de', n, { one: '# Befehl wurde', other: '# Befehle wurden' }) +
      ' mit sudo ausgeführt.',
    drift: (found, removed) =>
      plural('de', found, {
        one: '# Administratorrecht wurde',
        other: '# Administratorrechte wurden',
      }) +
      ' während der Sitzung hinzugefügt' +
      (removed > 0 ? `; ${removed} entfernt.` : ' und der IT gemeldet.'),
    rootProcesses: (found, ended) =>
      plural('de', found, { one: '# Root-Prozess lief', other: '# Root-Prozesse liefen' }) +
      ' noch' +
      (ended > 0 ? `; ${ended} beendet.` : '; der IT gemeldet.'),
  },
  agent: {
    versionMismatch: (app, agent) =>
      `Diese Elevate-App hat Version ${app}, der Hintergrunddienst von Elevate auf diesem Computer aber ${
        agent ? `Version ${agent}` : 'eine ältere Version'
      }: Bitten Sie Ihren IT-Support, beide aus demselben Release zu installieren.`,
    refused: (detail) =>
      `Der Hintergrunddienst von Elevate hat die Verbindung abgelehnt: ${detail}`,
    failed:
      'Bei der Verbindung mit dem Hintergrunddienst von Elevate ist etwas schiefgegangen: Versuchen Sie es noch einmal.',
  },
  appKey: {
    unavailable: (os) =>
      `${secureStore[os]} ist nicht verfügbar, daher kann Elevate Ihre Anfragen nicht signieren; wo Ihre Organisation signierte Anfragen verlangt, werden sie bis dahin abgelehnt.`,
    otherCopy: (user) =>
      `Der Hintergrunddienst von Elevate auf diesem Computer vertraut für ${user} einer anderen Elevate-Kopie, daher werden Ihre Anfragen abgelehnt. Bitten Sie die IT, „elevatectl unpair ${user}“ auszuführen, und starten Sie Elevate dann neu.`,
  },
  presence: {
    noTouchId:
      'Ihre Richtlinie verlangt, dass Sie sich mit Touch ID bestätigen, aber Touch ID ist auf diesem Mac nicht eingerichtet: Fügen Sie in Systemeinstellungen > Touch ID & Passwort einen Fingerabdruck hinzu oder bitten Sie einen Administrator um die Rechte.',
    prompt: 'Ihre Identität bestätigen, um Administratorrechte zu erhalten',
    notConfirmed:
      'Touch ID hat Ihre Identität nicht bestätigt, daher wurde nichts angefragt; versuchen Sie es noch einmal.',
  },
  logOut: {
    onlyWindows: 'Abmelden über Elevate gibt es nur unter Windows.',
    failed: (detail) =>
      `Windows hat Sie nicht abgemeldet: ${detail}. Speichern Sie Ihre Arbeit und melden Sie sich über das Startmenü ab.`,
  },
  desktopComment: 'Befristete Administratorrechte, die pünktlich enden',
  loginItem: {
    'not-installed':
      'Bei Anmeldung öffnen gehört zum Elevate-Installationsprogramm: Installieren Sie Elevate damit, um es zu nutzen.',
    'requires-approval':
      'Elevate braucht Ihre Zustimmung, um bei der Anmeldung zu starten: Schalten Sie es in Systemeinstellungen > Allgemein > Anmeldeobjekte ein.',
    'off-by-admin':
      'Ein Administrator hat Elevate beim Start dieses PCs ausgeschaltet: Bitten Sie ihn, es im Task-Manager unter Autostart-Apps wieder einzuschalten.',
    cannotChange: (detail) => `Bei Anmeldung öffnen lässt sich nicht ändern: ${detail}`,
  },
};
