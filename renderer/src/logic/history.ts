/** The popover's sessions list: the same grouping and words as `elevate history`. */
export {
  commandsLabel,
  groupSessions,
  sessionEndLabel,
  type Session,
  type SessionEnd,
} from '../../../agent/shared/sessions.js';
