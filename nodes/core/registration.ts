/**
 * "Register automatically" for triggers whose provider has a configuration API: the shared
 * parameters, the mode decision (by default never in test mode) and what is remembered in the node's
 * static data, so `delete` removes exactly what `create` made. Provider modules do the API work.
 */
import type { IDataObject, IHookFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const STATIC_KEY = 'registration';

export function registrationParameters(providerNote: string): INodeProperties[] {
	return [
		{
			displayName: 'Register Automatically',
			name: 'registerAutomatically',
			type: 'boolean',
			default: false,
			description:
				'Whether publishing the workflow configures the provider to call its production URL, and unpublishing removes exactly that again',
		},
		{
			displayName:
				`Only the production URL is registered, when the workflow is published. "Listen for test event" changes nothing at the provider (its configuration takes minutes to apply and holds one URL): send test events with the package's sender instead. ${providerNote}`,
			name: 'registrationNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { registerAutomatically: [true] } },
		},
		{
			displayName: 'Replace Existing Configuration',
			name: 'replaceExisting',
			type: 'boolean',
			default: false,
			displayOptions: { show: { registerAutomatically: [true] } },
			description:
				'Whether to take over a configuration that points elsewhere. Off: publishing fails and says what is configured. Unpublishing never restores the replaced configuration.',
		},
	];
}

/**
 * True for "Listen for test event". Unless its registrar is active in test mode, the lifecycle then
 * changes nothing, and says so in the log.
 */
function leavesTestModeAlone(ctx: IHookFunctions): boolean {
	if (ctx.getMode() !== 'manual' && ctx.getActivationMode() !== 'manual') return false;
	ctx.logger.info(
		`${ctx.getNode().name}: "Register Automatically" leaves the provider configuration unchanged while listening for test events; publish the workflow to register its production URL`,
	);
	return true;
}

export function storedRegistration<T extends IDataObject>(ctx: IHookFunctions): T | undefined {
	const value = ctx.getWorkflowStaticData('node')[STATIC_KEY];
	return value && typeof value === 'object' ? (value as T) : undefined;
}

export function saveRegistration(ctx: IHookFunctions, registration: IDataObject): void {
	ctx.getWorkflowStaticData('node')[STATIC_KEY] = registration;
}

export function clearRegistration(ctx: IHookFunctions): void {
	delete ctx.getWorkflowStaticData('node')[STATIC_KEY];
}

/** A provider-safe name for what this workflow creates: `n8n_<workflowId>`, letters, digits, `_` and `-`, at most `max`. */
export function registrationName(ctx: IHookFunctions, max: number): string {
	const id = String(ctx.getWorkflow().id ?? 'workflow').replace(/[^A-Za-z0-9_-]/g, '');
	return `n8n_${id}`.slice(0, max);
}

/** Where a registrar keeps its registration in the node's static data. */
export interface RegistrationStorage<Stored> {
	/** What is remembered, or undefined when nothing is. Never throws, never writes. */
	read(ctx: IHookFunctions): Stored | undefined;
	write(ctx: IHookFunctions, stored: Stored): void;
	clear(ctx: IHookFunctions): void;
}

/** The default storage: one object under the static-data key `registration`. */
function defaultStorage<Stored extends IDataObject>(): RegistrationStorage<Stored> {
	return {
		read: (ctx) => storedRegistration<Stored>(ctx),
		write: (ctx, stored) => saveRegistration(ctx, stored),
		clear: (ctx) => clearRegistration(ctx),
	};
}

/**
 * One provider's part of "Register Automatically" (docs/development.md, "Registration"): what the
 * node wants, whether what it stored is still current, a leftover of this same workflow whose
 * record was lost, what foreign configuration is in the way, and how to create and remove exactly
 * its own configuration. The lifecycle below calls these in the same order for every provider.
 *
 * The optional `enabled`, `activeInTestMode` and `storage` members let a node whose parameter,
 * test-mode behaviour or static-data layout predates this lifecycle keep them.
 */
export interface Registrar<Want, Stored extends IDataObject> {
	/**
	 * Whether registration is on for this node, asked by all three hooks (`delete` included: off
	 * means nothing is removed either). Without it: the shared `registerAutomatically` parameter,
	 * asked by checkExists and create only, so `delete` still removes whatever is stored.
	 */
	enabled?(ctx: IHookFunctions): boolean;
	/**
	 * True when the lifecycle also acts while "Listen for test event" runs (n8n then calls the hooks
	 * for the test URL). Default false: test mode changes nothing at the provider.
	 */
	activeInTestMode?: boolean;
	/** Where the registration is remembered. Default: the static-data key `registration`. */
	storage?: RegistrationStorage<Stored>;
	/** What the node's parameters ask to register; throws NodeOperationError when that is impossible. */
	want(ctx: IHookFunctions): Promise<Want> | Want;
	/** True when `stored` is still in place remotely and matches `want`. Reads only. */
	isCurrent(ctx: IHookFunctions, stored: Stored, want: Want): Promise<boolean>;
	/** A configuration this workflow created earlier but no longer remembers (lost static data). Reads only. */
	findLeftover?(ctx: IHookFunctions, want: Want): Promise<Stored | undefined>;
	/**
	 * True when `create` updates this node's own stale registration in place (it is then passed as
	 * `previous`) instead of the lifecycle removing it first: for state that removal would lose,
	 * such as what a provider held before this node changed it.
	 */
	updatesInPlace?: boolean;
	/** Foreign configuration that `create` would replace, described for the user. Reads only. */
	conflicts(ctx: IHookFunctions, want: Want, previous?: Stored): Promise<string[]>;
	/** The refusal shown when conflicts exist and "Replace Existing Configuration" is off. */
	refusal(want: Want, conflicts: string[]): string;
	/** Creates the configuration (replacing what `conflicts` named) and returns what to remember. */
	create(ctx: IHookFunctions, want: Want, previous?: Stored): Promise<Stored>;
	/**
	 * Removes what `stored` describes, and only while it is still this workflow's. Returns false
	 * when the removal could not be confirmed: the lifecycle then keeps `stored` (so a later hook
	 * tries again), `delete` returns false and `create` stops before creating anything.
	 */
	remove(ctx: IHookFunctions, stored: Stored): Promise<void | false>;
}

/** Whether the lifecycle acts in this hook call (see `enabled` and `activeInTestMode`). */
function acts<W, S extends IDataObject>(ctx: IHookFunctions, registrar: Registrar<W, S>): boolean {
	const on = registrar.enabled
		? registrar.enabled(ctx)
		: ctx.getNodeParameter('registerAutomatically', false) === true;
	if (!on) return false;
	return registrar.activeInTestMode === true || !leavesTestModeAlone(ctx);
}

const storageOf = <W, S extends IDataObject>(registrar: Registrar<W, S>): RegistrationStorage<S> =>
	registrar.storage ?? defaultStorage<S>();

/** Removes `stored` as part of `create`; an unconfirmed removal stops it with nothing created. */
async function removeBeforeCreate<W, S extends IDataObject>(
	ctx: IHookFunctions,
	registrar: Registrar<W, S>,
	stored: S,
): Promise<void> {
	if ((await registrar.remove(ctx, stored)) === false) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The provider still holds the earlier registration of this node after removing it; nothing new was registered',
		);
	}
}

/** `checkExists`: true when the lifecycle does not act, and when the stored registration is current. No side effects. */
export async function registrationExists<W, S extends IDataObject>(
	ctx: IHookFunctions,
	registrar: Registrar<W, S>,
): Promise<boolean> {
	if (!acts(ctx, registrar)) return true;
	const stored = storageOf(registrar).read(ctx);
	if (!stored) return false;
	return await registrar.isCurrent(ctx, stored, await registrar.want(ctx));
}

/**
 * `create`: removes a stale registration of this node and a leftover of this workflow, refuses
 * (before changing anything) when foreign configuration is in the way and replacing is off, then
 * creates and remembers.
 */
export async function registrationCreate<W, S extends IDataObject>(
	ctx: IHookFunctions,
	registrar: Registrar<W, S>,
): Promise<boolean> {
	if (!acts(ctx, registrar)) return true;
	const storage = storageOf(registrar);
	const want = await registrar.want(ctx);
	let previous = storage.read(ctx);
	if (previous && !registrar.updatesInPlace) {
		await removeBeforeCreate(ctx, registrar, previous);
		storage.clear(ctx);
		previous = undefined;
	}
	const leftover = await registrar.findLeftover?.(ctx, want);
	if (leftover) await removeBeforeCreate(ctx, registrar, leftover);
	const conflicts = await registrar.conflicts(ctx, want, previous);
	if (conflicts.length > 0 && ctx.getNodeParameter('replaceExisting', false) !== true) {
		throw new NodeOperationError(ctx.getNode(), registrar.refusal(want, conflicts));
	}
	storage.write(ctx, await registrar.create(ctx, want, previous));
	return true;
}

/**
 * `delete`: removes exactly what this node registered, then forgets it; when the removal is not
 * confirmed, keeps it and returns false.
 */
export async function registrationDelete<W, S extends IDataObject>(
	ctx: IHookFunctions,
	registrar: Registrar<W, S>,
): Promise<boolean> {
	if (registrar.enabled && !acts(ctx, registrar)) return true;
	const storage = storageOf(registrar);
	const stored = storage.read(ctx);
	if (!stored) return true;
	if ((await registrar.remove(ctx, stored)) === false) return false;
	storage.clear(ctx);
	return true;
}
