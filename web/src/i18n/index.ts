// Vietnamese first, English second (the choice is remembered on the device). One mechanism for
// every text: the global messages of vi.ts and en.ts, read with t()/$t() by key (docs/web.md).
import { createI18n } from 'vue-i18n';
import vi from './vi';
import en from './en';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('cnscd.locale') : null;

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'vi',
  fallbackLocale: 'vi',
  messages: { vi, en },
});

export function setLocale(locale: 'vi' | 'en'): void {
  i18n.global.locale.value = locale;
  localStorage.setItem('cnscd.locale', locale);
  document.documentElement.lang = locale;
}
