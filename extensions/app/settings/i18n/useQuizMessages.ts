import { useSettingsMessages } from './useSettingsMessages';
import { quizEn, type QuizMessages } from './quizEn';
import { quizJa } from './quizJa';

/** The quiz tab's text in the user's language, the settings page's own text (side names) and the locale. */
export function useQuizMessages(): {
  q: QuizMessages;
  t: ReturnType<typeof useSettingsMessages>['t'];
  locale: 'en' | 'ja';
} {
  const { t, locale } = useSettingsMessages();
  return { q: locale === 'ja' ? quizJa : quizEn, t, locale };
}
