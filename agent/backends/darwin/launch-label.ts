/**
 * A LaunchDaemon plist's job label (launchd.plist(5): the required Label key), which
 * `launchctl bootout system/LABEL` needs. A binary or unreadable plist falls back to the file
 * name without .plist, the convention Apple's and vendors' daemons follow.
 */
import { basename } from 'node:path';
import { parsePlistXml } from '../../shared/plist-xml.js';

export function launchLabel(content: string, path: string): string {
  try {
    const doc = parsePlistXml(content);
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
      const label = (doc as Record<string, unknown>)['Label'];
      if (typeof label === 'string' && label) return label;
    }
  } catch {
    // Binary (bplist00) or broken: the name is the best guess.
  }
  return basename(path).replace(/\.plist$/, '');
}
