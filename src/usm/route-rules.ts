import type { components } from '../generated/config.js';
import { PROCESS_OF_TYPE, SUPPLIER_FORK_STEPS, supplierForkStep, type CallType, type Position, type SupplierForkStep } from './usm-model.js';

type RouteConfig = components['schemas']['RouteConfig'];

/** The fork step an automatic route uses for a call of this type: its `at`, else the first supplier fork step of the type's process. */
export function routeForkStep(route: RouteConfig, type: CallType): SupplierForkStep | undefined {
  if (route.at !== undefined) return supplierForkStep(route.at);
  return SUPPLIER_FORK_STEPS.find((f) => f.process === PROCESS_OF_TYPE[type]);
}

/** The sub-call type at a fork step: the route's, if that step allows it, else the step's default. */
export function subCallTypeAt(step: SupplierForkStep, wanted: CallType | undefined): CallType | undefined {
  if (wanted === undefined) return step.types[0];
  return step.types.includes(wanted) ? wanted : undefined;
}

/**
 * The fork step of an automatic route for a call of this type, or undefined when the route cannot
 * fork such a call by itself. An automatic route forks a call in its own process: the gateway walks
 * a new call there without a branch, and the steps of other processes are reached only through the
 * desk's decision at a fork (incident, risk) or after whole processes (plans, approvals) that no desk
 * saw (wish, rfc).
 */
export function autoForkStep(route: RouteConfig, type: CallType): SupplierForkStep | undefined {
  const step = routeForkStep(route, type);
  return step !== undefined && step.process === PROCESS_OF_TYPE[type] && subCallTypeAt(step, route.subCallType) !== undefined ? step : undefined;
}

export function routeMatches(route: RouteConfig, service: string, type: CallType): boolean {
  return route.service === service && (route.callTypes === undefined || route.callTypes.includes(type));
}

/** Why a route cannot work, as the config key and a message; undefined when it can. */
export function routeProblem(route: RouteConfig): { key: string; message: string } | undefined {
  if (route.at !== undefined && supplierForkStep(route.at as Position) === undefined) {
    return { key: 'at', message: `${route.at.process} ${route.at.step} is not a step where USM hands work to a supplier` };
  }
  for (const type of route.callTypes ?? []) {
    const step = routeForkStep(route, type);
    if (route.mode === 'auto' && step === undefined) return { key: 'at', message: `a ${type} never reaches a supplier fork step` };
    if (route.mode === 'auto' && step !== undefined && step.process !== PROCESS_OF_TYPE[type]) {
      return { key: 'at', message: `an automatic route forks ${type} calls in their own process (${PROCESS_OF_TYPE[type]}), not at ${step.process} ${step.step}` };
    }
    if (step !== undefined && route.subCallType !== undefined && subCallTypeAt(step, route.subCallType) === undefined) {
      return { key: 'subCallType', message: `a ${route.subCallType} cannot be raised at ${step.process} ${step.step}` };
    }
  }
  return undefined;
}
