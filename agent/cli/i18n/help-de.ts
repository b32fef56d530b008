/** Both command lines' help and argument errors in German; typed from English (help-en.ts). */
import type { CliMessages } from './en.js';

export const helpDe: CliMessages['help'] = {
  placeholders: {
    CODE: 'CODE',
    COMMAND: 'BEFEHL',
    DURATION: 'DAUER',
    'EVENT-ID': 'EREIGNIS-ID',
    FILE: 'DATEI',
    FINGERPRINT: 'FINGERABDRUCK',
    ID: 'ID',
    'ISO-TIME': 'ISO-ZEIT',
    LEVEL: 'STUFE',
    N: 'N',
    NAME: 'NAME',
    PATH: 'PFAD',
    'REQUEST-CODE': 'ANFRAGECODE',
    TEXT: 'TEXT',
    USER: 'BENUTZER',
    VALUE: 'WERT',
  },
  usage: (synopsis) => `Aufruf: ${synopsis}`,
  programSynopsis: (program) => `${program} BEFEHL [Optionen]`,
  commands: 'Befehle:',
  global: [
    'Optionen für jeden Befehl:',
    '  --socket PFAD   Socket des Dienstes (Vorgabe: $ELEVATE_SOCKET oder Systempfad)',
    '  --json          Ergebnisse als JSON ausgeben, für Skripte',
    '  -h, --help      Hilfe anzeigen',
    '  --version       Version ausgeben',
    '',
    'Exit-Codes: 0 OK, 1 Fehler, 2 falscher Aufruf, 3 nicht berechtigt, 4 Konflikt.',
  ].join('\n'),
  commandOptions: (program) => `Die Optionen eines Befehls zeigt '${program} BEFEHL --help'.`,
  runHelp: (command) => `Hilfe zum Aufruf: '${command} --help'.`,

  errors: {
    unknownFlag: (flag, command) => `unbekannte Option ${flag} für ${command}.`,
    repeated: (flag) => `${flag} ist mehrfach angegeben.`,
    takesNoValue: (flag) => `${flag} erwartet keinen Wert.`,
    needsValue: (flag, value) => `${flag} erwartet einen Wert (${value}).`,
    needs: (command, what) => `bei ${command} fehlt ${what}.`,
    surplus: (command, word) => `zu viele Argumente für ${command}: "${word}".`,
    wholeNumber: (flag, max, value) =>
      `${flag} muss eine ganze Zahl von 1 bis ${max} sein, nicht "${value}".`,
    choice: (flag, choices, value) =>
      `${flag} muss ${choices.join(' oder ')} sein, nicht "${value}".`,
    needsSubcommand: (group, subcommands) => `bei ${group} fehlt der Unterbefehl (${subcommands}).`,
    unknownCommand: (typed) => `unbekannter Befehl "${typed}".`,
    noCommand: 'es fehlt ein Befehl.',
    flagNeeded: (flag) => `${flag} fehlt.`,
    grantNeedsFor: 'bei grant fehlt --for DAUER (etwa --for 30m).',
    since: (value) => `--since muss ein Zeitpunkt wie 2026-11-24T10:00:00Z sein, nicht "${value}".`,
  },

  elevate: {
    description:
      'Befristete Administratorrechte auf diesem Computer anfragen, ihre Restzeit sehen und sie zurückgeben.',
    status: {
      summary: 'Ihre Stufe, die verbleibende Zeit und Ihre letzte Anfrage zeigen',
      usage: 'status',
      help: 'Zeigt Ihre aktuelle Stufe, Ihre befristeten Rechte mit ihrem Ende, Ihre letzte Anfrage und was Sie anfragen dürfen.',
    },
    request: {
      summary: 'Administratorrechte für eine Weile anfragen',
      usage: 'request DAUER --reason TEXT [--level admin|passwordless]',
      help: 'Fragt befristete Rechte für DAUER an (90s, 10m, 10 min, 1h30m). Erlaubt Ihre Richtlinie Selbstbedienung, erhalten Sie sie sofort; sonst genehmigt oder verweigert ein Administrator die Anfrage. Ohne --level fragen Sie admin an, wenn Ihre Richtlinie es zulässt.',
    },
    extend: {
      summary: 'mehr Zeit für Ihre aktuellen Rechte anfragen',
      usage: 'extend DAUER --reason TEXT',
      help: 'Fragt an, das Ende Ihrer aktiven Rechte um DAUER zu verschieben, im Rahmen der Verlängerungen Ihrer Richtlinie.',
    },
    stop: {
      summary: 'Ihre befristeten Rechte jetzt zurückgeben',
      usage: 'stop',
      help: 'Beendet Ihre befristeten Rechte sofort; was Sie vorher hatten, wird wiederhergestellt. Rechte zurückzugeben ist immer erlaubt.',
    },
    cancel: {
      summary: 'Ihre offene Anfrage zurückziehen',
      usage: 'cancel',
      help: 'Zieht Ihre Anfrage zurück, die auf eine Genehmigung wartet.',
    },
    'approve-code': {
      summary: 'den Freigabecode eingeben, den Ihr Helpdesk Ihnen vorgelesen hat',
      usage: 'approve-code CODE',
      help: "Genehmigt Ihre offene Anfrage mit dem Code, den der Helpdesk Ihnen vorgelesen hat (etwa ABCDE-FGHJK). Ein Tippfehler fällt auf, bevor etwas gesendet wird; falsche Codes sind je Anfrage begrenzt. Ihren Anfragecode zeigt 'elevate status'.",
    },
    history: {
      summary: 'Ihre letzten Sitzungen mit befristeten Rechten, neueste zuerst',
      usage: 'history [--limit N]',
      help: 'Listet Ihre letzten Sitzungen so, wie die Elevate-App sie zeigt: die Stufe, wie sie endete, wann, wer sie gewährt hat, und jeden Befehl, den Sie mit sudo ausgeführt haben. --limit: wie viele Sitzungen (ohne Angabe 5, höchstens 50). Mit --json: die Sitzungen und die Audit-Ereignisse, aus denen sie bestehen.',
    },
    watch: {
      summary: 'ein Countdown, bis Ihre Rechte enden',
      usage: 'watch',
      help: 'Zeigt einen Countdown, der jede Sekunde neu gezeichnet wird, warnt vor dem Ende und beendet sich, wenn Ihre Rechte enden (Exit-Code 0). Solange eine Anfrage offen ist, wartet er auf die Entscheidung. Mit --json gibt er jeden Stand aus, den der Dienst sendet, einen pro Zeile.',
    },
  },

  elevatectl: {
    description:
      'Elevate auf diesem Computer verwalten: befristete Administratorrechte, die pünktlich enden.',
    status: {
      summary: 'zeigen, wer erhöhte Rechte hat, bis wann, und offene Anfragen',
      usage: 'status [BENUTZER]',
      help: 'Zeigt ohne BENUTZER jeden Benutzer mit befristeten Rechten oder einer neueren Anfrage, dann den Zustand jedes Ziels der Audit-Weiterleitung; mit BENUTZER Stufe, Rechte, Anfrage und Hinweise dieses Benutzers.',
    },
    grant: {
      summary: 'einem Benutzer befristet admin oder sudo ohne Passwort geben',
      usage: 'grant BENUTZER --for DAUER [--level admin|passwordless] [--reason TEXT] [--over-cap]',
      help: 'Gibt BENUTZER befristete Rechte, die nach DAUER von selbst enden (90s, 10m, "10 min", 1h30m). --level ist ohne Angabe admin. Hat der Benutzer schon Rechte, erhält er die neue Stufe und das neue Ende. --over-cap geht über die Obergrenzen maxElevatedSecPer* des Benutzers hinaus (wird protokolliert).',
    },
    revoke: {
      summary: 'die befristeten Rechte eines Benutzers jetzt beenden',
      usage: 'revoke BENUTZER [--reason TEXT]',
      help: 'Beendet die befristeten Rechte von BENUTZER sofort und stellt wieder her, was er vorher hatte; dauerhafte Rechte bleiben.',
    },
    requests: {
      summary: 'auf Genehmigung wartende Anfragen listen (--state: andere)',
      usage: 'requests [--state pending|approved|denied|cancelled|all]',
      help: 'Listet die Anfragen, die auf Genehmigung warten, neueste zuerst, mit der ID, die approve und deny erwarten. --state listet stattdessen die in einem anderen Zustand, --state all alle Anfragen.',
    },
    approve: {
      summary: 'eine offene Anfrage genehmigen',
      usage: 'approve ID [--for DAUER] [--note TEXT] [--over-cap]',
      help: 'Genehmigt die Anfrage ID; --for gewährt eine andere Dauer als die angefragte, --note wird der Person angezeigt. --over-cap geht über die Obergrenzen maxElevatedSecPer* des Benutzers hinaus (wird protokolliert).',
    },
    deny: {
      summary: 'eine offene Anfrage ablehnen',
      usage: 'deny ID [--note TEXT]',
      help: 'Lehnt die Anfrage ID ab; --note sagt der Person, warum.',
    },
    audit: {
      summary: 'das Audit-Protokoll zeigen oder live verfolgen',
      usage:
        'audit [--user BENUTZER] [--since ISO-ZEIT] [--limit N] [--before EREIGNIS-ID] [--follow]',
      help: 'Gibt Audit-Ereignisse aus, neueste zuerst. --follow gibt die letzten ältestes zuerst aus und dann jedes neue Ereignis, sobald es geschrieben wird, bis Strg-C (mit --json: ein Ereignis pro Zeile). Eine Antwort fasst höchstens 4 MB: Wurden ältere Ereignisse weggelassen, nennt die letzte Zeile das --before für die nächste Seite.',
    },
    unpair: {
      summary: 'App-Schlüssel eines Benutzers vergessen (neu koppeln lassen)',
      usage: 'unpair BENUTZER',
      help: 'Entfernt den gekoppelten App-Schlüssel von BENUTZER; der nächsten Elevate-App, die sich für BENUTZER koppelt, wird vertraut.',
    },
    'pair list': {
      summary: 'gekoppelte App-Schlüssel und wartende Schlüssel zeigen',
      usage: 'pair list [BENUTZER]',
      help: 'Listet den gekoppelten App-Schlüssel jedes Benutzers und, unter der Richtlinie pairing "confirm", die Schlüssel, die auf einen Administrator warten, mit dem Programm, das gefragt hat. Vergleichen Sie vor dem Genehmigen den Fingerabdruck mit dem, den die Elevate-App der Person zeigt.',
    },
    'pair approve': {
      summary: 'einem wartenden App-Schlüssel als App des Benutzers vertrauen',
      usage: 'pair approve BENUTZER FINGERABDRUCK',
      help: 'Vertraut dem wartenden App-Schlüssel von BENUTZER mit dem Fingerabdruck FINGERABDRUCK (siehe pair list).',
    },
    'policy check': {
      summary: 'Richtliniendatei (JSON, .plist, .mobileconfig) offline prüfen',
      usage: 'policy check DATEI',
      help: 'Prüft DATEI offline gegen das Richtlinienformat (POLICY.md): die JSON-Richtlinie oder unter macOS eine verwaltete .plist oder ein .mobileconfig-Profil (docs/mdm-macos.md); Exit-Code 0, wenn sie gültig ist, sonst 1 mit dem Feld oder Schlüssel und dem Grund.',
    },
    'code device-key': {
      summary: 'Freigabecode-Schlüssel eines Geräts ausgeben (für das MDM)',
      usage: 'code device-key --master DATEI --device ID',
      help: "Gibt den Schlüssel für das Gerät ID aus (seine Maschinen-ID; 'elevate status' zeigt sie), abgeleitet aus dem Hauptgeheimnis der Organisation in DATEI (mindestens 32 zufällige Bytes, nur für Sie lesbar). Schreiben Sie die Zeile in die Datei, die die Richtlinie des Geräts unter approvalCodes.keyFile nennt, nur für root lesbar (chmod 600). Ein Gerät hat nie das Hauptgeheimnis: Sein Schlüssel genehmigt auf keinem anderen Gerät etwas.",
    },
    'code approve': {
      summary: 'vorgelesenen Anfragecode in einen Freigabecode umwandeln',
      usage:
        'code approve ANFRAGECODE --device ID --user NAME --for DAUER [--level STUFE] --key DATEI',
      help: "Arbeitet offline, auf dem Rechner der genehmigenden Person: Nichts wird irgendwohin gesendet. ANFRAGECODE ist, was die Person aus ihrer Elevate-App oder 'elevate status' vorliest (etwa K7QF-2M9X); ein Tippfehler darin fällt hier auf. Der Freigabecode, allein in der letzten Zeile, gewährt NAME auf dem Gerät ID genau diese Stufe für DAUER (ganze Minuten, höchstens 8 h 31 min), einmal, innerhalb der Gültigkeit der Geräterichtlinie (ohne Angabe 15 Minuten). --level ist ohne Angabe die Stufe, die die Person angefragt hat. DATEI ist das Hauptgeheimnis.",
    },
  },
};
