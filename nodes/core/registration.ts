/**
 * "Register automatically" for triggers whose provider has a configuration API: the shared
 * parameters, the mode decision (never in test mode) and what is remembered in the node's static
 * data, so `delete` removes exactly what `create` made. Provider modules do the API work.
 */
import type { IDataObject, IHookFunctions, INodeProperties } from 'n8n-workflow';

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

export type RegistrationMode = 'off' | 'test' | 'production';

/** `off` when the option is not set; `test` for "Listen for test event" (nothing is changed then). */
export function registrationMode(ctx: IHookFunctions): RegistrationMode {
	if (ctx.getNodeParameter('registerAutomatically', false) !== true) return 'off';
	if (ctx.getMode() === 'manual' || ctx.getActivationMode() === 'manual') {
		ctx.logger.info(
			`${ctx.getNode().name}: "Register Automatically" leaves the provider configuration unchanged while listening for test events; publish the workflow to register its production URL`,
		);
		return 'test';
	}
	return 'production';
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
