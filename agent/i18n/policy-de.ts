/** What the readers of a policy say about it, in German; typed from English (policy-en.ts). */
import { de as zodDe } from 'zod/v4/locales';
import type { PolicyMessages } from './policy-en.js';
import { zodSays } from './zod-issue.js';

export const policyDe: PolicyMessages = {
  issue: zodSays(zodDe()),
  check: {
    groupName:
      'muss ein Gruppenname sein: Buchstaben, Ziffern, "_" oder "-", beginnend mit einem Buchstaben oder "_" (z. B. "sudo")',
    distinct: 'darf keinen Wert wiederholen: Nennen Sie jeden nur einmal',
    presetsNeeded:
      'braucht eine nicht leere Liste reasonPresets: Tragen Sie die wählbaren Gründe ein oder setzen Sie reasonPresetsOnly auf false',
    absolutePath:
      'muss ein absoluter Pfad sein: Geben Sie den ganzen Pfad an, ab "/" (oder einem Windows-Laufwerk)',
    sha256: 'muss aus 64 Hexziffern bestehen: der SHA-256 der Datei, wie sha256sum ihn ausgibt',
    eventFilter: (types) => `muss "*", "PRÄFIX.*" oder ein Audit-Ereignistyp sein (${types})`,
    httpsUrl: 'muss eine https://-URL sein (http:// nur für 127.0.0.1 oder localhost)',
    oneLine: 'darf keine Zeilenumbrüche enthalten: Schreiben Sie den Wert in eine Zeile',
    sinkName:
      'muss aus 1-64 Buchstaben, Ziffern, ".", "_" oder "-" bestehen und mit einem Buchstaben oder einer Ziffer beginnen',
    headerName:
      "muss ein gültiger HTTP-Headername sein: nur Buchstaben, Ziffern und !#$%&'*+.^_`|~-",
    reservedHeader:
      'setzt der Forwarder selbst, er kann nicht überschrieben werden: Entfernen Sie ihn',
    appName: 'muss aus 1-48 druckbaren ASCII-Zeichen ohne Leerzeichen bestehen',
    caFileTlsOnly:
      'caFile gilt nur für protocol "tls": Setzen Sie protocol auf "tls" oder entfernen Sie caFile',
    sinkNameTwice: (name) =>
      `der Sink-Name "${name}" kommt zweimal vor: Geben Sie jedem Sink einen eigenen Namen`,
  },
  file: {
    unreadable: (path, code) =>
      `Die Richtliniendatei ${path} kann nicht gelesen werden (${code}): Prüfen Sie den Pfad und ob root die Datei lesen kann.`,
    notJson: (why) =>
      `Die Richtlinie ist kein gültiges JSON (${why}): Korrigieren Sie die Datei an dieser Stelle, oft fehlt ein Komma, ein Anführungszeichen oder eine Klammer.`,
    invalid: 'Die Richtlinie ist ungültig: Prüfen Sie sie anhand von POLICY.md.',
    topLevel: '(oberste Ebene)',
    unknownField: (field) =>
      `Das Richtlinienfeld ${field} ist kein bekanntes Feld (ein Tippfehler würde die Richtlinie schwächen): Prüfen Sie die Schreibweise anhand von POLICY.md oder entfernen Sie es.`,
    fieldInvalid: (field, why) => `Das Richtlinienfeld ${field} ist ungültig: ${why}.`,
  },
  managed: {
    notDictionary: (at) =>
      `${at}die Eigenschaftsliste ist kein Verzeichnis von Richtlinieneinstellungen: Die oberste Ebene muss ein <dict> sein, dessen Schlüssel die Einstellungsnamen aus POLICY.md sind.`,
    unknownKey: (at, keys) =>
      `${at}${keys} ist keine bekannte Richtlinieneinstellung (ein Tippfehler würde die Richtlinie schwächen): Prüfen Sie die Schreibweise anhand von POLICY.md oder entfernen Sie sie.`,
    keyInvalid: (at, key, why) => `${at}${key} ist ungültig: ${why}.`,
    misfit: (where, field, why) =>
      `Die Einstellungen aus ${where} und die Richtliniendatei passen nicht zusammen: ${field} ${why}.`,
  },
  registry: {
    label: 'der Registrierung',
    unknownValue: (value) =>
      `${value} ist keine bekannte Richtlinieneinstellung: Löschen Sie den Wert oder benennen Sie ihn wie in elevate.admx (eine Einstellung aus POLICY.md mit großem Anfangsbuchstaben).`,
    valueInvalid: (value, why) => `${value} ist ungültig: ${why}.`,
    unreadable: (key, why) =>
      `${key} kann nicht gelesen werden (${why}): Führen Sie 'reg query ${key}' als Administrator aus, um den Grund zu sehen.`,
  },
  plist: {
    notPlist: (path, why) =>
      `${path} kann nicht als Eigenschaftsliste gelesen werden (${why}): Prüfen Sie sie mit 'plutil -lint ${path}'.`,
    invalid: (path, why) =>
      `${path} ist keine gültige Eigenschaftsliste (${why}): Prüfen Sie sie mit 'plutil -lint ${path}'.`,
    unreadable: (path, why) =>
      `${path} kann nicht gelesen werden (${why}): Prüfen Sie, ob die Datei existiert und root sie lesen kann.`,
    notRootOwned: (path) =>
      `${path} gehört nicht root oder kann auch von anderen geändert werden: Entfernen Sie die Datei und installieren Sie das Konfigurationsprofil erneut.`,
  },
  privateFile: {
    unreadable: (what, path, code) =>
      `Die ${what} ${path} kann nicht gelesen werden (${code}): Prüfen Sie den Pfad und ob die Datei existiert.`,
    loose: (what, path, mode) =>
      `Die ${what} ${path} ist für Gruppe oder andere lesbar (Modus ${mode}): Führen Sie chmod 600 ${path} aus.`,
    notRootOwned: (what, path, uid) =>
      `Die ${what} ${path} gehört uid ${uid}, muss aber root gehören: Führen Sie chown root ${path} aus.`,
    notYours: (what, path, uid) =>
      `Die ${what} ${path} gehört uid ${uid}, muss aber Ihnen oder root gehören: Führen Sie sudo chown $(id -un) ${path} aus.`,
  },
  keyFile: {
    deviceFile: 'Schlüsseldatei für Freigabecodes',
    masterFile: 'Hauptschlüsseldatei',
    noDeviceKey: (path) =>
      `Die Schlüsseldatei für Freigabecodes ${path} enthält keinen Geräteschlüssel: Schreiben Sie die Zeile hinein, die 'elevatectl code device-key' ausgibt.`,
    masterTooShort: (path, bytes, min) =>
      `Die Hauptschlüsseldatei ${path} enthält ${bytes} Bytes; sie braucht mindestens ${min} Zufallsbytes: Erzeugen Sie sie mit 'head -c 32 /dev/urandom > ${path}'.`,
  },
  sink: {
    named: (name, sentence) => `Sink "${name}": ${sentence}`,
    secretFile: 'Geheimnisdatei',
    emptySecret: (path) =>
      `Die Geheimnisdatei ${path} ist leer: Schreiben Sie den HMAC-Schlüssel des Webhooks hinein.`,
    caUnreadable: (path, code) =>
      `Die CA-Datei ${path} kann nicht gelesen werden (${code}): Prüfen Sie den Pfad in caFile und ob die Datei existiert.`,
  },
};
