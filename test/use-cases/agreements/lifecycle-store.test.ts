import { tempPostgres, tempSqlite } from '../../store/test-databases';
import { describeLifecycle } from './lifecycle-suite';
import { storeBackend } from './store-world';

const sqlite = storeBackend(async () => tempSqlite());
describeLifecycle('store on SQLite', sqlite.world, sqlite.dispose);
const postgres = storeBackend(tempPostgres);
describeLifecycle('store on PostgreSQL', postgres.world, postgres.dispose);
