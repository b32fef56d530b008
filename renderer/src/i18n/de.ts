/** The popover in German: every key of en.ts (a missing or extra one is a type error). */
import type { HostOs } from '../logic/host-os.js';
import type { PopoverMessages } from './en.js';

const restart: Record<HostOs, string> = {
  win32: 'Starten Sie den Computer neu. Bleibt diese Meldung, wenden Sie sich an Ihren IT-Support.',
  darwin: 'Starten Sie Ihren Mac neu. Bleibt diese Meldung, wenden Sie sich an Ihren IT-Support.',
  linux:
    'Starten Sie den Computer neu. Bleibt diese Meldung, bitten Sie Ihren IT-Support, den Dienst elevate-agent zu prüfen.',
};

export const de: PopoverMessages = {
  agentDown: {
    connecting: 'Verbindung zu Elevate wird hergestellt…',
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
    changedToExtend: (level) =>
      `Sie sind jetzt ${level}; dieses Formular fragt daher nach mehr Zeit. Ihre Begründung bleibt erhalten.`,
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
