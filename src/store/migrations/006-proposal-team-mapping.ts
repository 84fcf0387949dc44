import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `agreement_versions.proposed_team_mapping`: the installation's team mapping (JSON `{marketingTeamIds,
 * salesTeamIds}`) a version was proposed under. An approval checks the reviewer's side under it as well as under
 * today's mapping, so no change of mapping can make a proposal approvable by the proposer's own side. Versions
 * pending at upgrade take the mapping in force then; drafts, git-applied and older versions keep null.
 */
export const proposalTeamMappingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('agreement_versions').addColumn('proposed_team_mapping', 'text').execute();
    await sql`
      update agreement_versions set proposed_team_mapping = (
        select '{"marketingTeamIds":' || i.marketing_team_ids || ',"salesTeamIds":' || i.sales_team_ids || '}'
        from installations i where i.portal_id = agreement_versions.portal_id
      )
      where status = 'proposed'`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('agreement_versions').dropColumn('proposed_team_mapping').execute();
  },
};
