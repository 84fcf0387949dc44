import { useStore } from '../../store/store-contract';
import { ENGINE_FACTORIES } from '../../store/test-databases';
import { rescoreContract } from './rescore-portal.contract';

describe.each(ENGINE_FACTORIES)('rescore on %s', (_engine, make) => {
  const store = useStore(make);
  rescoreContract(store);
});
