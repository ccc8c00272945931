import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { en, vi } from './resources';

const STORAGE_KEY = 'nangsuat.lang';

/** Vietnamese first, English second; the choice is remembered in this browser. */
export function initI18n(lang?: string) {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  const lng = lang ?? (stored === 'en' ? 'en' : 'vi');
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
  dayjs.locale(lng === 'en' ? 'en' : 'vi');
  document.documentElement.lang = lng;
  i18n.on('languageChanged', (l) => {
    dayjs.locale(l === 'en' ? 'en' : 'vi');
    document.documentElement.lang = l;
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, l);
  });
  return i18n;
}
export default i18n;
