/**
 * The provider contract (docs/development.md, "Adding a provider"). A provider is one module of pure
 * functions that `core/receive.ts` calls in order for each request: `configure` (credential and
 * options → settings, failing closed), `verify` (never throws, returns a verdict with a reason),
 * `parse` (the normalized fields). The core knows no provider by name.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { Authenticated, ParsedEvent } from './item';

/** What a provider sees of one request. */
export interface CallbackRequest {
	/** The body parsed exactly from the raw bytes (a JSON object). */
	body: IDataObject;
	query: IDataObject;
	headers: IDataObject;
	/** When the request was received, from `core/clock.ts`. */
	nowMs: number;
}

/** What a provider may read to build its settings. */
export interface TriggerInputs {
	/** A node parameter as n8n resolves it (expressions included), or `fallback` when unset. */
	parameter(name: string, fallback: unknown): unknown;
	/** The node's callback credential (`credentialType`), or null when none is selected. */
	credentials: ICredentialDataDecryptedObject | null;
	/** This node's workflow static data. It is stored unencrypted: never a secret in it. */
	staticData(): IDataObject;
}

/** Settings, or why the node's configuration cannot be used (the request is then refused). */
export type Configured<S> = { ok: true; settings: S } | { ok: false; reason: string };

export type RejectionStatus = 400 | 401;

export type Verification =
	| {
			ok: true;
			authenticated: Authenticated;
			/** Logged as a warning although the callback is accepted. */
			note?: string;
	  }
	| { ok: false; status: RejectionStatus; reason: string; logHint?: string };

export interface CallbackProvider<S> {
	/** The `provider` of every item, e.g. `tencent-css`. */
	id: string;
	/** The body the provider must receive, with status 200, not to retry. */
	successBody: IDataObject;
	/** Body members a redelivery may change (signature, send time): left out of `eventId`. */
	volatileKeys: readonly string[];
	/** The credential type holding the callback secrets, optional on the node; null when none. */
	credentialType: string | null;
	/** Reads the secrets and options. Invalid options fail closed: `{ ok: false }` refuses every request. */
	configure(inputs: TriggerInputs): Configured<S>;
	/** Authenticates one request. Pure and total: it never throws. */
	verify(request: CallbackRequest, settings: S): Verification;
	/** The normalized fields of an accepted request. */
	parse(request: CallbackRequest, settings: S): ParsedEvent;
	/**
	 * True when the webhook's response mode lets the workflow answer (`lastNode`/`responseNode`):
	 * answers that do not come from the workflow are then written at once.
	 */
	answerAtOnce?(settings: S): boolean;
	/** True when this accepted request is to be answered by the workflow (e.g. a veto callback). */
	answerFromWorkflow?(request: CallbackRequest, settings: S, parsed: ParsedEvent): boolean;
}

/** A rejection verdict. */
export function refuse(status: RejectionStatus, reason: string, logHint?: string): Verification {
	return { ok: false, status, reason, logHint };
}
