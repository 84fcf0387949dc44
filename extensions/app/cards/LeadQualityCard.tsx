import { hubspot } from '@hubspot/ui-extensions';
import { CardRoot } from './components/CardRoot';

hubspot.extend<'crm.record.sidebar'>(() => <CardRoot />);
