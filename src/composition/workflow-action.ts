import type { Router } from 'express';
import { workflowActionRouter } from '../http/routes/workflow-action-router';
import { domainEngine } from '../use-cases/rescore/domain-engine';
import type { WorkflowActionPorts } from '../use-cases/workflow-action/qualify-enrolled-contact';
import { portalGatewaysOf, type ServiceContext } from './service-context';
import { storeCardPorts } from './store-card-ports';

/**
 * The "Qualify with Lead Pact" action's ports on the real store: the card's scoring, the sync's HubSpot read and
 * the callback completion through each portal's gateway (its token and request budget).
 */
export function workflowActionPorts(context: ServiceContext): WorkflowActionPorts {
  const { config, store } = context;
  const gatewayFor = portalGatewaysOf(context);
  return {
    card: storeCardPorts(store, config),
    sync: { store, gatewayFor, engine: domainEngine },
    jobs: store.jobs,
    callbacks: gatewayFor,
  };
}

/** `POST /workflow-actions/qualify` on the real store and HubSpot. */
export function workflowActionRouterOf(context: ServiceContext): Router {
  return workflowActionRouter({ config: context.config, ports: workflowActionPorts(context) });
}
