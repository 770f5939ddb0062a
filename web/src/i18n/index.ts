// Vietnamese first, English second (the choice is remembered on the device). Messages shared by
// several screens live here; each screen keeps its own in its component (useI18n local messages).
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
