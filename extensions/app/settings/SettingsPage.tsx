import { hubspot } from '@hubspot/ui-extensions';
import { SettingsRoot } from './components/SettingsRoot';

hubspot.extend<'settings'>(() => <SettingsRoot />);
