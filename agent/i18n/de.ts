/** The agent's error messages in German; typed from English (en.ts). */
import { de as zodDe } from 'zod/v4/locales';
import type { AgentMessages, CapRefusal } from './en.js';
import { policyDe } from './policy-de.js';
import { zodSays } from './zod-issue.js';

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

const codeLevel: Record<GrantLevel, string> = {
  admin: 'Administratorrechte',
  passwordless: 'sudo ohne Passwort',
};
const tries = (n: number) => `${n} ${n === 1 ? 'Versuch' : 'Versuche'} übrig`;
const minutes = (sec: number) => {
  const m = Math.floor(sec / 60);
  return m >= 1 ? `${m} ${m === 1 ? 'Minute' : 'Minuten'}` : `${sec} Sekunden`;
};

function capRefused(c: CapRefusal): string {
  const whose = c.forUser === null ? 'Ihre Richtlinie' : `Die Richtlinie von ${c.forUser}`;
  const left =
    c.leftSec === 0
      ? 'keine weitere Administratorzeit'
      : `nur noch ${minutes(c.leftSec)} Administratorzeit`;
  const when = c.at ? `; weitere Zeit gibt es ab ${c.at}` : '';
  const next =
    c.forUser === null
      ? 'Fragen Sie weniger Zeit an oder versuchen Sie es dann erneut.'
      : 'Genehmigen oder vergeben Sie weniger Zeit (--for), oder geben Sie --over-cap an, um darüber hinaus zu genehmigen oder zu vergeben.';
  return `${whose} erlaubt jetzt ${left} (angefragt: ${minutes(c.askedSec)})${when}. ${next}`;
}

export const de: AgentMessages = {
  authFailed: 'Anmeldung fehlgeschlagen: Der Nachweis oder der Benutzer ist ungültig.',
  authenticateFirst: 'Melden Sie sich zuerst mit auth.hello und auth.prove an.',
  alreadyAuthenticated: 'Diese Verbindung ist bereits angemeldet.',
  tooManyHellos: 'Zu viele auth.hello-Aufrufe auf einer Verbindung; öffnen Sie eine neue.',
  diskFull:
    'Der Dienst konnte die Änderung nicht speichern, weil der Datenträger voll ist; nichts wurde geändert.',
  internal: 'Im Dienst ist ein interner Fehler aufgetreten; nichts wurde geändert.',
  adminOnly:
    'Nur ein Administrator kann das tun: als root ausführen, unter Windows als SYSTEM oder dauerhafter Administrator (Rechte von Elevate zählen nicht).',
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
  code: {
    noRequest:
      'Sie haben keine Anfrage, die auf Genehmigung wartet: Fragen Sie zuerst Rechte an und lesen Sie dann dem Helpdesk den Anfragecode vor.',
    tooOld:
      'Diese Anfrage stammt aus der Zeit, bevor Freigabecodes eingeschaltet wurden: Ziehen Sie sie zurück und fragen Sie erneut an, um einen Anfragecode zu erhalten.',
    tooManyToday: (at) =>
      `Zu viele falsche Freigabecodes an einem Tag: Codes funktionieren für Sie wieder nach ${at}; bis dahin kann ein Administrator Ihre Anfrage genehmigen.`,
    lastTry:
      'Dieser Freigabecode ist falsch, und es war der letzte Versuch, daher wurde Ihre Anfrage zurückgezogen: Stellen Sie eine neue Anfrage und rufen Sie den Helpdesk erneut an.',
    off: 'Freigabecodes sind auf diesem Computer nicht eingeschaltet: Warten Sie, bis ein Administrator Ihre Anfrage genehmigt.',
    noMachineId:
      'Freigabecodes funktionieren hier nicht, weil dieser Computer keine Maschinen-ID hat: Warten Sie, bis ein Administrator Ihre Anfrage genehmigt.',
    badKey:
      'Freigabecodes sind auf diesem Computer nicht richtig eingerichtet (die Schlüsseldatei ist unbrauchbar): Bitten Sie den Helpdesk, den Freigabecode-Schlüssel von Elevate zu prüfen.',
    typo: (left) =>
      `Dieser Freigabecode enthält einen Tippfehler (das letzte Zeichen passt nicht): Lesen Sie ihn dem Helpdesk vor und geben Sie ihn erneut ein; ${tries(left)}.`,
    length: (left) =>
      `Ein Freigabecode hat 10 Zeichen, etwa ABCDE-FGHJK: Prüfen Sie ihn und geben Sie ihn erneut ein; ${tries(left)}.`,
    mismatch: (left) =>
      `Dieser Freigabecode gilt nicht für diese Anfrage, diese Person oder diesen Computer: Prüfen Sie den vorgelesenen Anfragecode und die Geräte-ID und fragen Sie den Helpdesk erneut; ${tries(left)}.`,
    level: (forLevel, asked) =>
      `Dieser Freigabecode gilt für ${codeLevel[forLevel]}, Sie haben aber ${codeLevel[asked]} angefragt: Bitten Sie den Helpdesk um einen Code für Ihre Anfrage.`,
    expired: (minutes) =>
      `Dieser Freigabecode ist abgelaufen (Codes gelten ${minutes} Minuten ab ihrer Erstellung): Bitten Sie den Helpdesk um einen neuen.`,
    future:
      'Dieser Freigabecode wurde für eine Zeit nach der Uhr dieses Computers erstellt: Prüfen Sie Datum und Uhrzeit hier und bitten Sie den Helpdesk dann um einen neuen Code.',
  },
  protocol: {
    notJson: 'Die Anfrage ist kein gültiges JSON.',
    batch: 'Sammelanfragen (Batch) werden nicht unterstützt.',
    notJsonRpc: 'Die Anfrage ist keine gültige JSON-RPC-2.0-Anfrage.',
    lineTooLong: 'Die Anfragezeile ist länger als 65.536 Bytes.',
    noMethod: (name) => `Es gibt keine Methode namens ${name}.`,
    paramsNotObject: 'params muss ein Objekt sein.',
    paramsInvalid: 'Die Parameter sind ungültig.',
    unknownParams: (keys) => `${keys} ist kein bekannter Parameter.`,
    fieldInvalid: (field, why) => `${field} ist ungültig: ${why}.`,
    paramIssue: zodSays(zodDe()),
  },
  quota: {
    agentBusy: 'Der Dienst bedient zu viele Verbindungen; versuchen Sie es gleich noch einmal.',
    tooManyOpen:
      'Ihr Konto hat zu viele Verbindungen zum Dienst geöffnet; schließen Sie einige und versuchen Sie es erneut.',
    tooManyWaiting:
      'Ihr Konto hat zu viele Verbindungen, die auf die Anmeldung warten; versuchen Sie es in einigen Sekunden erneut.',
  },
  capRefused,
  presence: {
    notAuthorized:
      'Ihre Identität konnte nicht bestätigt werden, daher wurden keine Rechte vergeben; fragen Sie erneut an und geben Sie Ihr eigenes Passwort ein.',
    noAgent:
      'Es konnte kein Passwortdialog angezeigt werden, um zu bestätigen, dass Sie es sind; fragen Sie aus Ihrer Desktop-Sitzung an oder führen Sie über SSH den elevate-Befehl in einem Terminal aus.',
    dismissed:
      'Der Passwortdialog wurde geschlossen, daher wurden keine Rechte vergeben; fragen Sie erneut an, um es noch einmal zu versuchen.',
    error:
      'Der Computer konnte Ihre Identität nicht prüfen (polkit ist nicht verfügbar); wenden Sie sich an Ihren Administrator.',
    windows:
      'Ihre Richtlinie verlangt, dass Sie bestätigen, dass Sie es sind; das kann Elevate unter Windows noch nicht; wenden Sie sich an Ihren Administrator.',
    touchIdFirst:
      'Bestätigen Sie in der Elevate-App mit Touch ID, dass Sie es sind, und fragen Sie dann erneut an.',
    biometric:
      'Ihre Richtlinie verlangt Touch ID; bestätigen Sie mit Ihrem Fingerabdruck und fragen Sie dann erneut an.',
  },
  recorded: {
    loggedOut: 'Die Person hat sich abgemeldet (Richtlinie revokeAt: logout).',
    screenLocked: 'Der Bildschirm wurde gesperrt (Richtlinie revokeAt: lock).',
    restarted: 'Der Computer wurde neu gestartet (Richtlinie revokeAt: reboot).',
    replacedByAdmin: 'ersetzt durch eine neue Vergabe als Administrator',
    replacedByPasswordless: 'ersetzt durch eine neue Vergabe von sudo ohne Passwort',
    extendedEnded: 'Die Rechte, die sie verlängern würde, sind beendet.',
    tooManyCodes:
      'Zu viele falsche Freigabecodes: Stellen Sie eine neue Anfrage und rufen Sie den Helpdesk erneut an.',
    hookUnopened: (code) => `Der onChange-Hook konnte nicht geöffnet werden (${code}).`,
    hookHashMismatch:
      'Der onChange-Hook wurde nicht ausgeführt: Seine SHA-256-Prüfsumme passt nicht zur Richtlinie.',
    hookUnstarted: (why) => `Der onChange-Hook konnte nicht starten (${why}).`,
    hookTimedOut: (sec) => `Der onChange-Hook lief länger als ${sec} s und wurde beendet.`,
    hookFailed: (exit) => `Der onChange-Hook ist fehlgeschlagen (Exit-Code ${exit}).`,
  },
  os: {
    notGiven: (level, user, detail) =>
      `Rechte als ${levelName[level]} konnten ${user} nicht gegeben werden: ${detail}.`,
    notRemoved: (user, detail) =>
      `Die Rechte von ${user} konnten nicht vollständig entfernt werden (wird jede Sekunde erneut versucht): ${detail}.`,
    notRead: (user, detail) =>
      `Die aktuellen Rechte von ${user} konnten nicht gelesen werden: ${detail}.`,
  },
  linux: {
    sudoersUnreadable: (path, code) =>
      `Die sudoers-Datei ${path} kann nicht gelesen werden (${code}).`,
    sudoersUnwritable: (path, code) =>
      `Die sudoers-Datei ${path} kann nicht geschrieben werden (${code}).`,
    visudoRefused: (path, why) => `visudo hat die sudoers-Datei ${path} abgelehnt: ${why}.`,
    sudoersUnreplaceable: (path, code) =>
      `Die sudoers-Datei ${path} kann nicht ersetzt werden (${code}).`,
    sudoersUnremovable: (path, code) =>
      `Die sudoers-Datei ${path} kann nicht entfernt werden (${code}).`,
    badUserName: (name) => `'${name}' ist kein gültiger Benutzername für eine sudoers-Regel.`,
    aliasLikeName: (user) =>
      `Der Benutzername '${user}' liest sich wie ein sudoers-Alias, daher kann Elevate keine Regel für ihn schreiben.`,
    groupFileUnreadable: (path, code) =>
      `Die Gruppendatei ${path} kann nicht gelesen werden (${code}).`,
    noSuchAdminGroup: (group, path) =>
      `Die in der Richtlinie festgelegte Administratorgruppe '${group}' gibt es in ${path} nicht.`,
    noAdminGroup: (path) =>
      `${path} hat weder eine Gruppe 'sudo' noch 'wheel'; legen Sie adminGroup in der Richtlinie fest.`,
    groupFileLocked: (path, pid) =>
      `${path} ist von Prozess ${pid} gesperrt (${path}.lock); der Dienst versucht es erneut.`,
    groupFileUnlockable: (path) =>
      `${path} konnte nicht gesperrt werden; der Dienst versucht es erneut.`,
  },
  policy: policyDe,
  pair: {
    badKey: 'publicKey ist kein öffentlicher Ed25519-Schlüssel (base64 SPKI DER).',
    samePaired: 'Dieser App-Schlüssel ist bereits gekoppelt.',
    otherPaired:
      'Für Sie ist bereits ein anderer App-Schlüssel gekoppelt; ein Administrator muss zuerst elevatectl unpair ausführen.',
    userHasKey: (user) =>
      `${user} hat bereits einen gekoppelten App-Schlüssel; führen Sie zuerst elevatectl unpair ${user} aus, um ihn zu ersetzen.`,
    noneWaiting: (fingerprint, user) =>
      `Für ${user} wartet kein App-Schlüssel mit dem Fingerabdruck ${fingerprint}; siehe elevatectl pair list.`,
  },
};
