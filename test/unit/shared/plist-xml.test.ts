/** The XML property-list reader used for dscl -plist and managed preferences. */
import { describe, expect, it } from 'vitest';
import { parsePlistXml } from '../../../agent/shared/plist-xml.js';

const doc = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${body}\n</plist>\n`;

describe('parsePlistXml', () => {
  it('reads every plist element type', () => {
    expect(
      parsePlistXml(
        doc(`<dict>
  <key>name</key><string>Sam &amp; Co &lt;IT&gt; &#233;</string>
  <key>empty</key><string/>
  <key>count</key><integer>-3</integer>
  <key>ratio</key><real>0.5</real>
  <key>on</key><true/>
  <key>off</key><false/>
  <key>when</key><date>2026-11-30T10:00:00Z</date>
  <key>blob</key><data>
    AAEC
    Aw==
  </data>
  <!-- a comment -->
  <key>list</key><array><integer>600</integer><array/><dict/></array>
</dict>`),
      ),
    ).toEqual({
      name: 'Sam & Co <IT> é',
      empty: '',
      count: -3,
      ratio: 0.5,
      on: true,
      off: false,
      when: '2026-11-30T10:00:00Z',
      blob: 'AAECAw==',
      list: [600, [], {}],
    });
  });

  it('says what is wrong with a broken document', () => {
    expect(() => parsePlistXml('<dict></dict>')).toThrow(/not a <plist>/);
    expect(() => parsePlistXml(doc('<dict><key>a</key></dict>'))).toThrow(/value was expected/);
    expect(() => parsePlistXml(doc('<integer>ten</integer>'))).toThrow(/"ten"/);
    expect(() => parsePlistXml(doc('<dict><string>x</string></dict>'))).toThrow(/<key>/);
    expect(() => parsePlistXml(doc('<array><string>x</string>'))).toThrow(
      /ends too early|not closed/,
    );
  });
});
