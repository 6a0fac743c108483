// Generated from openapi/usm-link.yaml by scripts/generate-types.ts. Do not edit; run `npm run generate`.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up. */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the store answers, the signing key is loaded, for a gateway following a network directory one is held and not expired, and for a gateway with `evidence.tsa` its checkpoints have not gone unstamped for longer than `maxFailureMinutes`. */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics in the Prometheus text format (docs/deploy.md lists them), for admins.
         * @description The gateway's counters, gauges and histograms (`usm_link_*`) and its process's
         *     (`process_*`, `nodejs_*`), in the Prometheus text exposition format 0.0.4. The queue gauges
         *     are read from the store at most once a second. `metrics.listen` in the config serves the
         *     same text without a token on an address of its own (127.0.0.1 by default).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document. */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys this gateway signs receipts and messages with. */
        get: operations["getGatewayKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/usm-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who this gateway is, where its API and keys are, and which protocol versions it speaks. */
        get: operations["getDiscovery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/usm-link-directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The network directory this gateway serves, as its operator signed it.
         * @description The file `network.serveFile` names, byte for byte: a compact JWS (`typ`
         *     `usm-link-directory+jws`) made by `usm-link network publish` and checked with
         *     `usm-link network verify` (docs/directory.md). The file is read on every request.
         */
        get: operations["getNetworkDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Gateway-to-gateway inbox for signed messages between linked gateways.
         * @description `call.update`: a supplier's gateway reports status changes, public notes, requests for
         *     information, resolutions and service-level breaches of a sub-call. Updates carry a per-call
         *     sequence number: an update that arrives early is held back until the gap is filled, an old
         *     one is never applied over a newer one.
         *
         *     `agreement.propose`, `agreement.counter`, `agreement.accept`, `agreement.reject`: the two
         *     gateways negotiate an agreement; every version is signed by the party offering it, and the
         *     accepted version by both.
         *
         *     `agreement.terminate`: either party ends the active version of an agreement from a date,
         *     with a notice it signs; `agreement.acknowledge`: the other party's gateway answers it at
         *     once with its own signature over the same notice. Both are kept with the version.
         */
        post: operations["receiveMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Several gateway-to-gateway messages under one signature.
         * @description A gateway sends the messages it has queued for one partner gateway together: `call.submit`
         *     and `call.update`, at most 64, at most one per call. `Usm-Signature` is then a compact JWS
         *     (`typ: usm-link-batch+jws`) whose payload is the manifest `{"iat": <seconds>, "digests":
         *     ["sha-256=...", ...]}`: the SHA-256 of every message's exact text, in order. Each message is
         *     taken as its own endpoint (`POST /v1/calls`, `POST /v1/messages`) takes it, and answered on
         *     its own: the answers are in `results`, in the order of the messages. One receipt statement
         *     covers the messages accepted: its JWS lists the id and digest of each, and each accepted
         *     message's receipt carries that JWS. A message refused is not listed. A gateway that answers this endpoint with `404` is sent messages one by one;
         *     a batch refused whole for its form or size (`400`, `413`) is sent one by one that time.
         */
        post: operations["receiveBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The services the calling customer may use under its active agreements. */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling customer's agreements with this provider. */
        get: operations["listAgreements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements/{agreementId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        /** One of the calling customer's agreements. */
        get: operations["getAgreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements/{agreementId}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        /** The measured availability of each service of one of the calling customer's agreements in a month, against its target. */
        get: operations["getAvailabilityReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling customer's own calls, oldest update first, cursor-paged. */
        get: operations["listCalls"];
        put?: never;
        /** Submit a call (message type `call.submit`). */
        post: operations["submitCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** One of the calling customer's calls. */
        get: operations["getCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** The public status history of one of the calling customer's calls. */
        get: operations["getCallHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** This gateway's part of the chain trace of one of the calling customer's calls, and its suppliers' parts. */
        get: operations["getCallTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}/attachments/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
                sha256: components["parameters"]["Sha256"];
            };
            cookie?: never;
        };
        /**
         * The content of an attachment a call holds, for the parties entitled to it.
         * @description The bytes this gateway fetched and checked (their SHA-256 is the one in the path), for the
         *     call's customer (a public attachment of its own call) or for the supplier of a sub-call of
         *     the call that carried the attachment (the URL a fork or a note to a supplier names). Anyone
         *     else gets 404 `USM_ERR_ATTACHMENT_NOT_FOUND`, as for an attachment the call does not hold.
         */
        get: operations["getCallAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** The public notes on one of the calling customer's calls. */
        get: operations["listCallNotes"];
        put?: never;
        /**
         * Add a note or requested information (message type `call.note`).
         * @description A note of kind `information` on a `pending` call puts it back `inProgress`.
         */
        post: operations["addCallNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a resolution (message type `call.confirm`); the provider closes the call, at once unless its desk works the closing steps. */
        post: operations["confirmResolution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a resolution, reopening the call (message type `call.reopen`). */
        post: operations["rejectResolution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a call that is not yet resolved (message type `call.cancel`). */
        post: operations["cancelCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in person's session, if any (the console asks on load).
         * @description Answers 204 when the request has no session cookie, or one whose session has ended; not being signed in is not an error here.
         */
        get: operations["consoleGetSession"];
        put?: never;
        /**
         * Sign in to the web console, by name and password or with a token.
         * @description With `name` and `password`: a console account (`console.accounts` with a `passwordHash`).
         *     With `token`: a personal token of a console account, or a desk token (role `desk`) or an
         *     admin token (role `admin`), and then `name` is the person the history records (the token's
         *     name when left out). The answer sets the session cookie (`usm_console`: httpOnly,
         *     SameSite=Strict, Secure over TLS) and gives the CSRF token every write in the session sends
         *     in `Usm-Csrf-Token`. Attempts are limited per name and per client address
         *     (`console.signInAttemptsPerMinute`).
         */
        post: operations["consoleSignIn"];
        /** Sign out; the session ends and the cookie is cleared. */
        delete: operations["consoleSignOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The USM model the gateway works calls by: the five processes and their steps, the eight workflows and the forks. */
        get: operations["deskGetModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/find": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calls one id names, whichever id it is.
         * @description Finds the calls whose id, customer's reference (`externalRef`), supplier's call id (a
         *     sub-call's `remoteCallId`) or chain id (`chainId`) is `id`, each with how it matched.
         */
        get: operations["deskFindCalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All calls, oldest update first, filtered and cursor-paged. */
        get: operations["deskListCalls"];
        put?: never;
        /**
         * Raise a call at the desk (taken by phone or e-mail for a customer, or the provider's own).
         * @description The provider raises a call itself, under the same rules as a customer's `call.submit`: the
         *     agreement must be an active agreement of the customer covering the service, the service-level
         *     clock starts, and automatic routes fork it to suppliers. Without `customer` the call is the
         *     provider's own (an internal call, under an agreement whose customer is this gateway's party
         *     id). A call for a customer is the customer's: it sees it through its API like any other, and
         *     the history names the desk as who raised it. A customer that runs a gateway (a partner with
         *     a `url`) did not raise the call there, so its gateway has no sub-call to apply updates to
         *     (it would refuse them, `USM_ERR_LINK_NOT_FOUND`): the gateway sends no `call.update`s about
         *     a desk-raised call, and `externalRef` (`USM_ERR_EXTERNAL_REF_REQUIRED` for `call.submit`)
         *     is not needed; the customer's gateway sees the call by reading `GET /v1/calls`
         *     (`updatedSince`). `externalRef` is kept as a label, e.g. the ticket id the caller gave.
         *     `raisedFrom` names the call whose
         *     evaluate and close step raised this risk (it must be a `risk`; the other call must be at
         *     evaluate and close or closed, else 409 `USM_ERR_ILLEGAL_TRANSITION`), which lists it in
         *     `raised` from the same commit on.
         */
        post: operations["deskRaiseCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** One call with its process, step, workflow and the actions open to the desk. */
        get: operations["deskGetCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** Every step, status and workflow change of a call, with actor and time. */
        get: operations["deskGetCallHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the current step and move to the next; at a fork, name the branch. After the resolution it works the closing steps; completing evaluate and close closes a call whose resolution is confirmed. */
        post: operations["deskAdvanceCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the public status (reject, pending, held, back in progress, cancel, close). */
        post: operations["deskSetStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve the call after its last fulfilment step; the customer then confirms or reopens. */
        post: operations["deskResolveCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** All notes on a call, public and internal. */
        get: operations["deskListCallNotes"];
        put?: never;
        /** Add a public note (the customer sees it) or an internal one. */
        post: operations["deskAddCallNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/attachments/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
                sha256: components["parameters"]["Sha256"];
            };
            cookie?: never;
        };
        /** The content of an attachment a call holds (public or internal). */
        get: operations["deskGetCallAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /**
         * The call's trip through the chain: every gateway it passed, with each hop's times and receipts.
         * @description The gateway asks each supplier's gateway for its part (with a read token), so the trace reaches the end of the chain.
         */
        get: operations["deskGetCallTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/triggered": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Raise the process this call's process triggers as a call of its own; this call waits for it.
         * @description At Agree 6 (an `rfc`), Change 6 (a `service_request`), Recover 5 (an `rfc` or a
         *     `service_request`) and Improve 5 (a `wish`, `rfc` or `service_request`) of the call's own
         *     process, while it is in progress. The triggered call is the provider's own (channel
         *     `internal`), with its own process, steps, service-level clock and history, linked to this call
         *     (`triggeredBy`); this call is `held` at its trigger step until the triggered call ends, in
         *     the same commit. Answers the new call. Elsewhere 409 `USM_ERR_TRIGGER_NOT_ALLOWED`.
         */
        post: operations["deskRaiseTriggeredCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/triggered/{triggeredCallId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
                triggeredCallId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Let this call wait on an open call as its triggered call (one change serving several incidents).
         * @description As raising a triggered call, with an existing call of a type the step raises: this call is
         *     `held` at its trigger step until that call ends, and goes on as it says then. Refused 409
         *     `USM_ERR_TRIGGER_CALL_ENDED` when that call has ended (closed, cancelled or rejected),
         *     `USM_ERR_TRIGGER_CYCLE` when it is this call or waits on it (directly or through other
         *     triggered calls), `USM_ERR_TRIGGER_NOT_ALLOWED` at a step or with a type USM does not trigger.
         *     Answers this call.
         */
        post: operations["deskAttachTriggeredCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/forks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** The sub-calls this call raised at suppliers, with their reported status. */
        get: operations["deskListForks"];
        put?: never;
        /**
         * Hand part of the work to a supplier (escalation) at a step where USM allows it.
         * @description Allowed at Agree 4, Recover 3 and 5, Change 4-6, Operate 4 and Improve 5, while the call is in progress
         *     or held. The gateway raises a sub-call at the supplier's gateway as a signed message, links
         *     it (same chain id) and holds the parent until the supplier reports it resolved.
         */
        post: operations["deskForkCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/forks/{linkId}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a note or requested information to the supplier of a sub-call. */
        post: operations["deskNoteToSupplier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/negotiations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        /** The negotiations opened for a wish (the newest version of each), with the contract once accepted. */
        get: operations["deskListWishNegotiations"];
        put?: never;
        /**
         * At a wish's Agree 4 (draft offer) or 5 (negotiate), propose an underpinning contract to a supplier for it, as its fork.
         * @description The proposal goes to the supplier like `POST /v1/desk/agreements` and every version of the
         *     negotiation names the wish (`forCall`). A call that is not a wish at Agree 4 or 5 (in
         *     progress or held) is refused with 409 `USM_ERR_FORK_NOT_ALLOWED`. Once the supplier
         *     accepts, the contract is an underpinning agreement like any other: the wish's sub-calls
         *     may fall under it. The wish is `held` while the negotiation is open (in the same commit as
         *     the proposal, a history entry naming it) and goes back `inProgress` at its step when the
         *     contract is accepted or rejected, in the same commit as that answer.
         */
        post: operations["deskOpenWishNegotiation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/forks/{linkId}/work": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Work an internal team's sub-call at this desk (its status, a note, its resolution); no message is sent.
         * @description Only a team's sub-call (`team` in its view), while it is open; else 409
         *     `USM_ERR_ILLEGAL_TRANSITION`. `resolved` needs `resolution` (400 `USM_ERR_VALIDATION`). When
         *     the last open sub-call is fulfilled, the parent goes on as with a supplier's update.
         */
        post: operations["deskWorkTeamFork"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/calls/{callId}/forks/{linkId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a sub-call at the supplier. */
        post: operations["deskCancelFork"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agreements negotiated across the link, as customer and as provider (the newest version of each). */
        get: operations["deskListAgreements"];
        put?: never;
        /**
         * Propose an agreement to a supplier, or as provider to a customer (or a new version of an existing one); this side signs it.
         * @description Name `provider` (a supplier with a gateway: this gateway is the customer) or `customer` (a
         *     customer with a gateway: this gateway is the provider, and the services must be its own),
         *     never both: else 400 `USM_ERR_VALIDATION`. The other party answers it as any offer (accept,
         *     reject or counter).
         */
        post: operations["deskProposeAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/configured-agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agreements written in this gateway's config: as provider (`agreements`) and as customer of a supplier (`underpinning`). Not negotiated: no versions or signatures. */
        get: operations["deskListConfiguredAgreements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/agreements/{agreementId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        /** Every version of a negotiated agreement, oldest first. */
        get: operations["deskGetAgreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/agreements/{agreementId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the other party's offer; this side signs it too and it becomes active on both sides. */
        post: operations["deskAcceptAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/agreements/{agreementId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject the other party's offer. */
        post: operations["deskRejectAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/agreements/{agreementId}/counter": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the other party's offer with other terms (a new version, signed by this side). */
        post: operations["deskCounterAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/agreements/{agreementId}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate the active version of an agreement from a date; this side signs the notice and the other party acknowledges it.
         * @description Either party may terminate. Calls under the agreement are accepted until `effectiveAt` and
         *     refused from then on (422 `USM_ERR_AGREEMENT_TERMINATED`). `effectiveAt` may not be in the
         *     past (400 `USM_ERR_VALIDATION`); an agreement without an active version, or terminated
         *     already, is refused with 409 `USM_ERR_CONFLICT`.
         */
        post: operations["deskTerminateAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/agreements/{agreementId}/outages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        /** The outages recorded under an agreement (any agreement this gateway holds, from the config file or negotiated), oldest first. */
        get: operations["deskListOutages"];
        put?: never;
        /**
         * Flag an incident under the agreement as an outage, or declare an outage window of one of its services.
         * @description `callId`: an incident call under this agreement; the outage lasts from the call's creation
         *     to its resolution (until now while it is unresolved). A call that is not an incident is
         *     refused with 400 `USM_ERR_VALIDATION`, one under another agreement with 422
         *     `USM_ERR_AGREEMENT_INVALID`, one flagged already with 409 `USM_ERR_CONFLICT`.
         *     `service` and `startAt` (and `endAt`, open while it lasts): a declared window of one of the
         *     agreement's services. Give one or the other, else 400 `USM_ERR_VALIDATION`.
         */
        post: operations["deskAddOutage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/agreements/{agreementId}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        /** The measured availability of each service of an agreement in a month, against its target. */
        get: operations["deskAvailabilityReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/log/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest signed checkpoint of this gateway's message log, or the one of a tree size.
         * @description A checkpoint is signed for every commit batch that appended to the log (docs/protocol.md,
         *     "The message log"). Any partner with a read token may read it: it states only the log's
         *     size, root hash and time.
         */
        get: operations["getLogCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/log/cosignature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This gateway's newest cosignature of a checkpoint of the caller's own message log.
         * @description As the witness of its partners' logs (docs/protocol.md, "Witnessing"), the gateway
         *     cosigns each checkpoint of a partner's log it checked and kept. The caller fetches the
         *     newest cosignature of its own log, checks it with this gateway's keys and keeps it
         *     (404 `USM_ERR_COSIGNATURE_NOT_FOUND` before the first).
         */
        get: operations["getLogCosignature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/log/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The proof that one of the caller's messages is record `index` (or the record of message `messageId`) of the log of `treeSize` records.
         * @description RFC 9162 section 2.1.3: the record (from which the caller computes its leaf hash), the
         *     audit path, and the checkpoint of that tree size when one was signed. Only for a record of a
         *     message the caller sent or was sent (403 `USM_ERR_FORBIDDEN` otherwise). Without
         *     `treeSize`, against the newest checkpoint. Name the record by exactly one of `index` and
         *     `messageId` (400 `USM_ERR_VALIDATION` otherwise): `messageId` finds the record of a message
         *     the caller sent (its envelope's `id`) or was sent, for a receipt that came without its
         *     `logIndex`; 404 `USM_ERR_LOG_RECORD_NOT_FOUND` while no record of such a message of the
         *     caller's is in the log (it may still be on its way in, or not be the caller's).
         */
        get: operations["getLogInclusionProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/log/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The proof that the log of `from` records is a prefix of the log of `to` records.
         * @description RFC 9162 section 2.1.4. Hashes only: any partner with a read token may ask, so that it can
         *     check each new checkpoint against the last one it kept (a log cut back or rewritten fails).
         */
        get: operations["getLogConsistencyProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The message log, newest record first: every record, or those of one message id or one call.
         * @description `messageId` finds the records of a message (sent or received; one id may be logged once each
         *     way); `callId` those of the messages received for one of this gateway's calls or sent about
         *     it. Paged by `before`: the records with a smaller index (the answer's `next`, absent on the
         *     last page). With the size of the log and its newest checkpoint.
         */
        get: operations["adminListLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/log/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The proof that record `index` is in the log of the newest checkpoint (RFC 9162 section 2.1.3), for any record.
         * @description As `GET /v1/log/proofs/inclusion`, for an operator: any record, against the newest
         *     checkpoint (404 `USM_ERR_CHECKPOINT_NOT_FOUND` before the first, `USM_ERR_LOG_RANGE` for a
         *     record not under it yet).
         */
        get: operations["adminGetLogInclusionProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/log/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Checks the whole log as `usm-link verify-log` does: every record's leaf hash, the stored subtrees, and the root against the newest checkpoint.
         * @description Reads every record, oldest first, into memory (for a very large log, check a copy offline
         *     with `usm-link verify-log`). `ok: false` names the first record that fails and why; the answer is 200 either way.
         */
        get: operations["adminVerifyLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages to partner gateways that were given up after the last attempt or past their age. */
        get: operations["adminListDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dead-letters/{messageId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a dead letter again (same message id, so the receiver applies it at most once). */
        post: operations["adminReplayDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue every dead letter again (of one partner, with `partner`), oldest first, at most `limit`. */
        post: operations["adminReplayDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/retention/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Purge now what closed calls hold past their agreement's retention time.
         * @description What the periodic purge does (every `retention.intervalSeconds`), run at once: every call
         *     ended (closed, cancelled, rejected) longer ago than its agreement's `retention` (or
         *     `retention.default`) loses its message bodies, its notes' text and its requester's details,
         *     each when its time is up, one call per transaction. The message log keeps every record's
         *     digest, signature and receipt, so `verify-log` and inclusion proofs still hold. Nothing is
         *     purged when no retention is configured.
         */
        post: operations["adminPurgeRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/retention/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase one requester's details from every call of theirs (GDPR article 17).
         * @description Names the requester by `id` or by `email` (any case), exactly one. From every call whose
         *     requester that is, open or ended: the requester becomes `[removed]`, their name, e-mail
         *     address, phone and id are replaced by `[removed]` wherever the call's notes, history,
         *     events, sub-calls and desk ticket quote them, and the call's message bodies and answers
         *     are purged (they hold the requester too), with its attachments' content unless another
         *     call still holds the same bytes. The message log is untouched and stays
         *     verifiable: its records hold digests and signatures, no body. The erasure is recorded
         *     (who asked, when, which calls, how many messages and notes) without the data it removed.
         *     Erasing a requester with no calls records an erasure that reached none.
         */
        post: operations["adminEraseRequester"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/partners/{partnerId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnerId: components["parameters"]["PartnerId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause delivery to a partner gateway; its messages stay queued until it is resumed.
         * @description Stored, so the pause holds across restarts and for every replica. Pausing a paused partner changes nothing.
         */
        post: operations["adminPausePartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/partners/{partnerId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnerId: components["parameters"]["PartnerId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume delivery to a paused partner gateway; its queue is sent at once. */
        post: operations["adminResumePartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhook-dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook events given up after the last attempt, kept with their last error until replayed. */
        get: operations["adminListWebhookDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhook-dead-letters/{deadLetterId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deadLetterId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver a webhook dead letter's event to its subscription once more, signed as usual.
         * @description The event goes with its own id (`Usm-Event-Id`), so a receiver that has it already can tell.
         *     Received (any 2xx): the dead letter is removed. Not received: it is kept, with this attempt's error.
         */
        post: operations["adminReplayWebhookDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/neighbours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This gateway's partner gateways: reachability, last message each way, queue depth and circuit state. */
        get: operations["adminListNeighbours"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The network directory this gateway follows (config `network.url`): its version, how the last refresh went, and each partner's source. */
        get: operations["adminGetDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/directory/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch and check the network directory now, rather than at the next `network.refreshSeconds`.
         * @description Fetches the operator's document (on this replica, whichever holds the fetch lease), checks it as
         *     every refresh does and answers with the status after it. A document refused is reported in
         *     `lastRefresh` (outcome `refused` and its code), and the last good one is kept: the answer is 200 either way.
         */
        post: operations["adminRefreshDirectory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the config file again and take its partners, keys, routes, services and agreements, without a restart.
         * @description The same as sending the process `SIGHUP`. Everything of the new file is read and checked first
         *     (partners' keys, fetched JWKS, the signing key and `signing.next`); then partners, keys, routes,
         *     services and agreements are swapped at once. A request already running finishes on the config it
         *     started with. A file that fails is refused (422 `USM_ERR_RELOAD_REFUSED`, `errors[0].path` naming
         *     the key) and the config of now kept. Changed keys a reload does not take (listen address, storage,
         *     limits, ...) are listed in `restartNeeded`.
         */
        post: operations["adminReload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages waiting for delivery to partner gateways. */
        get: operations["adminListOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions for call events. */
        get: operations["deskListWebhooks"];
        put?: never;
        /**
         * Subscribe a callback URL to call events.
         * @description Each delivery is a POST of one event. In the `usm-link` format (the default) it is the event
         *     as JSON with the header
         *     `Usm-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>`
         *     (the webhook `callEvent`); in the `cloudevents` format it is a CloudEvent 1.0 in structured
         *     JSON mode signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
         *     `webhook-signature`; the webhook `callCloudEvent`), and the secret must be a Standard
         *     Webhooks secret (`whsec_<base64>`). Deliveries to one subscription are made in event order
         *     and retried with backoff.
         */
        post: operations["deskCreateWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /** One subscription with its delivery state. */
        get: operations["deskGetWebhook"];
        put?: never;
        post?: never;
        /** Remove a subscription. */
        delete: operations["deskDeleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/webhooks/{webhookId}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a secret to a subscription (rotation), naming when its other secrets stop.
         * @description From now on every delivery is signed with the new secret and with each other live secret
         *     until `previousExpiresAt` (default: 24 hours from now; a time already past retires them at
         *     once): a receiver switches to the new secret within that overlap. A subscription has at
         *     most two live secrets; with two, retire one first (409 `USM_ERR_WEBHOOK_SECRET_LIMIT`). The
         *     secret is never returned.
         */
        post: operations["deskAddWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/desk/webhooks/{webhookId}/secrets/{secretId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: components["schemas"]["Uuid"];
                secretId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Retire one of a subscription's live secrets now.
         * @description Deliveries are no longer signed with it. The last live secret cannot be retired (409
         *     `USM_ERR_WEBHOOK_LAST_SECRET`); retiring the new secret during an overlap calls the
         *     rotation off (the other one stays, without an end).
         */
        delete: operations["deskRetireWebhookSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    callEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One call event, delivered to a desk webhook subscription.
         * @description The `usm-link` format. Signed with `Usm-Webhook-Signature: t=<unix seconds>,v1=<hex
         *     HMAC-SHA256 of "<t>.<body>">` keyed with the subscription's secret, one `v1=` for each live
         *     secret (two while a rotation overlaps); `Usm-Event-Id` and `Usm-Event-Type` name the event.
         *     Any 2xx acknowledges it; anything else is retried with backoff, in order.
         */
        post: operations["deliverCallEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    callCloudEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One call event as a CloudEvent, delivered to a subscription of the `cloudevents` format.
         * @description A CloudEvent 1.0 in structured JSON mode, signed per Standard Webhooks: the signed content is
         *     `<webhook-id>.<webhook-timestamp>.<body>`, its HMAC-SHA256 keyed with the base64-decoded
         *     part of the `whsec_` secret, sent as `v1,<base64>`; while a rotation overlaps, one such
         *     signature for each live secret, separated by spaces. `webhook-id` is the event id, the same
         *     on every retry and replay (deduplicate on it). Receivers should refuse a `webhook-timestamp`
         *     more than 5 minutes from their clock (the specification's tolerance). Any 2xx
         *     acknowledges it; anything else is retried with backoff, in order.
         */
        post: operations["deliverCallCloudEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            /**
             * @description Stable machine-readable error code, `USM_ERR_*`; each code always comes with the same
             *     `status` (the table of every code, its status and meaning is in `docs/protocol.md`).
             */
            code: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "unavailable";
            checks: {
                [key: string]: "ok" | "failing";
            };
            /** @description Why a check fails, for the checks that may say so in public: `directory` (a gateway that follows a network directory) when none was accepted yet or the last good one has expired; `timestamping` (a gateway with `evidence.tsa`) when no checkpoint could be timestamped for longer than `maxFailureMinutes` and writes are refused. */
            details?: {
                [key: string]: string;
            };
        };
        Jwks: {
            keys: {
                [key: string]: unknown;
            }[];
        };
        Uuid: string;
        /** @description A party (provider, customer, supplier) in the network. */
        PartyId: string;
        ResourceId: string;
        /** @enum {string} */
        CallType: "wish" | "rfc" | "service_request" | "incident" | "risk";
        /** @enum {string} */
        ProcessName: "agree" | "change" | "recover" | "operate" | "improve";
        /** @enum {string} */
        PublicStatus: "acknowledged" | "rejected" | "inProgress" | "pending" | "held" | "resolved" | "closed" | "cancelled";
        /** @enum {string} */
        Level: "high" | "medium" | "low";
        Priority: number;
        /** @enum {string} */
        Branch: "agree" | "change" | "operate";
        /** @enum {string} */
        MessageType: "call.submit" | "call.note" | "call.confirm" | "call.reopen" | "call.cancel" | "call.update" | "agreement.propose" | "agreement.counter" | "agreement.accept" | "agreement.reject" | "agreement.terminate" | "agreement.acknowledge";
        /** @description The uniform message every partner write travels in. */
        Envelope: {
            /** @description The message id, a UUIDv7, unique per sender. */
            id: string;
            type: components["schemas"]["MessageType"];
            from: components["schemas"]["PartyId"];
            to: components["schemas"]["PartyId"];
            /** Format: date-time */
            time: string;
            chainId: components["schemas"]["Uuid"];
            correlationId?: components["schemas"]["Uuid"];
            /** @description The gateways a call passed on its way here, first first; a gateway refuses a call that already passed it. */
            hops?: components["schemas"]["PartyId"][];
            data: {
                [key: string]: unknown;
            };
        };
        Requester: {
            name: string;
            id?: string;
            /** Format: email */
            email?: string;
            phone?: string;
        };
        Attachment: {
            /** Format: uri */
            url: string;
            sha256: string;
            size: number;
            mediaType: string;
            name?: string;
        };
        AttachmentList: components["schemas"]["Attachment"][];
        /**
         * @description An attachment a call holds at this gateway: the reference it came with, whether this gateway
         *     fetched it and found the declared size and SHA-256 (`verified`; false only for attachments
         *     taken before gateways checked them), when and by whom it was added, and the note it came
         *     with. The desk also sees `visibility` (an attachment of an internal note, or sent to a
         *     supplier, is internal) and `sentTo`, the sub-calls it was sent to.
         */
        HeldAttachment: {
            url: string;
            sha256: string;
            size: number;
            mediaType: string;
            name?: string;
            verified: boolean;
            /** Format: date-time */
            addedAt?: string;
            addedBy?: components["schemas"]["Actor"];
            noteId?: components["schemas"]["Uuid"];
            /** @enum {string} */
            visibility?: "public" | "internal";
            sentTo?: string[];
        };
        CallSubmission: {
            type: components["schemas"]["CallType"];
            service: components["schemas"]["ResourceId"];
            agreement: components["schemas"]["ResourceId"];
            summary: string;
            description?: string;
            impact: components["schemas"]["Level"];
            urgency: components["schemas"]["Level"];
            requester: components["schemas"]["Requester"];
            attachments?: components["schemas"]["AttachmentList"];
            /** @description The customer's own ticket id. */
            externalRef?: string;
        };
        NoteSubmission: {
            text: string;
            /**
             * @description `information` answers a request for information and resumes a `pending` call.
             * @default comment
             * @enum {string}
             */
            kind: "comment" | "information";
            /** @description Attachments added to the call with the note, checked as those of a submission. */
            attachments?: components["schemas"]["AttachmentList"];
        };
        ConfirmSubmission: {
            feedback?: string;
        };
        ReopenSubmission: {
            reason: string;
        };
        CancelSubmission: {
            reason?: string;
        };
        /** @description A supplier's report on a sub-call, sent to the customer's gateway. */
        CallUpdate: {
            callId: components["schemas"]["Uuid"];
            /** @description The customer's own id for the call. */
            externalRef: string;
            /** @description Per-call sequence number of this update. */
            seq: number;
            status: components["schemas"]["PublicStatus"];
            note?: {
                text: string;
                /** @enum {string} */
                kind: "comment" | "information" | "request";
                /** @description Attachments that came with the note, at the supplier's gateway (the customer's gateway fetches and checks them). */
                attachments?: components["schemas"]["AttachmentList"];
            };
            resolution?: {
                summary: string;
            };
            /** @description The service-level targets this call has missed so far. */
            slaBreaches?: ("response" | "resolution")[];
        };
        MessageBatch: {
            messages: {
                /** @description One envelope, as its exact JSON text (its digest is over these bytes, UTF-8). */
                message: string;
                /** @description W3C traceparent of the message, as its own request would carry it. */
                traceparent?: string;
            }[];
        };
        MessageBatchResults: {
            results: {
                /** @description The HTTP status the message's own endpoint would have answered. */
                status: number;
                /** @description That endpoint's answer (with the receipt), or a problem document. */
                body: {
                    [key: string]: unknown;
                };
            }[];
        };
        InboxAccepted: {
            receipt: components["schemas"]["Receipt"];
            /** @description For call.update: false when held back for an earlier update, or older than what was applied. */
            applied?: boolean;
            agreement?: components["schemas"]["NegotiatedAgreement"];
        };
        ServiceLevels: {
            /**
             * @description When the service-level clock runs. Either `24x7` (always), or days, hours and a time zone:
             *
             *         support-hours = "24x7" / days SP time "-" time SP zone
             *         days          = day-range *("," day-range)
             *         day-range     = day ["-" day]          ; the second day not before the first
             *         day           = "Mo" / "Tu" / "We" / "Th" / "Fr" / "Sa" / "Su"
             *         time          = 2DIGIT ":" 2DIGIT      ; 00:00 to 24:00, the start before the end
             *         zone          = an IANA time zone name, e.g. Europe/Amsterdam, or UTC
             *
             *     e.g. `Mo-Fr 08:00-18:00 Europe/Amsterdam` or `Mo,We,Fr 07:30-16:00 UTC`. The hours are
             *     local time in the zone on each of the days. Support hours that do not follow this (or
             *     name a zone the gateway does not know) are refused with 400 `USM_ERR_VALIDATION`.
             */
            supportHours: string;
            availability?: number;
            /** @description How long (hours on the clock, not support hours) a resolved call waits for the customer to confirm or reject it; then the provider closes it. Never, when absent. */
            confirmationHours?: number;
            onRejection?: components["schemas"]["RejectionReturn"];
            targets: components["schemas"]["ServiceLevelTarget"][];
        };
        AgreementTerms: {
            services: components["schemas"]["ResourceId"][];
            serviceLevels: components["schemas"]["ServiceLevels"];
            /**
             * Format: date-time
             * @description From when calls are taken under the agreement (inclusive); open when absent.
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description Until when calls are taken under the agreement (exclusive); open when absent.
             */
            validUntil?: string;
            serviceLevelsByService?: components["schemas"]["ServiceLevelsByService"];
        };
        /**
         * @description What both parties sign, exactly as serialised in `AgreementOffer.document`: one JSON text
         *     (RFC 8259, UTF-8) whose value is this object, nothing before or after it. Gateways write it
         *     without insignificant whitespace, members in the order `id`, `version`, `provider`,
         *     `customer`, `services`, `serviceLevels`, then `validFrom`, `validUntil` and `serviceLevelsByService` when the terms set them, e.g.
         *     `{"id":"muni-hosting","version":1,"provider":"shared-services","customer":"municipality","services":["hosting"],"serviceLevels":{"supportHours":"24x7","targets":[{"priority":2,"responseMinutes":10,"resolutionMinutes":120}]}}`;
         *     a receiver takes any member order, and the signatures cover the exact bytes. `version`
         *     counts the versions of `id` from 1. An offer whose document is not such a text, or breaks
         *     the bounds of its `serviceLevels`, is refused with 400 `USM_ERR_VALIDATION`.
         */
        AgreementDocument: {
            id: components["schemas"]["ResourceId"];
            version: number;
            provider: components["schemas"]["PartyId"];
            customer: components["schemas"]["PartyId"];
            services: components["schemas"]["ResourceId"][];
            serviceLevels: components["schemas"]["ServiceLevels"];
            /**
             * Format: date-time
             * @description From when calls are taken under the agreement (inclusive); open when absent.
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description Until when calls are taken under the agreement (exclusive); open when absent.
             */
            validUntil?: string;
            serviceLevelsByService?: components["schemas"]["ServiceLevelsByService"];
        };
        AgreementOffer: {
            /** @description The AgreementDocument as JSON text (a JSON object, see `AgreementDocument`), signed as these exact bytes. */
            document: string;
            /** @description Detached JWS of the offering party over `document`. */
            signature: string;
        };
        AgreementAcceptance: {
            id: components["schemas"]["ResourceId"];
            version: number;
            /** @description Detached JWS of the accepting party over the offered `document`. */
            signature: string;
        };
        AgreementRejection: {
            id: components["schemas"]["ResourceId"];
            version: number;
            reason?: string;
        };
        AgreementTermination: {
            /** @description The TerminationNotice as JSON text, signed as these exact bytes. */
            notice: string;
            /** @description Detached JWS of the terminating party over `notice`. */
            signature: string;
        };
        /**
         * @description What the terminating party signs: `{id, version, terminatedBy, effectiveAt, reason?}` as one
         *     JSON text (gateways write it without insignificant whitespace, in this member order).
         *     `version` is the active version being ended.
         */
        TerminationNotice: {
            id: components["schemas"]["ResourceId"];
            version: number;
            terminatedBy: components["schemas"]["PartyId"];
            /** Format: date-time */
            effectiveAt: string;
            reason?: string;
        };
        TerminationAcknowledgement: {
            id: components["schemas"]["ResourceId"];
            version: number;
            /** @description Detached JWS of the acknowledging party over the termination `notice`. */
            signature: string;
        };
        TerminateAgreementRequest: {
            /**
             * Format: date-time
             * @description From when calls under the agreement are refused.
             */
            effectiveAt: string;
            reason?: string;
        };
        /** @description The termination of an active version, with the notice, its signature and the other party's acknowledgement. */
        Termination: {
            by: components["schemas"]["PartyId"];
            /** Format: date-time */
            effectiveAt: string;
            reason?: string;
            notice: string;
            signature: string;
            /**
             * Format: date-time
             * @description When the notice was made (the terminating side) or received (the other side).
             */
            at: string;
            acknowledgement?: {
                by: components["schemas"]["PartyId"];
                signature: string;
                /** Format: date-time */
                at: string;
            };
        };
        /**
         * @description One version of an agreement negotiated across the link. An active version that was
         *     terminated carries `termination`; from its `effectiveAt` its status is `terminated`.
         */
        NegotiatedAgreement: {
            id: string;
            version: number;
            provider: components["schemas"]["PartyId"];
            customer: components["schemas"]["PartyId"];
            /** @enum {string} */
            status: "proposed" | "countered" | "active" | "rejected" | "superseded" | "terminated";
            termination?: components["schemas"]["Termination"];
            /** @description This side's wish whose Agree 4-5 opened the negotiation (not part of the signed document). */
            forCall?: string;
            services: string[];
            serviceLevels: components["schemas"]["ServiceLevels"];
            /**
             * Format: date-time
             * @description From when calls are taken under the agreement (inclusive); open when absent.
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description Until when calls are taken under the agreement (exclusive); open when absent.
             */
            validUntil?: string;
            serviceLevelsByService?: components["schemas"]["ServiceLevelsByService"];
            offeredBy: components["schemas"]["PartyId"];
            document: string;
            signatures: {
                customer?: string | null;
                provider?: string | null;
            };
            reason?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description The terms this provider proposes to a supplier for a wish. */
        WishNegotiationRequest: {
            id?: components["schemas"]["ResourceId"];
            provider: components["schemas"]["PartyId"];
            services: components["schemas"]["ResourceId"][];
            serviceLevels: components["schemas"]["ServiceLevels"];
            /** Format: date-time */
            validFrom?: string;
            /** Format: date-time */
            validUntil?: string;
            serviceLevelsByService?: components["schemas"]["ServiceLevelsByService"];
        };
        /** @description One of `provider` (propose to a supplier) and `customer` (propose, as provider, to a customer). */
        ProposeAgreementRequest: {
            id?: components["schemas"]["ResourceId"];
            provider?: components["schemas"]["PartyId"];
            customer?: components["schemas"]["PartyId"];
            services: components["schemas"]["ResourceId"][];
            serviceLevels: components["schemas"]["ServiceLevels"];
            /**
             * Format: date-time
             * @description From when calls are taken under the agreement (inclusive); open when absent.
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description Until when calls are taken under the agreement (exclusive); open when absent.
             */
            validUntil?: string;
            serviceLevelsByService?: components["schemas"]["ServiceLevelsByService"];
        };
        /**
         * @description The call's service-level clock; due times move on while the call waits (pending or held).
         *     Under support hours other than 24x7 (`supportHours`), only time within them counts.
         */
        Sla: {
            /** @description The agreement's support hours, when they are not 24x7. */
            supportHours?: string;
            /** Format: date-time */
            responseDueAt: string;
            /** Format: date-time */
            resolutionDueAt: string;
            /** Format: date-time */
            respondedAt?: string;
            /** Format: date-time */
            resolvedAt?: string;
            /** Format: date-time */
            pausedSince?: string;
            breaches: ("response" | "resolution")[];
        };
        Discovery: {
            partyId: components["schemas"]["PartyId"];
            name: string;
            apiBase: string;
            jwksUri: string;
            versions: string[];
        };
        /** @description A sub-call this provider raised at a supplier, as the customer's side keeps it. */
        SupplierLink: {
            id: components["schemas"]["Uuid"];
            parentCallId: components["schemas"]["Uuid"];
            supplier: components["schemas"]["PartyId"];
            service: string;
            agreement: string;
            type: components["schemas"]["CallType"];
            at: {
                process?: components["schemas"]["ProcessName"];
                step?: number;
            };
            /**
             * @description The supplier's last reported status; `requested` until it answers.
             * @enum {string}
             */
            status: "requested" | "acknowledged" | "rejected" | "inProgress" | "pending" | "held" | "resolved" | "closed" | "cancelled";
            remoteCallId: string | null;
            /**
             * @description Present on an internal team's sub-call (a team of `teams[]`, a supplier without a
             *     gateway): it is worked at this desk (`POST .../forks/{linkId}/work`), no message is sent,
             *     and `sla` gives its due times by the operational agreement's levels for the parent's priority.
             *     The SLA watcher watches them as it watches calls: the response is due until the desk first
             *     works the sub-call, the resolution until it is resolved; each target missed is recorded
             *     once in `breaches`, with an event `call.sla_breached` (`linkId`, `supplier`) and an
             *     internal note on the parent.
             */
            team?: {
                sla?: {
                    /** Format: date-time */
                    responseDueAt: string;
                    /** Format: date-time */
                    resolutionDueAt: string;
                    /** @description The targets missed, in the order they were; absent when none. */
                    breaches?: ("response" | "resolution")[];
                };
            };
            resolution?: components["schemas"]["Resolution"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TeamWork: {
            /** @enum {string} */
            status: "inProgress" | "pending" | "held" | "resolved" | "cancelled";
            /** @description An internal note on the parent call. */
            note?: string;
            /** @description The resolution summary; required with `resolved`. */
            resolution?: string;
        };
        /** @description A receipt checked against the keys of the gateway that signed it (this gateway's own, or the supplier's as configured) and the message it answers (id, digest, sender). */
        ReceiptCheck: {
            verified: boolean;
            /** @description Why it does not verify, when it does not. */
            reason?: string;
        };
        /** @description One gateway's part of a call's trip through the chain. */
        TraceHop: {
            gateway: components["schemas"]["PartyId"];
            callId: components["schemas"]["Uuid"];
            status: components["schemas"]["PublicStatus"];
            /** @description The customer the call came from. */
            from?: string;
            /** @description The id of the message that brought the call. */
            messageId?: string;
            /** Format: date-time */
            receivedAt?: string;
            /** @description This gateway's receipt for that message. */
            receipt?: string | null;
            receiptCheck?: components["schemas"]["ReceiptCheck"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The attachments the call holds at this gateway (public ones for a customer), and whether this gateway checked each. */
            attachments?: {
                sha256: string;
                size: number;
                mediaType: string;
                name?: string;
                verified: boolean;
            }[];
            forwarded: {
                supplier: components["schemas"]["PartyId"];
                linkId: string;
                status: string;
                messageId?: string;
                /** Format: date-time */
                queuedAt?: string;
                deliveredAt?: string | null;
                /** @description The supplier's receipt. */
                receipt?: string | null;
                receiptCheck?: components["schemas"]["ReceiptCheck"];
                /** @description The supplier's own trace, or why it could not be had. */
                next?: components["schemas"]["TraceHop"] | {
                    error: string;
                };
            }[];
        };
        ForkRequest: {
            supplier: components["schemas"]["PartyId"];
            /** @description The supplier service; default: the one routed for this call. */
            service?: string;
            /** @description The underpinning agreement; default: the routed one. */
            agreement?: string;
            type?: components["schemas"]["CallType"];
            summary?: string;
            description?: string;
        };
        Neighbour: {
            partner: components["schemas"]["PartyId"];
            /** @description Delivery to it is paused (`POST /v1/admin/partners/{partnerId}/pause`). */
            paused: boolean;
            /** Format: date-time */
            pausedAt?: string;
            /** @description When the oldest message queued for it was queued. */
            oldestPendingAt: string | null;
            /** @description Messages to it given up (dead letters). */
            deadLetters: number;
            roles: ("customer" | "supplier")[];
            url: string;
            /**
             * @description Where its URL, keys and roles come from: the network directory this gateway follows, or its own config.
             * @enum {string}
             */
            source?: "directory" | "local";
            /** @description Its /healthz answered 200 within 2 s. */
            reachable: boolean;
            latencyMs?: number | null;
            error?: string;
            /** @description Time of the last message accepted from it. */
            lastReceivedAt: string | null;
            /** @description Time of the last message delivered to it. */
            lastSentAt: string | null;
            /** @description Messages queued for it. */
            pending: number;
            /** @enum {string} */
            circuit: "closed" | "open" | "half-open";
            /** @description Failed attempts in a row. */
            failures: number;
            /** @description Set when the partner last refused a message's time (USM_ERR_MESSAGE_TIME): the two clocks differ by more than its window. Such messages are retried; null again once a message to it is delivered. */
            clockSkew: null | {
                /** Format: date-time */
                detectedAt: string;
                /** @description The partner's problem detail. */
                detail: string;
                /** @description How far the partner's clock is ahead of this gateway's (negative: behind), from its Date header, to about a second. */
                skewSeconds?: number;
            };
            /** @description The newest checkpoint of the partner's message log this gateway checked (by a consistency proof from the one before) and kept; null before the first. */
            witnessed: null | {
                treeSize: number;
                rootHash: components["schemas"]["TreeHash"];
                /** Format: date-time */
                at: string;
            };
            /** @description Forks and shrinks of the partner's log this gateway refused, each with the checkpoint it had kept, the one offered (both signed by the partner) and the consistency proof offered. */
            logEvidence: {
                /** @enum {string} */
                kind: "fork" | "shrink";
                detail: string;
                /** Format: date-time */
                at: string;
                /** @description The checkpoint JWS kept. */
                kept: string;
                /** @description The checkpoint JWS refused. */
                offered: string;
                proof: string[] | null;
            }[];
            /** @description The partner's newest cosignature of this gateway's own log (of its largest tree), checked and kept; null before the first. */
            cosigned: null | {
                treeSize: number;
                rootHash: components["schemas"]["TreeHash"];
                /**
                 * Format: date-time
                 * @description When the partner cosigned, as it states.
                 */
                at: string;
                /** @description The cosignature JWS (`usm-link-cosignature+jws`, by the partner's key). */
                cosignature: string;
            };
            /** @description Cosignatures of this gateway's log the partner offered and this gateway refused (not the partner's signature, of another log, or of a tree this log never had), kept as evidence. */
            refusedCosignatures: {
                detail: string;
                /**
                 * Format: date-time
                 * @description When it was refused.
                 */
                at: string;
                /** @description The JWS refused. */
                cosignature: string;
            }[];
        };
        ReloadResult: {
            /** Format: date-time */
            reloadedAt: string;
            /** @description The partners of now (with keys), after the reload. */
            partners: string[];
            /** @description The key signing now. */
            signingKid: string;
            /** @description The keys of /.well-known/jwks.json now. */
            publishedKids: string[];
            /** @description Top-level config keys that changed but are taken only on a restart. */
            restartNeeded: string[];
        };
        DirectoryStatus: {
            /** @description Where the directory is fetched from (config `network.url`). */
            url: string;
            network: null | {
                id: string;
                name: string;
            };
            /** @description The held directory's sequence; null before one is accepted. */
            sequence: number | null;
            /**
             * Format: date-time
             * @description When the operator signed it.
             */
            issuedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description When this gateway (or one of its replicas) accepted it.
             */
            acceptedAt: string | null;
            /** @description The held directory is past its expiry; it is still used (the last good one) and /readyz fails. */
            expired: boolean;
            lastRefresh: null | {
                /** Format: date-time */
                at: string;
                /**
                 * @description accepted: a newer document taken; unchanged: the same one again; read: a newer one a replica fetched, taken from the store; refused: the document failed its checks (code); unreachable: it could not be fetched.
                 * @enum {string}
                 */
                outcome: "accepted" | "unchanged" | "read" | "refused" | "unreachable";
                /** @description DIR_SIGNATURE, DIR_ROLLBACK, DIR_EXPIRED, DIR_NOT_YET, DIR_SCHEMA, DIR_NETWORK, DIR_SOURCE, DIR_FETCH or DIR_STORE (docs/directory.md). */
                code?: string;
                message?: string;
            };
            partners: {
                id: components["schemas"]["PartyId"];
                /** @enum {string} */
                source: "directory" | "local";
            }[];
        };
        PartnerDelivery: {
            partner: components["schemas"]["PartyId"];
            paused: boolean;
            /** Format: date-time */
            pausedAt?: string;
        };
        /** @description `name` and `password`, or `token` (with `name` for the history when it is a desk or admin token). */
        SignIn: {
            name?: string;
            password?: string;
            token?: string;
        };
        ConsoleSession: {
            /** @description The name the history records for what this session does. */
            person: string;
            roles: ("desk" | "admin")[];
            /** @description `account`, or `token <name>` for a desk or admin token. */
            via: string;
            /** @description Sent in `Usm-Csrf-Token` with every write of the session. */
            csrfToken: string;
            /** Format: date-time */
            expiresAt: string;
        };
        UsmModel: {
            processes: {
                name: components["schemas"]["ProcessName"];
                steps: string[];
            }[];
            workflows: {
                number: number;
                name: string;
                startsWith: components["schemas"]["CallType"];
                path: components["schemas"]["Position"][];
                /** @description Index into `path` of the first step after fulfilment. */
                resolveAt: number;
            }[];
            forks: {
                type: components["schemas"]["CallType"];
                at: components["schemas"]["Position"];
                branches: {
                    /** @enum {string} */
                    branch: "agree" | "change" | "operate";
                    workflow: number;
                }[];
            }[];
        };
        /**
         * @description The step a rejected resolution goes back to (in progress), for the calls whose workflow has
         *     it among its fulfilment steps (before the resolution), e.g. `{process: recover, step: 3}`
         *     to analyse an incident again. Other calls, and all when absent, go back to their last
         *     fulfilment step (the trigger step when a triggered call did the work). The desk may name
         *     another when it reopens (`StatusRequest.returnTo`).
         */
        RejectionReturn: {
            process: components["schemas"]["ProcessName"];
            step: number;
        };
        Position: {
            process: components["schemas"]["ProcessName"];
            step: number;
        };
        OutboxMessage: {
            id: components["schemas"]["Uuid"];
            partner: components["schemas"]["PartyId"];
            type: components["schemas"]["MessageType"];
            path: string;
            callId?: string | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead";
            attempts: number;
            lastError?: string | null;
            nextAttemptAt?: string | null;
            /** Format: date-time */
            createdAt: string;
            deliveredAt?: string | null;
        };
        Actor: {
            /** @enum {string} */
            kind: "customer" | "desk" | "system" | "supplier";
            id: string;
        };
        Resolution: {
            summary: string;
            /** Format: date-time */
            resolvedAt: string;
        };
        Call: {
            id: components["schemas"]["Uuid"];
            externalRef?: string;
            type: components["schemas"]["CallType"];
            service: string;
            agreement: string;
            summary: string;
            description?: string;
            impact: components["schemas"]["Level"];
            urgency: components["schemas"]["Level"];
            priority: components["schemas"]["Priority"];
            requester: components["schemas"]["Requester"];
            attachments: components["schemas"]["HeldAttachment"][];
            status: components["schemas"]["PublicStatus"];
            chainId: components["schemas"]["Uuid"];
            reopened: number;
            resolution?: components["schemas"]["Resolution"];
            sla?: components["schemas"]["Sla"];
            /**
             * Format: date-time
             * @description While resolved under an agreement with a confirmation window: when the provider closes the call unless the customer answers first.
             */
            closesAt?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AllowedAction: {
            /** @enum {string} */
            kind: "advance" | "setStatus" | "resolve" | "confirm" | "reopen" | "cancel" | "provideInformation" | "raiseTriggered" | "resumeTriggered";
            branches?: components["schemas"]["Branch"][];
            statuses?: components["schemas"]["PublicStatus"][];
            /** @description raiseTriggered, the types of triggered call the call may raise (or be attached to) at this step. */
            types?: components["schemas"]["CallType"][];
        };
        DeskCall: components["schemas"]["Call"] & {
            customer: components["schemas"]["PartyId"];
            process: components["schemas"]["ProcessName"];
            step: number;
            stepName: string;
            /** @description The USM workflow (1-8), null until decided at the fork. */
            workflow: number | null;
            workflowName?: string;
            version: number;
            hops?: components["schemas"]["PartyId"][];
            /** @description The W3C trace id the call arrived with (the same at every gateway of the chain). */
            traceId?: string;
            links?: components["schemas"]["SupplierLink"][];
            /** @description The triggered calls this call raised (or was attached to) at its trigger steps, oldest first; in the answers about one call. */
            triggered?: components["schemas"]["TriggerLink"][];
            /** @description The calls that wait (or waited) on this call as their triggered call, oldest first; in the answers about one call. */
            triggeredBy?: components["schemas"]["TriggerLink"][];
            allowedActions: components["schemas"]["AllowedAction"][];
            /**
             * @description How the call came in; `link` for a customer's signed `call.submit`, else how the desk took it (`DeskChannel`).
             * @enum {string}
             */
            channel?: "link" | "phone" | "email" | "desk" | "internal";
            /** @description The call whose evaluate and close step raised this risk. */
            raisedFrom?: components["schemas"]["Uuid"];
            /** @description The risks raised from this call's evaluate and close (`raisedFrom` on each), oldest first; absent when none. */
            raised?: components["schemas"]["Uuid"][];
            /** @description True when the requester is not a user the agreement knows (or a wish came from one who is not a contract holder) and the agreement flags such calls (`onUnknownRequester: flag`). */
            requesterUnknown?: boolean;
            retention?: components["schemas"]["CallRetention"];
        };
        /**
         * @description A call waiting on a triggered call: the process its own process triggers (Agree 6, Change 6,
         *     Recover 5, Improve 5) raised as a call of its own, or an open call attached to it. `status`:
         *     `waiting` while the triggered call is open; `fulfilled` when it closed as done (the waiting
         *     call went back in progress at `at`, its next move the resolution); `cancelled` or `rejected`
         *     when it ended so (the waiting call went back in progress at `at`, as before it raised one);
         *     `withdrawn` when the waiting call ended first.
         */
        TriggerLink: {
            waitingCallId: components["schemas"]["Uuid"];
            triggeredCallId: components["schemas"]["Uuid"];
            /** @description The triggered call's type. */
            type: components["schemas"]["CallType"];
            /** @description The waiting call's trigger step. */
            at: {
                process: components["schemas"]["ProcessName"];
                step: number;
            };
            /** @enum {string} */
            status: "waiting" | "fulfilled" | "cancelled" | "rejected" | "withdrawn";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description The triggered call to raise; every field has a default: the first type the step raises, the
         *     waiting call's summary, description, service, impact and urgency, and the provider's own
         *     active agreement (customer = this gateway's party id) that covers the service.
         */
        TriggeredCallRequest: {
            type?: components["schemas"]["CallType"];
            summary?: string;
            description?: string;
            service?: components["schemas"]["ResourceId"];
            agreement?: components["schemas"]["ResourceId"];
            impact?: components["schemas"]["Level"];
            urgency?: components["schemas"]["Level"];
            comment?: string;
        };
        AttachTriggeredRequest: {
            comment?: string;
        };
        CallPage: {
            items: components["schemas"]["Call"][];
            nextCursor: string | null;
        };
        DeskCallPage: {
            items: components["schemas"]["DeskCall"][];
            nextCursor: string | null;
        };
        /** @description The gateway's signed statement of what it received. */
        Receipt: {
            messageId: string;
            /** @description `sha-256=` and the base64url SHA-256 of the exact body bytes. */
            digest: string;
            /** Format: date-time */
            receivedAt: string;
            gateway: components["schemas"]["PartyId"];
            /** @description Compact JWS by the gateway's key over `{messageId, digest, receivedAt, gateway, from}`. */
            jws: string;
            /**
             * @description The message's record in the receiving gateway's message log (not signed: the inclusion
             *     proof, `GET /v1/log/proofs/inclusion?index=`, shows it against a signed checkpoint).
             *     Absent when the log had not integrated the message within half a second of its commit
             *     (a gateway on PostgreSQL integrates it in its log sequencer's next batch); the record is
             *     then found by the message's id, `GET /v1/log/proofs/inclusion?messageId=`.
             */
            logIndex?: number;
        };
        /**
         * @description A signed tree head of the message log. `checkpoint` is a compact JWS (`typ`
         *     `usm-link-checkpoint+jws`) by the gateway's key over exactly
         *     `{"origin","treeSize","rootHash","at"}`; the other members repeat what it states.
         */
        LogCheckpoint: {
            checkpoint: string;
            origin: components["schemas"]["PartyId"];
            treeSize: number;
            rootHash: components["schemas"]["TreeHash"];
            /** Format: date-time */
            at: string;
            /**
             * @description The checkpoint's RFC 3161 TimeStampToken (a CMS SignedData of a TSTInfo, DER, standard
             *     base64) by the gateway's TSA (config `evidence.tsa`), over SHA-256 of the `checkpoint`
             *     JWS's ASCII bytes; absent until the checkpoint was stamped (only the newest checkpoint
             *     of each look is, a later one vouching for the earlier by consistency).
             */
            timestampToken?: string;
        };
        /**
         * @description A witness's cosignature of a checkpoint of another gateway's message log. `cosignature` is
         *     a compact JWS (`typ` `usm-link-cosignature+jws`) by the witness's key over exactly
         *     `{"origin","treeSize","rootHash","witness","at"}`: `origin` the log's gateway, `witness`
         *     the cosigning party; the other members repeat what it states.
         */
        LogCosignature: {
            cosignature: string;
            origin: components["schemas"]["PartyId"];
            treeSize: number;
            rootHash: components["schemas"]["TreeHash"];
            witness: components["schemas"]["PartyId"];
            /** Format: date-time */
            at: string;
        };
        /** @description base64url (no padding) of a SHA-256 hash of the log's Merkle tree (RFC 9162). */
        TreeHash: string;
        /**
         * @description One record of the message log. Its leaf is the UTF-8 JSON array
         *     `[direction, messageId, partner, type, digest, signature, receipt, at]`, its leaf hash
         *     SHA-256(0x00 || leaf).
         */
        LogRecord: {
            index: number;
            /** @enum {string} */
            direction: "in" | "out";
            messageId: string;
            partner: components["schemas"]["PartyId"];
            type: string;
            digest: string;
            signature: string;
            receipt: string | null;
            at: string;
            leafHash: components["schemas"]["TreeHash"];
        };
        LogVerdict: {
            ok: boolean;
            /** @description The records checked (up to the first that fails). */
            records: number;
            rootHash?: components["schemas"]["TreeHash"];
            /** @description The first record that fails. */
            brokenAt?: number;
            reason?: string;
            checkpoint?: components["schemas"]["LogCheckpoint"];
        };
        InclusionProof: {
            index: number;
            treeSize: number;
            record: components["schemas"]["LogRecord"];
            /** @description The audit path (RFC 9162 PATH), nearest the leaf first. */
            proof: components["schemas"]["TreeHash"][];
            checkpoint?: components["schemas"]["LogCheckpoint"];
        };
        ConsistencyProof: {
            from: number;
            to: number;
            /** @description The consistency proof (RFC 9162 PROOF). */
            proof: components["schemas"]["TreeHash"][];
        };
        CallAccepted: {
            call: components["schemas"]["Call"];
            receipt: components["schemas"]["Receipt"];
        };
        HistoryEntry: {
            seq: number;
            /** Format: date-time */
            at: string;
            actor: components["schemas"]["Actor"];
            /**
             * @description `confirmed`: the resolution was confirmed (by the customer, or by the gateway when the confirmation window passed).
             * @enum {string}
             */
            kind: "step" | "status" | "workflow" | "confirmed";
            from?: unknown;
            to?: unknown;
            workflow?: number | null;
            branch?: string | null;
            comment?: string;
        };
        RetentionPurge: {
            /** @description Calls purged (a call due for two categories counts twice). */
            calls: number;
            /** @description Message bodies removed. */
            messages: number;
            /** @description Notes whose text was removed or cleared of the requester. */
            notes: number;
        };
        /** @description Exactly one of `id` and `email` (neither or both is 422 `USM_ERR_ERASURE_SUBJECT`). */
        ErasureRequest: {
            id?: string;
            /** Format: email */
            email?: string;
        };
        /** @description An erasure as the gateway records it; the requester's id or e-mail address is not kept. */
        Erasure: {
            id: components["schemas"]["Uuid"];
            /** Format: date-time */
            at: string;
            /** @description The admin token's or console account's name. */
            requestedBy: string;
            /** @enum {string} */
            matchedBy: "id" | "email";
            calls: components["schemas"]["Uuid"][];
            messages: number;
            notes: number;
        };
        /**
         * @description What retention or an erasure removed from the call: its message bodies and answers
         *     (`bodiesPurgedAt`), its notes' text (`notesPurgedAt`), its requester's details
         *     (`requesterPurgedAt`; the requester reads `[removed]`), and the erasure that did it.
         */
        CallRetention: {
            /** Format: date-time */
            bodiesPurgedAt?: string;
            /** Format: date-time */
            notesPurgedAt?: string;
            /** Format: date-time */
            requesterPurgedAt?: string;
            erasureId?: components["schemas"]["Uuid"];
        };
        Note: {
            id: components["schemas"]["Uuid"];
            callId: components["schemas"]["Uuid"];
            /** @enum {string} */
            visibility: "public" | "internal";
            /** @enum {string} */
            kind: "comment" | "information" | "request";
            text: string;
            author: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** @description Retention removed the note's text after the call ended (`text` is empty). */
            purged?: boolean;
            /** Format: date-time */
            purgedAt?: string;
        };
        NoteList: {
            items: components["schemas"]["Note"][];
        };
        Service: {
            id: string;
            name: string;
            description?: string;
        };
        /** @description Either `callId` (an incident flagged as an outage) or `service` and `startAt` (a declared window). */
        OutageRequest: {
            callId?: string;
            service?: components["schemas"]["ResourceId"];
            /** Format: date-time */
            startAt?: string;
            /** Format: date-time */
            endAt?: string;
            reason?: string;
        };
        /**
         * @description An outage of a service under an agreement: an incident flagged as one (`source: incident`,
         *     from the call's creation to its resolution) or a declared window (`source: declared`).
         *     `endAt` is absent while it lasts.
         */
        Outage: {
            id: string;
            agreement: string;
            service: string;
            /** @enum {string} */
            source: "incident" | "declared";
            callId?: string;
            /** Format: date-time */
            startAt: string;
            /** Format: date-time */
            endAt?: string;
            reason?: string;
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * @description Availability per service of the agreement in one month (UTC), measured over the part of it
         *     that has passed (`from` .. `measuredUntil`): the share of that time without an outage, in
         *     percent, overlapping outages counted once. `target` is the service's
         *     `serviceLevels.availability` (its own levels over the agreement's); `met` whether the
         *     measured availability reaches it (absent without a target).
         */
        AvailabilityReport: {
            agreement: string;
            period: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            until: string;
            /** Format: date-time */
            measuredUntil: string;
            services: {
                service: string;
                target?: number;
                availability: number;
                met?: boolean;
                downtimeMinutes: number;
                measuredMinutes: number;
                outages: components["schemas"]["Outage"][];
            }[];
        };
        /**
         * @description Service levels per service id of the agreement, each overriding the agreement's
         *     `serviceLevels` member by member: a member given here replaces the agreement's (`targets`
         *     as a whole), one not given is the agreement's. The merged levels are held to the bounds of
         *     `ServiceLevels`; a key that is not one of the agreement's services is refused with 400
         *     `USM_ERR_VALIDATION`. The calls of a service start their clock with its levels.
         */
        ServiceLevelsByService: {
            [key: string]: {
                supportHours?: string;
                availability?: number;
                confirmationHours?: number;
                onRejection?: components["schemas"]["RejectionReturn"];
                targets?: components["schemas"]["ServiceLevelTarget"][];
            };
        };
        /**
         * @description The targets for calls of one priority, in minutes of support time (wall-clock minutes
         *     under `24x7`): whole numbers from 1 to 525600 (one year).
         */
        ServiceLevelTarget: {
            priority: components["schemas"]["Priority"];
            /** @description From submission to the first move out of `acknowledged`. */
            responseMinutes: number;
            /** @description From submission to `resolved`. */
            resolutionMinutes: number;
        };
        Agreement: {
            id: string;
            customer: components["schemas"]["PartyId"];
            provider: components["schemas"]["PartyId"];
            /** @enum {string} */
            status: "active" | "terminated";
            /**
             * Format: date-time
             * @description When a termination takes effect: calls are accepted before it and refused from then on.
             */
            terminatesAt?: string;
            /**
             * Format: date-time
             * @description From when calls are taken under the agreement (inclusive); open when absent.
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description Until when calls are taken under the agreement (exclusive); open when absent.
             */
            validUntil?: string;
            serviceLevelsByService?: components["schemas"]["ServiceLevelsByService"];
            services: string[];
            serviceLevels: components["schemas"]["ServiceLevels"];
        };
        AdvanceRequest: {
            branch?: components["schemas"]["Branch"];
            comment?: string;
        };
        StatusRequest: {
            /** @enum {string} */
            status: "rejected" | "inProgress" | "pending" | "held" | "cancelled" | "closed";
            reason?: string;
            /**
             * @description With `inProgress` on a resolved call (the desk reopens it): the fulfilment step of the
             *     call's workflow it goes back to, over the agreement's `serviceLevels.onRejection`. A step
             *     that is not one of them, or `returnTo` with another change, is refused with 409
             *     `USM_ERR_ILLEGAL_TRANSITION`.
             */
            returnTo?: components["schemas"]["Position"];
        };
        ResolveRequest: {
            summary: string;
        };
        /** @description A call the desk raises; the fields of `CallSubmission`, and who it is for and how it came in. */
        DeskCallRequest: {
            /** @description The customer the call is for; this provider itself (an internal call) when absent. */
            customer?: components["schemas"]["PartyId"];
            channel: components["schemas"]["DeskChannel"];
            /** @description The call whose evaluate and close step raised this risk. */
            raisedFrom?: components["schemas"]["Uuid"];
            type: components["schemas"]["CallType"];
            service: components["schemas"]["ResourceId"];
            agreement: components["schemas"]["ResourceId"];
            summary: string;
            description?: string;
            impact: components["schemas"]["Level"];
            urgency: components["schemas"]["Level"];
            requester: components["schemas"]["Requester"];
            attachments?: components["schemas"]["Attachment"][];
            /** @description The customer's own ticket id, as the caller gave it (a label; no updates are sent about a desk-raised call). */
            externalRef?: string;
        };
        /**
         * @description How a call raised at the desk came in: by `phone` or `email` (or in person at the `desk`) on
         *     behalf of a customer, or `internal`, the provider's own (its Improve process, or a risk from
         *     another call's evaluate and close).
         * @enum {string}
         */
        DeskChannel: "phone" | "email" | "desk" | "internal";
        DeskNoteRequest: {
            text: string;
            /** @enum {string} */
            visibility: "public" | "internal";
            /**
             * @description `request` asks the customer for information; give it with status `pending` to wait for the answer.
             * @default comment
             * @enum {string}
             */
            kind: "comment" | "request";
            /** @description Attachments added to the call with the note (internal with an internal note), checked as those of a submission. */
            attachments?: components["schemas"]["AttachmentList"];
        };
        /** @enum {string} */
        EventType: "call.created" | "call.step_changed" | "call.status_changed" | "call.workflow_decided" | "call.note_added" | "call.resolved" | "call.confirmed" | "call.forked" | "call.supplier_update" | "call.sla_breached";
        /**
         * @description How deliveries are written: `usm-link`, the event as JSON signed with
         *     `Usm-Webhook-Signature`; `cloudevents`, a CloudEvent 1.0 (structured JSON mode) signed per
         *     Standard Webhooks.
         * @enum {string}
         */
        WebhookFormat: "usm-link" | "cloudevents";
        /**
         * @description The key deliveries are signed with. For the `cloudevents` format a Standard Webhooks secret:
         *     `whsec_` and the base64 of 24 to 64 random bytes (the HMAC key is those bytes); for
         *     `usm-link` any text (the HMAC key is its UTF-8 bytes).
         */
        WebhookSecretValue: string;
        WebhookRequest: {
            /** Format: uri */
            url: string;
            secret: components["schemas"]["WebhookSecretValue"];
            /** @default usm-link */
            format: components["schemas"]["WebhookFormat"];
            /** @description Event types to deliver; all when absent. */
            events?: components["schemas"]["EventType"][];
        };
        WebhookSecretRequest: {
            secret: components["schemas"]["WebhookSecretValue"];
            /**
             * Format: date-time
             * @description When the subscription's other live secrets stop signing; 24 hours from now when absent.
             */
            previousExpiresAt?: string;
        };
        /** @description One live secret of a subscription, without its value. */
        WebhookSecret: {
            id: components["schemas"]["Uuid"];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When it stops signing deliveries; null until it is retired or a newer secret is added.
             */
            expiresAt: string | null;
        };
        Webhook: {
            id: components["schemas"]["Uuid"];
            url: string;
            format: components["schemas"]["WebhookFormat"];
            /** @description The live secrets, oldest first (one, or two while a rotation overlaps). */
            secrets: components["schemas"]["WebhookSecret"][];
            events: components["schemas"]["EventType"][];
            /** Format: date-time */
            createdAt: string;
            /** @description Sequence number of the last event delivered (or skipped after the last retry). */
            deliveredThrough: number;
            /** @description Consecutive failed attempts for the next event. */
            failures: number;
            lastError?: string | null;
            /** Format: date-time */
            nextAttemptAt?: string | null;
        };
        /** @description The body of one webhook delivery. */
        WebhookEvent: {
            id: components["schemas"]["Uuid"];
            seq: number;
            type: components["schemas"]["EventType"];
            /** Format: date-time */
            at: string;
            callId: components["schemas"]["Uuid"];
            call: components["schemas"]["DeskCall"];
            change?: {
                [key: string]: unknown;
            };
        };
        /** @description One call event as a CloudEvent 1.0 (structured JSON mode), the body of a `cloudevents` delivery. */
        CallCloudEvent: {
            /** @constant */
            specversion: "1.0";
            /** @description The event id, the same on every retry and replay (also `webhook-id`). */
            id: components["schemas"]["Uuid"];
            /** @description The gateway, its `publicUrl`, else `urn:usm-link:<party id>`. */
            source: string;
            /** @description `org.usm-link.` and the event type, e.g. `org.usm-link.call.status_changed`. */
            type: string;
            /** @description The call id. */
            subject: components["schemas"]["Uuid"];
            /**
             * Format: date-time
             * @description When the event happened.
             */
            time: string;
            /** @constant */
            datacontenttype: "application/json";
            /**
             * @description The event's sequence number on this gateway, zero-padded to 20 digits (the CloudEvents
             *     sequence extension): deliveries to one subscription come in this order.
             */
            sequence?: string;
            /** @description The event as in the `usm-link` format, without its envelope fields (id, seq, type, at, callId). */
            data: {
                call: components["schemas"]["DeskCall"];
                change?: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description A webhook event given up for one subscription after its last attempt. */
        WebhookDeadLetter: {
            id: components["schemas"]["Uuid"];
            webhookId: components["schemas"]["Uuid"];
            eventSeq: number;
            eventId: components["schemas"]["Uuid"];
            eventType: components["schemas"]["EventType"];
            callId: components["schemas"]["Uuid"];
            /** @description Attempts made: the dispatcher's, then one a replay. */
            attempts: number;
            lastError: string;
            /**
             * Format: date-time
             * @description When it was given up.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When it was last attempted.
             */
            updatedAt: string;
        };
        WebhookReplay: {
            /** @description The receiver took it (the dead letter is removed). */
            delivered: boolean;
            /** @description When not delivered, the dead letter as kept, with this attempt's error. */
            deadLetter?: components["schemas"]["WebhookDeadLetter"];
        };
    };
    responses: {
        /**
         * @description The request does not match the contract or cannot be read: a path or query parameter, a
         *     header or the body (`USM_ERR_VALIDATION`, with `errors[]` naming each field;
         *     `USM_ERR_MALFORMED_JSON`; `USM_ERR_INVALID_CURSOR`); for a signed message also one
         *     addressed to another party, of a type this endpoint does not take, or outside the time
         *     window (`USM_ERR_WRONG_RECIPIENT`, `USM_ERR_MESSAGE_TYPE_MISMATCH`, `USM_ERR_MESSAGE_TIME`).
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description No valid bearer token: `USM_ERR_TOKEN_MISSING` (no `Authorization: Bearer <token>`),
         *     `USM_ERR_TOKEN_INVALID`, `USM_ERR_TOKEN_EXPIRED`; or, with a console session cookie
         *     instead, `USM_ERR_SESSION_INVALID` (signed out, expired, or unknown).
         */
        TokenRequired: {
            headers: {
                "WWW-Authenticate": components["headers"]["BearerChallenge"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The message is not signed by a partner, or not by its sender: `USM_ERR_SIGNATURE_MISSING`,
         *     `USM_ERR_SIGNATURE_INVALID`, `USM_ERR_ALGORITHM_NOT_ALLOWED`, `USM_ERR_UNKNOWN_KEY`,
         *     `USM_ERR_SENDER_MISMATCH`.
         */
        SignatureRequired: {
            headers: {
                "WWW-Authenticate": components["headers"]["SignatureChallenge"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The partner may not do this: `USM_ERR_FORBIDDEN` (it lacks the role, or is not a party to the
         *     agreement), `USM_ERR_SERVICE_NOT_ALLOWED` (the agreement does not cover the service). In a
         *     console session: `USM_ERR_ROLE_REQUIRED` (the person lacks the desk or admin role),
         *     `USM_ERR_CSRF_TOKEN_INVALID` (a write without the session's `Usm-Csrf-Token`). Over mutual TLS:
         *     `USM_ERR_CLIENT_CERTIFICATE` (the partner's signed message or read token came over a connection
         *     whose client certificate is not the one its `tls.clientCertSha256` or `tls.clientCertSubject`
         *     names), answered from the headers before the body is read.
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The log has no such record or tree size (`USM_ERR_LOG_RANGE`: an index at or past the tree
         *     size, a tree larger than the log, `from` after `to`), no checkpoint of that size
         *     (`USM_ERR_CHECKPOINT_NOT_FOUND`), or no record of the named message of the caller's
         *     (`USM_ERR_LOG_RECORD_NOT_FOUND`).
         */
        LogRange: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description No such resource, or not one of the caller's: `USM_ERR_CALL_NOT_FOUND`,
         *     `USM_ERR_AGREEMENT_NOT_FOUND`, `USM_ERR_LINK_NOT_FOUND`, `USM_ERR_WEBHOOK_NOT_FOUND`,
         *     `USM_ERR_WEBHOOK_SECRET_NOT_FOUND`, `USM_ERR_DEAD_LETTER_NOT_FOUND`,
         *     `USM_ERR_ATTACHMENT_NOT_FOUND` (not an attachment of the call, or not one the caller is entitled to).
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The state does not allow this now: `USM_ERR_ILLEGAL_TRANSITION`, `USM_ERR_CONFLICT` (it
         *     changed concurrently, or the agreement version is not the open offer), `USM_ERR_MESSAGE_ID_REUSED`,
         *     `USM_ERR_LOOP_DETECTED`, `USM_ERR_FORK_NOT_ALLOWED`, `USM_ERR_WEBHOOK_SECRET_LIMIT` (a
         *     subscription has two live secrets already), `USM_ERR_WEBHOOK_LAST_SECRET` (its last live
         *     secret cannot be retired).
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than `limits.bodyBytes`: `USM_ERR_BODY_TOO_LARGE`. */
        BodyTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A body that is not `application/json` (or `application/...+json`): `USM_ERR_UNSUPPORTED_MEDIA_TYPE`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Well-formed, but nothing here can take it: `USM_ERR_AGREEMENT_INVALID` (not an active
         *     agreement of the customer), `USM_ERR_AGREEMENT_TERMINATED` (its termination has taken
         *     effect), `USM_ERR_AGREEMENT_OUTSIDE_VALIDITY` (the call, or a fork under an underpinning
         *     agreement, falls outside its `validFrom` .. `validUntil`), `USM_ERR_ROUTE_NOT_FOUND` (no supplier route or gateway fits),
         *     `USM_ERR_CHAIN_MISMATCH` (a follow-up or update names another chain than its call's),
         *     `USM_ERR_CALL_ID_MISMATCH` (an update names another supplier call than its sub-call's),
         *     `USM_ERR_EXTERNAL_REF_REQUIRED` (a customer that runs a gateway sent no `externalRef`),
         *     `USM_ERR_REQUESTER_UNKNOWN` (the agreement refuses requesters it does not know, or a wish from
         *     one who is not a contract holder).
         *     `USM_ERR_IDEMPOTENCY_KEY_REUSED` (a desk write's `Idempotency-Key` was used before for
         *     another request). An attachment, fetched where it arrives: `USM_ERR_ATTACHMENT_MISMATCH`
         *     (not the declared size or SHA-256), `USM_ERR_ATTACHMENT_HOST_NOT_ALLOWED` (a host not in
         *     `attachments.allowedHosts`, or an internal address), `USM_ERR_ATTACHMENT_UNREACHABLE`,
         *     `USM_ERR_ATTACHMENT_TOO_LARGE` (over `attachments.maxBytes`).
         */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The partner sent more than its rate (`limits.partnerRequestsPerSecond`, `limits.partnerBurst`): `USM_ERR_RATE_LIMITED`. */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The store cannot be reached now (`USM_ERR_STORE_UNAVAILABLE`), or, with `evidence.tsa`, the log's checkpoints could not be timestamped for longer than allowed and writes are refused (`USM_ERR_TIMESTAMPING_UNAVAILABLE`); nothing was changed. Send the same request again after Retry-After. */
        StoreUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The message is stored and applied; the receipt proves what was received. */
        MessageAccepted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CallAccepted"];
            };
        };
    };
    parameters: {
        PartnerId: components["schemas"]["PartyId"];
        /**
         * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
         *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
         *     same request again with the same key, by the same desk token, gets the first answer again
         *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
         *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
         *     may be sent again), for `desk.idempotencyHours` (24 by default).
         */
        IdempotencyKey: string;
        /** @description Detached JWS over the exact body bytes, `<base64url protected header>..<base64url signature>`. */
        Signature: string;
        /** @description Compact JWS (`typ` `usm-link-batch+jws`) over the batch manifest `{"iat", "digests"}`. */
        BatchSignature: string;
        CallId: components["schemas"]["Uuid"];
        Sha256: string;
        LinkId: components["schemas"]["Uuid"];
        /** @description A calendar month in UTC, `YYYY-MM`. */
        Period: string;
        AgreementId: components["schemas"]["ResourceId"];
        StatusFilter: components["schemas"]["PublicStatus"];
        TypeFilter: components["schemas"]["CallType"];
        ServiceFilter: components["schemas"]["ResourceId"];
        /** @description Only calls updated at or after this time. */
        UpdatedSince: string;
        /** @description The `nextCursor` of the previous page. */
        Cursor: string;
        Limit: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The challenge of a bearer-token operation (RFC 6750): `Bearer realm="usm-link"`, with
         *     `error="invalid_token"` when a token was sent but does not do (unknown, expired, badly signed).
         */
        BearerChallenge: string;
        /**
         * @description The challenge of a signed-message operation: `Usm-Signature realm="usm-link"`, with
         *     `error="invalid_signature"` when a signature was sent but does not do. The `Usm-Signature`
         *     scheme is this protocol's: the credential is a JWS over the exact body bytes, sent in the
         *     `Usm-Signature` header (not in `Authorization`), see `docs/protocol.md`.
         */
        SignatureChallenge: string;
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
        /** @description `true` when this is the stored answer to the same request sent before (a desk write with the same `Idempotency-Key`). */
        Replay: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["TokenRequired"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getGatewayKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Web Key Set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
        };
    };
    getDiscovery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discovery document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Discovery"];
                };
            };
        };
    };
    getNetworkDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed directory. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/jose": string;
                };
            };
            /** @description This gateway serves no directory (`USM_ERR_NOT_FOUND`): none is configured, or the file cannot be read. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveMessage: {
        parameters: {
            query?: never;
            header: {
                /** @description Detached JWS over the exact body bytes, `<base64url protected header>..<base64url signature>`. */
                "Usm-Signature": components["parameters"]["Signature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Envelope"] & ({
                    /** @constant */
                    type?: "call.update";
                    data?: components["schemas"]["CallUpdate"];
                } | {
                    /** @enum {unknown} */
                    type?: "agreement.propose" | "agreement.counter";
                    data?: components["schemas"]["AgreementOffer"];
                } | {
                    /** @constant */
                    type?: "agreement.accept";
                    data?: components["schemas"]["AgreementAcceptance"];
                } | {
                    /** @constant */
                    type?: "agreement.reject";
                    data?: components["schemas"]["AgreementRejection"];
                } | {
                    /** @constant */
                    type?: "agreement.terminate";
                    data?: components["schemas"]["AgreementTermination"];
                } | {
                    /** @constant */
                    type?: "agreement.acknowledge";
                    data?: components["schemas"]["TerminationAcknowledgement"];
                });
            };
        };
        responses: {
            /** @description Stored; for `call.update`, `applied` tells whether it changed the linked call now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    receiveBatch: {
        parameters: {
            query?: never;
            header: {
                /** @description Compact JWS (`typ` `usm-link-batch+jws`) over the batch manifest `{"iat", "digests"}`. */
                "Usm-Signature": components["parameters"]["BatchSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageBatch"];
            };
        };
        responses: {
            /** @description Every message answered, each with the status and body its own endpoint would have given. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageBatchResults"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listServices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Services. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Service"][];
                    };
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listAgreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Agreements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Agreement"][];
                    };
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agreement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getAvailabilityReport: {
        parameters: {
            query: {
                /** @description A calendar month in UTC, `YYYY-MM`. */
                period: components["parameters"]["Period"];
            };
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailabilityReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listCalls: {
        parameters: {
            query?: {
                status?: components["parameters"]["StatusFilter"];
                type?: components["parameters"]["TypeFilter"];
                service?: components["parameters"]["ServiceFilter"];
                /** @description Only calls updated at or after this time. */
                updatedSince?: components["parameters"]["UpdatedSince"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of calls. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    submitCall: {
        parameters: {
            query?: never;
            header: {
                /** @description Detached JWS over the exact body bytes, `<base64url protected header>..<base64url signature>`. */
                "Usm-Signature": components["parameters"]["Signature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Envelope"] & {
                    /** @constant */
                    type?: "call.submit";
                    data?: components["schemas"]["CallSubmission"];
                };
            };
        };
        responses: {
            /** @description The call is stored; the receipt proves what was received. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureRequired"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The call. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Call"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getCallHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status changes, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HistoryEntry"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getCallTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trace, starting at this gateway. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TraceHop"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getCallAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
                sha256: components["parameters"]["Sha256"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The content, as `application/octet-stream` (its media type is the attachment's `mediaType`). */
            200: {
                headers: {
                    /** @description The content's SHA-256 (hex). */
                    "Digest-Sha256"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listCallNotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Notes, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    addCallNote: {
        parameters: {
            query?: never;
            header: {
                /** @description Detached JWS over the exact body bytes, `<base64url protected header>..<base64url signature>`. */
                "Usm-Signature": components["parameters"]["Signature"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Envelope"] & {
                    /** @constant */
                    type?: "call.note";
                    data?: components["schemas"]["NoteSubmission"];
                };
            };
        };
        responses: {
            200: components["responses"]["MessageAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    confirmResolution: {
        parameters: {
            query?: never;
            header: {
                /** @description Detached JWS over the exact body bytes, `<base64url protected header>..<base64url signature>`. */
                "Usm-Signature": components["parameters"]["Signature"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Envelope"] & {
                    /** @constant */
                    type?: "call.confirm";
                    data?: components["schemas"]["ConfirmSubmission"];
                };
            };
        };
        responses: {
            200: components["responses"]["MessageAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    rejectResolution: {
        parameters: {
            query?: never;
            header: {
                /** @description Detached JWS over the exact body bytes, `<base64url protected header>..<base64url signature>`. */
                "Usm-Signature": components["parameters"]["Signature"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Envelope"] & {
                    /** @constant */
                    type?: "call.reopen";
                    data?: components["schemas"]["ReopenSubmission"];
                };
            };
        };
        responses: {
            200: components["responses"]["MessageAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    cancelCall: {
        parameters: {
            query?: never;
            header: {
                /** @description Detached JWS over the exact body bytes, `<base64url protected header>..<base64url signature>`. */
                "Usm-Signature": components["parameters"]["Signature"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Envelope"] & {
                    /** @constant */
                    type?: "call.cancel";
                    data?: components["schemas"]["CancelSubmission"];
                };
            };
        };
        responses: {
            200: components["responses"]["MessageAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    consoleGetSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSession"];
                };
            };
            /** @description Not signed in. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            503: components["responses"]["StoreUnavailable"];
        };
    };
    consoleSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description Signed in. */
            201: {
                headers: {
                    /** @description The session cookie. */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The credentials are not valid: `USM_ERR_SIGN_IN_FAILED` (which says no more). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
        };
    };
    consoleSignOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    /** @description Clears the session cookie. */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskGetModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsmModel"];
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskFindCalls: {
        parameters: {
            query: {
                id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calls found (none is an empty list). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            matchedBy: "id" | "externalRef" | "supplierCallId" | "chainId";
                            call: components["schemas"]["DeskCall"];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskListCalls: {
        parameters: {
            query?: {
                status?: components["parameters"]["StatusFilter"];
                type?: components["parameters"]["TypeFilter"];
                service?: components["parameters"]["ServiceFilter"];
                /** @description Only calls updated at or after this time. */
                updatedSince?: components["parameters"]["UpdatedSince"];
                customer?: components["schemas"]["PartyId"];
                process?: components["schemas"]["ProcessName"];
                priority?: components["schemas"]["Priority"];
                /** @description Only calls forked to this supplier (a sub-call at its gateway). */
                supplier?: components["schemas"]["PartyId"];
                /** @description `breached`: a service-level target was missed; `dueSoon`: the running clock falls due within the hour. */
                sla?: "breached" | "dueSoon";
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of calls. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCallPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskRaiseCall: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeskCallRequest"];
            };
        };
        responses: {
            /** @description The call is stored. */
            201: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCall"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskGetCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The call. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCall"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskGetCallHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description History, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HistoryEntry"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskAdvanceCall: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceRequest"];
            };
        };
        responses: {
            /** @description The call after the move. */
            200: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCall"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskSetStatus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusRequest"];
            };
        };
        responses: {
            /** @description The call after the change. */
            200: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCall"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskResolveCall: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveRequest"];
            };
        };
        responses: {
            /** @description The resolved call. */
            200: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCall"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskListCallNotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Notes, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskAddCallNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeskNoteRequest"];
            };
        };
        responses: {
            /** @description The stored note. */
            201: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskGetCallAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
                sha256: components["parameters"]["Sha256"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The content, as `application/octet-stream`. */
            200: {
                headers: {
                    /** @description The content's SHA-256 (hex). */
                    "Digest-Sha256"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskGetCallTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trace, starting at this gateway. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TraceHop"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskRaiseTriggeredCall: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriggeredCallRequest"];
            };
        };
        responses: {
            /** @description The triggered call, stored with the hold of the call that raised it. */
            201: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCall"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskAttachTriggeredCall: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
                triggeredCallId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttachTriggeredRequest"];
            };
        };
        responses: {
            /** @description The waiting call, stored with its hold and the link. */
            200: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCall"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskListForks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sub-calls. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SupplierLink"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskForkCall: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForkRequest"];
            };
        };
        responses: {
            /** @description The sub-call is queued for the supplier. */
            201: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierLink"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskNoteToSupplier: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteSubmission"];
            };
        };
        responses: {
            /** @description Queued for the supplier. */
            202: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierLink"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskListWishNegotiations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Negotiations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NegotiatedAgreement"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskOpenWishNegotiation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: components["parameters"]["CallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WishNegotiationRequest"];
            };
        };
        responses: {
            /** @description The proposal, queued for the supplier. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NegotiatedAgreement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskWorkTeamFork: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamWork"];
            };
        };
        responses: {
            /** @description The sub-call as it is now. */
            200: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierLink"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskCancelFork: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description draft-ietf-httpapi-idempotency-key-header: a key the desk tool makes for one write (a UUID,
                 *     say), as a structured-field string (`"..."`) or a bare token, at most 255 characters. The
                 *     same request again with the same key, by the same desk token, gets the first answer again
                 *     (with `Usm-Replay: true`) and changes nothing; the same key with another request is refused
                 *     422 `USM_ERR_IDEMPOTENCY_KEY_REUSED`. Only completed writes are remembered (a refused request
                 *     may be sent again), for `desk.idempotencyHours` (24 by default).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                callId: components["parameters"]["CallId"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelSubmission"];
            };
        };
        responses: {
            /** @description Queued for the supplier. */
            202: {
                headers: {
                    "Usm-Replay": components["headers"]["Replay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierLink"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskListAgreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Agreements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NegotiatedAgreement"][];
                    };
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskProposeAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposeAgreementRequest"];
            };
        };
        responses: {
            /** @description The proposal, queued for the other party. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NegotiatedAgreement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskListConfiguredAgreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Agreements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Agreement"][];
                    };
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskGetAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NegotiatedAgreement"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskAcceptAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NegotiatedAgreement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskRejectAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelSubmission"];
            };
        };
        responses: {
            /** @description The rejected version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NegotiatedAgreement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskCounterAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementTerms"];
            };
        };
        responses: {
            /** @description The counter-offer, queued for the other party. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NegotiatedAgreement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskTerminateAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminateAgreementRequest"];
            };
        };
        responses: {
            /** @description The active version with its termination, queued for the other party. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NegotiatedAgreement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskListOutages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Outages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Outage"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskAddOutage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutageRequest"];
            };
        };
        responses: {
            /** @description The outage, recorded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Outage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskAvailabilityReport: {
        parameters: {
            query: {
                /** @description A calendar month in UTC, `YYYY-MM`. */
                period: components["parameters"]["Period"];
            };
            header?: never;
            path: {
                agreementId: components["parameters"]["AgreementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailabilityReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getLogCheckpoint: {
        parameters: {
            query?: {
                /** @description The checkpoint of exactly this many records (404 when none was signed at that size). */
                treeSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogCheckpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["LogRange"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getLogCosignature: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cosignature. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogCosignature"];
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            /** @description No checkpoint of the caller's log was cosigned yet (`USM_ERR_COSIGNATURE_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getLogInclusionProof: {
        parameters: {
            query?: {
                index?: number;
                messageId?: string;
                treeSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record and its proof. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InclusionProof"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["LogRange"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getLogConsistencyProof: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsistencyProof"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["LogRange"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminListLog: {
        parameters: {
            query?: {
                messageId?: string;
                callId?: string;
                /** @description Only records with an index below this one. */
                before?: number;
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Records, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["LogRecord"][];
                        /** @description The number of records in the log. */
                        size: number;
                        /** @description The `before` of the next page. */
                        next?: number;
                        checkpoint?: components["schemas"]["LogCheckpoint"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminGetLogInclusionProof: {
        parameters: {
            query: {
                index: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record, its audit path and the checkpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InclusionProof"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["LogRange"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminVerifyLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogVerdict"];
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminListDeadLetters: {
        parameters: {
            query?: {
                partner?: components["schemas"]["PartyId"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dead letters, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutboxMessage"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminReplayDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxMessage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminReplayDeadLetters: {
        parameters: {
            query?: {
                partner?: components["schemas"]["PartyId"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutboxMessage"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminPurgeRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What this purge removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPurge"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminEraseRequester: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureRequest"];
            };
        };
        responses: {
            /** @description The erasure, as recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminPausePartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnerId: components["parameters"]["PartnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delivery to the partner is paused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminResumePartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnerId: components["parameters"]["PartnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delivery to the partner runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminListWebhookDeadLetters: {
        parameters: {
            query?: {
                /** @description Only the dead letters of this subscription. */
                webhook?: components["schemas"]["Uuid"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhook dead letters, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDeadLetter"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminReplayWebhookDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deadLetterId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the replay came to. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplay"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminListNeighbours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per partner with a gateway. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Neighbour"][];
                        /** @description The network directory this gateway follows (absent when it follows none). */
                        directory?: components["schemas"]["DirectoryStatus"];
                    };
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminGetDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The directory held and the last refresh. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryStatus"];
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminRefreshDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status after the refresh. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryStatus"];
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminReload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The config taken. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReloadResult"];
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    adminListOutbox: {
        parameters: {
            query?: {
                partner?: components["schemas"]["PartyId"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending messages, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutboxMessage"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskListWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscriptions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                    };
                };
            };
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskCreateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookRequest"];
            };
        };
        responses: {
            /** @description The subscription (the secret is never returned). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskGetWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskDeleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskAddWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSecretRequest"];
            };
        };
        responses: {
            /** @description The subscription with its live secrets (their ids and times, never the secrets). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deskRetireWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: components["schemas"]["Uuid"];
                secretId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retired. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["TokenRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deliverCallEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Received. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deliverCallCloudEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the CloudEvent's `id`), the same on every retry and replay. */
                "webhook-id": components["schemas"]["Uuid"];
                /** @description When this attempt was signed, in Unix seconds. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256>`, one for each live secret, separated by spaces. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/cloudevents+json": components["schemas"]["CallCloudEvent"];
            };
        };
        responses: {
            /** @description Received. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
