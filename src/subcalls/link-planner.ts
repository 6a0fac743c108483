import { currentPosition, waitsOnTriggered } from '../usm/call-lifecycle.js';
import type { CallRecord } from '../ports/call.js';
import { supplierForkStep, type CallType, type Position } from '../usm/usm-model.js';
import type { RouteConfig } from '../config/load-config.js';
import { serviceLevelsFor, type Underpinning } from '../agreements/agreement-registry.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { PartnerDirectory } from '../partners/partner-directory.js';
import { autoForkStep, routeMatches, subCallTypeAt } from '../usm/route-rules.js';
import { outsideValidity } from '../usm/validity.js';

/** Everything needed to raise one sub-call at a supplier. */
export interface ForkPlan {
  readonly supplier: string;
  readonly service: string;
  readonly agreement: string;
  readonly type: CallType;
  readonly at: Position;
  readonly onSupplierResolved: 'resume' | 'resolve';
  readonly relayNotes: boolean;
  /** An internal team's sub-call, worked at our desk under its operational agreement's levels. */
  readonly team?: { readonly serviceLevels: Underpinning['serviceLevels'] };
  readonly summary?: string;
  readonly description?: string;
}

export interface ForkRequest {
  readonly supplier: string;
  readonly service?: string;
  readonly agreement?: string;
  readonly type?: CallType;
  readonly summary?: string;
  readonly description?: string;
}

export interface LinkPlanner {
  /** The automatic route for a new call, with the step to fork at. */
  autoRoute(call: CallRecord): { route: RouteConfig; at: Position } | undefined;
  /** Checks a fork the desk (or a rule) asks for at the call's current step and fills in the route's defaults. */
  plan(call: CallRecord, request: ForkRequest, underpinning: readonly Underpinning[]): ForkPlan;
}

export function createLinkPlanner(options: {
  readonly routes: readonly RouteConfig[];
  readonly partners: PartnerDirectory;
  /** Internal teams: suppliers without a gateway. */
  readonly teams?: readonly { readonly id: string }[];
  readonly now?: () => number;
}): LinkPlanner {
  const now = options.now ?? Date.now;
  const { routes, partners } = options;
  const teams = new Set((options.teams ?? []).map((t) => t.id));
  return {
    autoRoute(call) {
      for (const route of routes) {
        if (route.mode !== 'auto' || !routeMatches(route, call.service, call.type)) continue;
        // A route for every call type may name a step some types never walk to: those stay with the desk.
        const step = autoForkStep(route, call.type);
        if (step !== undefined) return { route, at: { process: step.process, step: step.step } };
      }
      return undefined;
    },
    plan(call, request, underpinning) {
      const position = currentPosition(call.lifecycle);
      const step = supplierForkStep(position);
      if (step === undefined) {
        throw new GatewayError('USM_ERR_FORK_NOT_ALLOWED', `USM hands no work to suppliers at ${position.process} ${position.step}`);
      }
      if (call.lifecycle.status !== 'inProgress' && call.lifecycle.status !== 'held') {
        throw new GatewayError('USM_ERR_FORK_NOT_ALLOWED', `the call is ${call.lifecycle.status}`);
      }
      if (waitsOnTriggered(call.lifecycle)) {
        throw new GatewayError('USM_ERR_FORK_NOT_ALLOWED', `the call waits on its triggered ${call.lifecycle.triggered!.type}: fork that call`);
      }
      const supplier = partners.get(request.supplier);
      const team = teams.has(request.supplier);
      if (!team && supplier === undefined) throw new GatewayError('USM_ERR_ROUTE_NOT_FOUND', `${request.supplier} is not a supplier with a gateway or a team`);
      if (!team && (supplier === undefined || !supplier.roles.includes('supplier') || supplier.url === undefined)) {
        throw new GatewayError('USM_ERR_ROUTE_NOT_FOUND', `${request.supplier} is not a supplier with a gateway`);
      }
      const route = routes.find(
        (r) => r.supplier === request.supplier && routeMatches(r, call.service, call.type) && (request.service === undefined || r.supplierService === request.service),
      );
      const service = request.service ?? route?.supplierService;
      if (service === undefined) throw new GatewayError('USM_ERR_ROUTE_NOT_FOUND', `no route from ${call.service} to ${request.supplier}: name the supplier service`);
      const agreementId = request.agreement ?? route?.agreement ?? underpinning.find((u) => u.supplier === request.supplier && u.services.includes(service))?.id;
      const agreement = underpinning.find((u) => u.id === agreementId);
      if (agreement === undefined || agreement.supplier !== request.supplier || agreement.status !== 'active' || !agreement.services.includes(service)) {
        throw new GatewayError('USM_ERR_ROUTE_NOT_FOUND', `no active underpinning agreement with ${request.supplier} covers ${service}`);
      }
      const outside = outsideValidity(agreement, now());
      if (outside !== undefined) throw new GatewayError('USM_ERR_AGREEMENT_OUTSIDE_VALIDITY', `underpinning agreement ${agreement.id} is not in force: ${outside}`);
      if (supplier?.links !== undefined && !supplier.links.some((l) => l.supplier === request.supplier && l.agreement === agreement.id && l.services.includes(service))) {
        throw new GatewayError('USM_ERR_ROUTE_NOT_FOUND', `the network directory allows no link with ${request.supplier} under ${agreement.id} for ${service}`);
      }
      const type = subCallTypeAt(step, request.type ?? route?.subCallType);
      if (type === undefined) throw new GatewayError('USM_ERR_FORK_NOT_ALLOWED', `a ${request.type} cannot be raised at ${position.process} ${position.step}`);
      return {
        supplier: request.supplier,
        service,
        agreement: agreement.id,
        type,
        at: position,
        onSupplierResolved: route?.onSupplierResolved ?? 'resume',
        relayNotes: route?.relayNotes ?? false,
        ...(team ? { team: { serviceLevels: serviceLevelsFor(agreement, service) } } : {}),
        ...(request.summary !== undefined ? { summary: request.summary } : {}),
        ...(request.description !== undefined ? { description: request.description } : {}),
      };
    },
  };
}
