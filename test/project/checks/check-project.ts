import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { profileProblems } from '../../../src/cli/hubspot-profile';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../../src/hubspot/oauth';
import { appProblems } from './app-problems';
import { cardProblems } from './card-problems';
import { webhookProblems } from './webhook-problems';
import { workflowActionProblems } from './workflow-action-problems';

const PARSER = path.join(__dirname, '..', 'check-project.mjs');

/** One component of HubSpot's intermediate representation, its `${...}` variables substituted. */
export interface IrNode {
  uid: string;
  componentType: string;
  metaFilePath: string;
  config: Record<string, unknown>;
}

/** Everything the project check found wrong, with what HubSpot's parser made of the project. */
export interface ProjectCheck {
  problems: string[];
  nodes: IrNode[];
  profile: unknown;
}

/** Config checks per component type, for what HubSpot's schemas would check at upload. */
function componentProblems(node: IrNode, nodes: IrNode[]): string[] {
  const app = nodes.find((each) => each.componentType === 'APPLICATION');
  const appAuth = app?.config.auth as { requiredScopes?: string[] } | undefined;
  const appScopes = appAuth?.requiredScopes ?? [];
  switch (node.componentType) {
    case 'APPLICATION':
      return appProblems(node.metaFilePath, node.config, {
        requiredScopes: REQUIRED_SCOPES,
        optionalScopes: OPTIONAL_SCOPES,
      });
    case 'CARD':
      return cardProblems(node.metaFilePath, node.config, appScopes);
    case 'WEBHOOKS':
      return webhookProblems(node.metaFilePath, node.config);
    case 'WORKFLOW_ACTION':
      return workflowActionProblems(node.metaFilePath, node.config);
    default:
      return [];
  }
}

/**
 * The project check behind `npx jest test/project`: HubSpot's own parser with validation on (in a child `node`,
 * it ships ESM only), then the profile and each component's config.
 */
export function checkProject(projectDir: string, profile = 'production'): ProjectCheck {
  const parsed = JSON.parse(
    execFileSync(process.execPath, [PARSER, projectDir, profile], { encoding: 'utf8' }),
  ) as {
    problems: string[];
    ir?: { intermediateNodesIndexedByUid: Record<string, IrNode> };
    profile?: unknown;
  };
  const nodes = Object.values(parsed.ir?.intermediateNodesIndexedByUid ?? {});
  return {
    problems: [
      ...parsed.problems,
      ...profileProblems(parsed.profile ?? null, `hsprofile.${profile}.json`),
      ...nodes.flatMap((node) => componentProblems(node, nodes)),
    ],
    nodes,
    profile: parsed.profile,
  };
}
