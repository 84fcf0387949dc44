import { useExtensionContext } from '@hubspot/ui-extensions';
import { pickLocale, type Locale } from '../../shared/locale';
import { en, type CardMessages } from './en';
import { ja } from './ja';

const DICTIONARIES: Record<Locale, CardMessages> = { en, ja };

/** The card's text in the user's language (from `context.user.locale`), and that locale for Intl formatting. */
export function useCardMessages(): { t: CardMessages; locale: Locale } {
  const context = useExtensionContext<'crm.record.sidebar'>();
  const locale = pickLocale(context.user.locale ?? context.user.language);
  return { t: DICTIONARIES[locale], locale };
}
