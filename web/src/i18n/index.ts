// Vietnamese first, English second (the choice is remembered on the device). One mechanism for
// every text: the global messages of vi.ts and en.ts, read with t()/$t() by key (docs/web.md).
//
// Only the Vietnamese texts of the frame, sign-in and the field screen ship with the app (the
// volunteer's screen on a weak signal: issue 15 asks its form to be usable in 2.5 s on Slow 3G).
// The rest of vi.ts, and en.ts, are chunks of their own, loaded by loadMessages(): the router
// waits for them before any other screen, and setLocale before switching.
import { createI18n } from 'vue-i18n';
import domain from './vi/domain';
import officer from './vi/officer';
import field from './vi/field';
import activities from './vi/activities';
import teamSettings from './vi/teamSettings';

export type Locale = 'vi' | 'en';

// The screens whose texts are all in these (router.ts marks them `meta.coreMessages`): the frame
// (frame.*, app.*, role.*, myAccount.link), sign-in, not-found, the field form (field.*,
// gender.*, common.*, activities.fieldLink).
const core = { ...domain, ...officer, ...field, ...activities, ...teamSettings };

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('cnscd.locale') : null;

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'vi',
  fallbackLocale: 'vi',
  messages: { vi: core } as Record<Locale, typeof core>,
});

const loaded = new Map<Locale, Promise<void>>();

/**
 * Every message of `locale` (vi.ts or en.ts, each its own chunk), once. English needs its whole
 * set even on the field screen; Vietnamese only beyond the core (`all`).
 */
export function loadMessages(locale: Locale, all = true): Promise<void> {
  if (locale === 'vi' && !all) return Promise.resolve();
  let p = loaded.get(locale);
  if (!p) {
    p = (locale === 'vi' ? import('./vi') : import('./en')).then((m) => {
      i18n.global.setLocaleMessage(locale, m.default as typeof core);
    });
    // A failed load (offline, the chunk not cached) is tried again next time.
    p.catch(() => loaded.delete(locale));
    loaded.set(locale, p);
  }
  return p;
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export async function setLocale(locale: Locale): Promise<void> {
  // Offline with the chunk not cached: switch anyway (the texts fall back to Vietnamese).
  await loadMessages(locale).catch(() => undefined);
  i18n.global.locale.value = locale;
  localStorage.setItem('cnscd.locale', locale);
  document.documentElement.lang = locale;
}
