/** The agent's error messages in German; typed from English (en.ts). */
import type { AgentMessages } from './en.js';

type GrantLevel = 'admin' | 'passwordless';

const levelName: Record<GrantLevel, string> = {
  admin: 'Administrator',
  passwordless: 'sudo ohne Passwort',
};
const stateName = {
  approved: 'genehmigt',
  denied: 'abgelehnt',
  cancelled: 'zurückgezogen',
  pending: 'offen',
};

export const de: AgentMessages = {
  authFailed: 'Anmeldung fehlgeschlagen: Der Nachweis oder der Benutzer ist ungültig.',
  authenticateFirst: 'Melden Sie sich zuerst mit auth.hello und auth.prove an.',
  alreadyAuthenticated: 'Diese Verbindung ist bereits angemeldet.',
  tooManyHellos: 'Zu viele auth.hello-Aufrufe auf einer Verbindung; öffnen Sie eine neue.',
  diskFull:
    'Der Dienst konnte die Änderung nicht speichern, weil der Datenträger voll ist; nichts wurde geändert.',
  internal: 'Im Dienst ist ein interner Fehler aufgetreten; nichts wurde geändert.',
  adminOnly: 'Nur ein Administrator (root) kann das tun.',
  nothingToRelease: 'Sie haben keine aktiven Administratorrechte, die Sie zurückgeben könnten.',
  stillEnding: (user) =>
    `Das Beenden der aktuellen Rechte von ${user} wird noch wiederholt (siehe elevatectl status ${user}); versuchen Sie es danach erneut.`,
  notRecorded: (why) =>
    `Der Dienst konnte die Änderung nicht protokollieren (${why}), daher wurde nichts geändert.`,
  diskIsFull: 'der Datenträger ist voll',
  noSuchUser: (user) => `Auf diesem Computer gibt es keinen Benutzer namens ${user}.`,
  hasPermanently: (user, level) => `${user} hat bereits dauerhaft Rechte (${levelName[level]}).`,
  nothingToExtendFor: (user) => `${user} hat keine aktiven Administratorrechte zum Verlängern.`,
  beingRemoved:
    'Elevate wird von diesem Computer entfernt und vergibt daher keine neuen Rechte; wenden Sie sich an Ihre IT, wenn Sie sie noch brauchen.',
  nothingToEndFor: (user) => `${user} hat keine befristeten Rechte, die enden könnten.`,
  noPendingWithId: 'Es gibt keine offene Anfrage mit dieser ID.',
  extendedRightsEnded: 'Die Rechte, die diese Anfrage verlängern würde, sind bereits beendet.',
  noRequest: (id) => `Es gibt keine Anfrage mit der ID ${id}.`,
  requestAlready: (id, state) => `Anfrage ${id} ist bereits ${stateName[state]}.`,
  mustComeFromApp: 'Diese Anfrage muss aus der Elevate-App kommen.',
  requestsNotAllowed: 'Ihre Richtlinie erlaubt keine Anfragen nach Administratorrechten.',
  nothingToExtend: 'Sie haben keine aktiven Administratorrechte zum Verlängern.',
  levelNotAllowed: (level) => `Ihre Richtlinie erlaubt keine Rechte als ${levelName[level]}.`,
  alreadyWaiting: 'Sie haben bereits eine Anfrage, die auf Genehmigung wartet.',
  youHavePermanently: (level) => `Sie haben bereits dauerhaft Rechte (${levelName[level]}).`,
  alreadyHaveThese: 'Sie haben diese Rechte bereits; fragen Sie stattdessen mehr Zeit an.',
  extensionsUsed: (max) =>
    `Sie haben alle ${max} Verlängerungen genutzt, die Ihre Richtlinie erlaubt.`,
  tooManyRequests: (perHour) => `Zu viele Anfragen: Ihre Richtlinie erlaubt ${perHour} pro Stunde.`,
  tooLong: (minutes) => `Ihre Richtlinie erlaubt höchstens ${minutes} Minuten am Stück.`,
  reasonPreset: (choices) => `Der Grund muss eine der Vorgaben Ihrer Richtlinie sein: ${choices}.`,
  reasonTooLong: (max) => `Der Grund darf höchstens ${max} Zeichen lang sein.`,
  reasonTooShort: (min) =>
    `Der Grund muss mindestens ${min} Zeichen lang sein: Sagen Sie, wofür Sie die Rechte brauchen.`,
};
