/**
 * The settings a configuration profile (.mobileconfig, unsigned XML) gives the Elevate
 * domain, in either payload form MDMs write (docs/mdm-macos.md):
 * - com.apple.ManagedClient.preferences: PayloadContent → DOMAIN → Forced → [{
 *   mcx_preference_settings: {...} }] (Apple's Device Management "ManagedPreferences");
 * - a payload whose PayloadType is the domain itself, settings beside the Payload* keys (the
 *   form Jamf's "Application & Custom Settings" and SAP Privileges' sample profile use).
 */
import { MANAGED_DOMAIN } from './plans.js';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Each settings dict for the domain, in profile order (empty when the profile has none). */
export function profileSettings(profile: unknown, domain = MANAGED_DOMAIN): Dict[] {
  const out: Dict[] = [];
  for (const payload of list(isDict(profile) ? profile.PayloadContent : undefined)) {
    if (!isDict(payload)) continue;
    if (payload.PayloadType === domain) out.push(payload);
    if (payload.PayloadType !== 'com.apple.ManagedClient.preferences') continue;
    const content = isDict(payload.PayloadContent) ? payload.PayloadContent[domain] : undefined;
    for (const forced of list(isDict(content) ? content.Forced : undefined)) {
      if (isDict(forced) && isDict(forced.mcx_preference_settings))
        out.push(forced.mcx_preference_settings);
    }
  }
  return out;
}
