import { useExtensionContext } from '@hubspot/ui-extensions';
import { pickLocale, type Locale } from '../../shared/locale';
import { en, type SettingsMessages } from './en';
import { ja } from './ja';

const DICTIONARIES: Record<Locale, SettingsMessages> = { en, ja };

/** The settings page's text in the user's language (from `context.user.locale`), and that locale for Intl. */
export function useSettingsMessages(): { t: SettingsMessages; locale: Locale } {
  const context = useExtensionContext<'settings'>();
  const locale = pickLocale(context.user.locale ?? context.user.language);
  return { t: DICTIONARIES[locale], locale };
}
