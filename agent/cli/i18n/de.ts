/** What `elevate` tells a person, in German; typed from English (en.ts). */
import { plural } from '../../shared/i18n/catalogue.js';
import type { CliMessages } from './en.js';
import { ctlDe } from './ctl-de.js';
import { helpDe } from './help-de.js';
import { ACTOR_WORDS_DE } from '../../shared/actor-words.js';

export const de: CliMessages = {
  help: helpDe,
  ctl: ctlDe,
  // After "von", in the dative.
  who: ACTOR_WORDS_DE,
  // Each level its own noun, never "Administrator-Rechte" glued from the label.
  rights: { admin: 'Administratorrechte', passwordless: 'Rechte für sudo ohne Passwort' },
  status: {
    user: 'Benutzer',
    level: 'Stufe',
    permanentOf: (level) => ` (dauerhaft: ${level})`,
    grant: 'Befristete Rechte',
    grantValue: (level, left) => `${level}, ${left}`,
    none: 'keine',
    expires: 'Endet',
    granted: 'Gewährt',
    grantedValue: (at, by, source) => `${at} von ${by} (${source})`,
    reason: 'Grund',
    extensionsLeft: 'Verlängerungen übrig',
    commands: 'Mit sudo ausgeführte Befehle',
    removalRefused: 'Entfernen verweigert',
    restoreFailure: (error, attempts, since) =>
      `${error} (${attempts} Versuche seit ${since}); der Dienst versucht es jede Sekunde erneut.`,
    lastGrant: 'Letzte Rechte',
    latestRequest: 'Letzte Anfrage',
    requestReason: 'Grund der Anfrage',
    decided: 'Entschieden',
    decidedValue: (at, by) => `${at} von ${by}`.trim(),
    adminNote: 'Notiz des Administrators',
    simulated: 'Simuliert',
    simulatedValue: 'ja: ein Demo-Dienst, auf diesem Computer ändert sich nichts',
    hint: 'Hinweis',
    logOutToApply: 'ab- und wieder anmelden, damit die neuen Rechte vollständig wirken',
    logOutToFinish: 'abmelden, damit die Rechte ganz entfernt werden',
  },
  end: {
    how: { expired: 'pünktlich beendet', released: 'zurückgegeben', revoked: 'beendet' },
    line: (level, how, by, at, reason) =>
      `${level} ${how}${by ? ` von ${by}` : ''} um ${at}${reason ? `: ${reason}` : ''}`,
  },
  request: {
    state: (s) =>
      ({
        pending: 'offen',
        approved: 'genehmigt',
        denied: 'abgelehnt',
        cancelled: 'zurückgezogen',
      })[s],
    extendBy: (length) => `Verlängerung um ${length}`,
    levelFor: (level, length) => `${level} für ${length}`,
    line: (state, id, what) => `${state} ${id} (${what})`,
  },
  policy: {
    atOnce: 'sofort gewährt',
    afterApproval: 'nach Genehmigung durch einen Administrator',
    notAvailable: 'nicht möglich (fragen Sie die IT)',
    closed: (how) => `Anfragen: ${how}.`,
    or: ' oder ',
    reasonMin: (n) => `, mit einem Grund von mindestens ${n} Zeichen`,
    line: (levels, upTo, how, reason, extensions) =>
      `Anfragen: ${levels} für bis zu ${upTo}, ${how}${reason}; ` +
      plural('de', extensions, { one: '# Verlängerung', other: '# Verlängerungen' }) +
      ' pro Freigabe.',
  },
  outcome: {
    pending: (id, program) =>
      `Ihre Anfrage ${id} wartet auf die Genehmigung eines Administrators; mit '${program} watch' verfolgen Sie sie.`,
    denied: (id, note) => `Ihre Anfrage ${id} wurde abgelehnt${note ? `: ${note}` : '.'}`,
    granted: (level, until, left) => `Sie sind ${level} bis ${until} (${left}).`,
    none: (level) => `Sie haben keine befristeten Rechte (${level}).`,
    nothingToExtend: (program) =>
      `Sie haben keine befristeten Rechte zum Verlängern; fragen Sie sie mit '${program} request' an.`,
    released: (level) => `Ihre befristeten Rechte sind zurückgegeben; Sie sind jetzt: ${level}.`,
    noPending: 'Sie haben keine offene Anfrage, die Sie zurückziehen könnten.',
    cancelled: (id) => `Ihre Anfrage ${id} ist zurückgezogen.`,
  },
  next: {
    findSocket:
      "geben Sie den Socket des Dienstes mit --socket PFAD oder ELEVATE_SOCKET an (der Dienst meldet beim Start 'elevate-agent listening on PFAD'; die Unit-Datei eines Dienstes nennt ihn nach --socket)",
    notSocket: (path, find) =>
      `${path} ist nicht der Socket des Elevate-Dienstes (es ist gar kein Socket); ${find}.`,
    denied: (path, find) =>
      `Sie dürfen sich nicht mit dem Elevate-Dienst unter ${path} verbinden (Zugriff verweigert); führen Sie dies als Benutzer aus, den der Socket zulässt, oder ${find}.`,
    notRunning: (path, find) =>
      `Der Elevate-Dienst läuft nicht: unter ${path} ist nichts. Starten Sie ihn (z. B. 'sudo systemctl start elevate-agent') oder ${find}.`,
    stopped: (path, find) =>
      `Unter ${path} antwortet niemand: Der Elevate-Dienst, der ihn angelegt hat, ist beendet. Starten Sie ihn erneut oder ${find}.`,
    noAnswer: (path, find) =>
      `Der Elevate-Dienst hat unter ${path} nicht geantwortet; falls das nicht sein Socket ist, ${find}.`,
    retryAt: (at) => `Versuchen Sie es um ${at} erneut.`,
    retryInAnHour: 'Versuchen Sie es in einer Stunde erneut.',
    stillWaiting: (id, program) =>
      `Ihre Anfrage ${id} wartet noch: Mit '${program} watch' verfolgen Sie sie, mit '${program} cancel' ziehen Sie sie zurück.`,
    extendInstead: (level, until, program) =>
      `Sie sind ${level} bis ${until}; für mehr Zeit führen Sie '${program} extend DAUER --reason TEXT' aus.`,
    askAgain: (until, program) =>
      `Ihre Rechte enden um ${until}; danach fragen Sie erneut mit '${program} request DAUER --reason TEXT' an oder wenden sich an die IT.`,
  },
  duration: {
    bad: (text, why) => `"${text}" ist keine Dauer: ${why} (Beispiele: 90s, 10m, 10 min, 1h30m).`,
    noUnit: (text, n) =>
      `"${text}" hat keine Einheit: Schreiben Sie ${n}m für ${n} Minuten, ${n}h für Stunden oder ${n}s für Sekunden.`,
    empty: 'sie ist leer',
    shape: 'schreiben Sie ganze Zahlen, jeweils gefolgt von einer Einheit (d, h, min oder s)',
    notUnit: (word) => `"${word}" ist keine Einheit (d, h, min oder s)`,
    order: 'jede Einheit nur einmal, die größte zuerst',
    tooShort: 'sie muss mindestens 1 Sekunde lang sein',
    tooLong: (max) => `sie ist länger als ${max}`,
  },
  reason: {
    required: (min) =>
      `Ein Grund ist erforderlich: Geben Sie mit --reason "..." in mindestens ${min} Zeichen an, wofür Sie die Rechte brauchen.`,
    tooShort: (min, has) =>
      `Der Grund muss mindestens ${min} Zeichen lang sein (Ihrer hat ${has}): Sagen Sie, wofür Sie die Rechte brauchen.`,
    tooLong: (max, has) => `Der Grund darf höchstens ${max} Zeichen lang sein (Ihrer hat ${has}).`,
    presetsOnly: (list) =>
      `Ihre Richtlinie akzeptiert nur diese Gründe; wählen Sie einen mit --reason NUMMER:\n${list}`,
    choose: (ownText) =>
      `Gründe zur Auswahl (--reason NUMMER${ownText ? ' oder ein eigener Text' : ''}):`,
    allowance: (left, more) =>
      `Verbleibende Admin-Zeit unter der Obergrenze Ihrer Richtlinie: ${left}${more}.`,
    moreFrom: (at) => `; mehr ab ${at}`,
  },
  code: {
    length:
      'Ein Freigabecode hat 10 Zeichen, etwa ABCDE-FGHJK: Prüfen Sie ihn und geben Sie ihn erneut ein.',
    typo: 'Dieser Freigabecode enthält einen Tippfehler (das letzte Zeichen passt nicht): Lesen Sie ihn dem Helpdesk vor und geben Sie ihn erneut ein.',
    approved: 'Ihre Anfrage ist genehmigt.',
    approvedUntil: (passwordless, until) =>
      `Genehmigt: Sie haben ${passwordless ? 'sudo ohne Passwort' : 'Administratorrechte'} bis ${until}.`,
    callHelpDesk: (code, device) =>
      `Rufen Sie Ihren Helpdesk an und lesen Sie diesen Code vor: ${code}` +
      (device ? ` (dieser Computer: ${device}).` : '.'),
    enterCode: (program) =>
      `Geben Sie dann den Code ein, den man Ihnen vorliest: ${program} approve-code CODE`,
  },
  watch: {
    warning: (rights, length) =>
      `Achtung: Ihre ${rights} enden in ${length}. Speichern Sie Ihre Arbeit oder führen Sie 'elevate extend' aus.`,
    noRights: (level) => `Keine befristeten Rechte (Stufe: ${level}).`,
    endingNow: (level, until) => `${level}: endet jetzt (Frist ${until})`,
    clock: (level, clock, until) => `${level}: noch ${clock}, bis ${until}`,
    until: (level, until) => `${level} bis ${until}`,
    more: (length) => `${length} mehr`,
    levelFor: (level, length) => `${level} für ${length}`,
    waiting: (id, what) => `Anfrage ${id} (${what}) wartet auf einen Administrator.`,
    approved: (id, what, by, note) =>
      `Anfrage ${id} (${what}) genehmigt von ${by}${note ? `: ${note}` : '.'}`,
    denied: (id, what, by, note) =>
      `Anfrage ${id} (${what}) abgelehnt von ${by}${note ? `: ${note}` : '.'}`,
    cancelledByYou: (id, what) => `Anfrage ${id} (${what}) zurückgezogen.`,
    cancelledBy: (id, what, by, note) =>
      `Anfrage ${id} (${what}) zurückgezogen von ${by}${note ? `: ${note}` : '.'}`,
    moved: (rights, until) => `Ihre ${rights} enden jetzt um ${until}.`,
    changed: (level, until) => `Ihre Rechte haben sich geändert: ${level} bis ${until}.`,
    agentGone:
      'Der Elevate-Dienst läuft nicht, daher können Ihre Rechte gerade weder angezeigt noch geändert werden.',
    stillEnds: (until) => `Ihre Rechte enden trotzdem wie geplant um ${until}.`,
    pending: (id, what) =>
      `Anfrage ${id} (${what}) wartet auf die Entscheidung eines Administrators ...`,
    endedBy: (by, reason, level) =>
      `Ihre befristeten Rechte wurden von ${by} beendet${reason ? ` (${reason})` : ''}; Ihre Stufe ist jetzt ${level}.`,
    ended: (level) => `Ihre befristeten Rechte sind beendet; Ihre Stufe ist jetzt ${level}.`,
    deniedEnd: (id, by, note) =>
      `Ihre Anfrage ${id} wurde${by ? ` von ${by}` : ''} abgelehnt${note ? `: ${note}` : '.'}`,
    cancelledEnd: (id) => `Ihre Anfrage ${id} wurde zurückgezogen.`,
    nothing: (level) => `Sie haben gerade keine befristeten Rechte (Stufe: ${level}).`,
  },
  history: {
    none: 'Noch keine Sitzungen: Sie hatten hier noch keine befristeten Rechte.',
    by: (who) => `von ${who}`,
    extended: (n) => `${n}× verlängert`,
    commands: (n) =>
      plural('de', n, { one: '# Befehl', other: '# Befehle' }) + ' mit sudo ausgeführt',
    reason: (text) => `Grund: ${text}`,
    end: (e) =>
      ({
        active: 'Jetzt aktiv',
        released: 'Vorzeitig beendet',
        expired: 'Pünktlich beendet',
        revoked: 'Von einem Administrator beendet',
        unknown: 'Beendet',
      })[e],
  },
};
