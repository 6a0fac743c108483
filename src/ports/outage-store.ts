/**
 * An outage of a service under an agreement, for its availability: an incident call the desk
 * flagged as an outage (from the call's start to its resolution), or a window the desk declared.
 */
export interface ServiceOutage {
  readonly id: string;
  readonly agreement: string;
  readonly service: string;
  readonly source: 'incident' | 'declared';
  /** The incident call (`source: incident`). */
  readonly callId?: string;
  /** A declared window; an open one (no `endAt`) lasts until now. */
  readonly startAt?: string;
  readonly endAt?: string;
  readonly reason?: string;
  readonly createdAt: string;
}

export interface OutageStore {
  addOutage(outage: ServiceOutage): Promise<void>;
  /** The outages recorded under an agreement, in the order they were recorded. */
  outagesOf(agreement: string): Promise<ServiceOutage[]>;
}
