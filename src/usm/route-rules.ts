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
    if (route.mode === 'auto' && (step === undefined || step.process !== PROCESS_OF_TYPE[type])) {
      return { key: 'at', message: `a ${type} never reaches a supplier fork step${route.at ? ` at ${route.at.process} ${route.at.step}` : ''}` };
    }
    if (step !== undefined && route.subCallType !== undefined && subCallTypeAt(step, route.subCallType) === undefined) {
      return { key: 'subCallType', message: `a ${route.subCallType} cannot be raised at ${step.process} ${step.step}` };
    }
  }
  return undefined;
}
