/** What every client says when the agent cannot answer, in German; typed from English (en.ts). */
import type { ClientMessages } from './en.js';

export const de: ClientMessages = {
  agentNotRunning:
    'Der Elevate-Dienst läuft nicht, daher können Ihre Rechte gerade weder angezeigt noch geändert werden.',
  agentNotInstalled:
    'Auf diesem Computer ist kein Elevate-Dienst installiert, daher kann Elevate Ihnen keine Rechte geben: Bitten Sie die IT, das Paket elevate-agent zu installieren.',
  noAnswer:
    'Der Elevate-Dienst hat nicht rechtzeitig geantwortet, daher hat sich nichts geändert: Versuchen Sie es noch einmal.',
  closed:
    'Der Elevate-Dienst wurde beendet, bevor er geantwortet hat, daher hat sich vielleicht nichts geändert: Prüfen Sie Ihre Rechte und versuchen Sie es dann noch einmal.',
  cookieUnreadable: (user, code) =>
    `Das Anmelde-Cookie für ${user} lässt sich nicht lesen: ${code}. Elevate handelt nur für das Konto, mit dem Sie angemeldet sind.`,
};
