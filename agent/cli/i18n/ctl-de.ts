/** What `elevatectl` tells an admin, in German; typed from English (ctl-en.ts). */
import { policyDe } from '../../i18n/policy-de.js';
import type { CliMessages } from './en.js';

export const ctlDe: CliMessages['ctl'] = {
  // German capitalises nouns: "LETZTE ANFRAGE" → "Letzte Anfrage", "NOTIZ DES ADMINS" → "Notiz des Admins".
  fieldLabel: (header) =>
    header.length <= 2
      ? header
      : header
          .toLowerCase()
          .replace(
            /(^|\s)(?!(?:des|der|die|das)\b)(\p{L})/gu,
            (_, sp: string, c: string) => sp + c.toUpperCase(),
          ),
  outcome: {
    granted: (user, level, until, left) => `${user}: ${level} bis ${until} (${left}).`,
    none: (user, level) => `${user}: keine befristeten Rechte (${level}).`,
    revoked: (outcome) => `Entzogen: ${outcome}`,
    approved: (id, outcome) => `${id} genehmigt: ${outcome}`,
    denied: (id, user) => `${id} von ${user} abgelehnt.`,
    unknownUser: (user) => `Der Elevate-Dienst kennt ${user} nicht.`,
  },
  status: {
    columns: {
      user: 'BENUTZER',
      level: 'STUFE',
      permanent: 'DAUERHAFT',
      timeLeft: 'RESTZEIT',
      expires: 'ENDET',
      source: 'QUELLE',
      reason: 'GRUND',
      latestRequest: 'LETZTE ANFRAGE',
    },
    empty: 'Kein Benutzer hat befristete Rechte oder eine neuere Anfrage.',
    source: (s) =>
      ({ admin: 'Administrator', 'self-serve': 'Selbstbedienung', approval: 'Genehmigung' })[s],
    restoreFailures: 'Das Betriebssystem hat das vollständige Entfernen dieser Rechte verweigert:',
    forwarding: 'Audit-Weiterleitung:',
    appKeys: 'App-Schlüssel:',
  },
  forwarders: {
    columns: {
      sink: 'ZIEL',
      type: 'TYP',
      pending: 'AUSSTEHEND',
      delivered: 'ZUGESTELLT',
      dropped: 'VERWORFEN',
      lastDelivered: 'LETZTE ZUSTELLUNG',
      lastError: 'LETZTER FEHLER',
    },
  },
  requests: {
    columns: {
      id: 'ID',
      user: 'BENUTZER',
      kind: 'ART',
      level: 'STUFE',
      duration: 'DAUER',
      state: 'ZUSTAND',
      created: 'ERSTELLT',
      reason: 'GRUND',
      note: 'NOTIZ DES ADMINS',
    },
    kind: (k) => ({ elevate: 'Rechte', extend: 'Verlängerung' })[k],
    noneWaiting: 'Keine Anfragen warten auf Genehmigung.',
    none: 'Keine Anfragen.',
    notAnId: (id) =>
      `"${id}" ist keine Anfrage-ID (approve und deny erwarten die ID, keinen Benutzernamen).`,
    listIds: (program) => `Die wartenden Anfragen und ihre IDs listet '${program} requests'.`,
  },
  audit: {
    columns: {
      at: 'ZEIT',
      type: 'TYP',
      user: 'BENUTZER',
      level: 'STUFE',
      actor: 'AKTEUR',
      details: 'DETAILS',
    },
    note: 'Admin-Notiz',
    reason: 'Grund',
    none: 'Keine Ereignisse.',
    olderLeftOut: (next) =>
      `Ältere Ereignisse wurden weggelassen; Sie sehen sie mit --before ${next}.`,
    agentGone:
      'Der Elevate-Dienst ist nicht mehr erreichbar; es können keine weiteren Ereignisse gezeigt werden.',
  },
  pairing: {
    columns: {
      user: 'BENUTZER',
      key: 'SCHLÜSSEL',
      fingerprint: 'FINGERABDRUCK',
      asked: 'ANGEFRAGT',
      program: 'PROGRAMM',
    },
    paired: 'gekoppelt',
    waiting: 'wartet',
    unknown: 'unbekannt',
    pid: (pid) => `PID ${pid}`,
    none: 'Es sind keine App-Schlüssel gekoppelt oder wartend.',
    approved: (user, fingerprint) => `Der App-Schlüssel ${fingerprint} von ${user} ist gekoppelt.`,
    unpaired: (user) =>
      `Der App-Schlüssel von ${user} ist entfernt; der nächsten Elevate-App, die sich für ${user} koppelt, wird vertraut.`,
  },
  policy: {
    /** What the policy's readers say (agent/i18n/policy-de.ts), shared with the agent's log. */
    problems: policyDe,
    valid: (file, rules) =>
      `${file}: gültige Richtlinie (${rules} ${rules === 1 ? 'Regel' : 'Regeln'}).`,
    notProfile: (why) =>
      `kein unsigniertes XML-Profil (${why}); prüfen Sie das Profil, bevor Sie es signieren.`,
    noSettings: 'das Profil enthält keine Einstellungen für com.elevate.agent.',
  },
  code: {
    requestLength:
      'Ein Anfragecode hat 8 Zeichen, etwa K7QF-2M9X: Bitten Sie die Person, ihn noch einmal vorzulesen.',
    requestTypo:
      'Dieser Anfragecode enthält einen Tippfehler (das letzte Zeichen passt nicht): Bitten Sie die Person, ihn noch einmal vorzulesen.',
    minutes: (max) => `Ein Freigabecode trägt ganze Minuten, von 1m bis ${max}m (8h31m).`,
    levelMismatch: (asked, level) =>
      `Der Anfragecode fragt ${asked} an; ein Code für ${level} würde abgelehnt. Bitten Sie die Person, ${level} anzufragen, oder lassen Sie --level weg.`,
    approval: (user, device, passwordless, length) =>
      `Freigabe für ${user} auf ${device}: ${passwordless ? 'sudo ohne Passwort' : 'Administrator'} für ${length}.`,
    readIt: 'Lesen Sie der Person diesen Code vor; er gilt einmal und nur für kurze Zeit:',
  },
};
