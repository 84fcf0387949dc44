import { useExtensionContext } from '@hubspot/ui-extensions';
import { backendUrlFrom } from '../../shared/backendClient';

/** The backend origin from the app's HubSpot profile, or null when the app is not set up. */
export function useBackendUrl(): string | null {
  return backendUrlFrom(useExtensionContext<'settings'>().variables);
}
