/**
 * Livestream Test Callback: sends one documented sample callback of a provider, built and signed as
 * the provider does (nodes/<Provider>/simulator.ts), to a trigger's Test or Production URL, so an
 * installed user can try a trigger from inside n8n without the provider or this repository.
 * The samples are nodes/<Provider>/samples.ts; docs/sample-items.md shows the item each one yields.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { HuaweiLiveTrigger } from '../HuaweiLive/HuaweiLiveTrigger.node';
import { TencentCssTrigger } from '../TencentCss/TencentCssTrigger.node';
import { TencentLiveKitTrigger } from '../TencentLiveKit/TencentLiveKitTrigger.node';

import { runPerItem } from '../core/execute';
import { SAMPLE_EVENTS as HUAWEI_LIVE_SAMPLES } from '../HuaweiLive/samples';
import { SAMPLE_EVENTS as SIGMA_LIVE_SAMPLES } from '../SigmaLive/samples';
import { SAMPLE_EVENTS as TENCENT_CSS_SAMPLES } from '../TencentCss/samples';
import { SAMPLE_EVENTS as TENCENT_LIVEKIT_SAMPLES } from '../TencentLiveKit/samples';
import { eventOptions } from './providers';
import { sendTestCallback } from './send';

/** The credential tests of the triggers, which own these credentials: the same check here. */
const TRIGGER_CREDENTIAL_TESTS = {
	...new TencentCssTrigger().methods.credentialTest,
	...new TencentLiveKitTrigger().methods.credentialTest,
	...new HuaweiLiveTrigger().methods.credentialTest,
};

export class LivestreamTestCallback implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Livestream Test Callback',
		name: 'livestreamTestCallback',
		icon: { light: 'file:../../icons/livestreamTestCallback.svg', dark: 'file:../../icons/livestreamTestCallback.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["provider"] + ": " + $parameter["event"] }}',
		description:
			'Send a signed sample callback of Tencent CSS, Tencent TUILiveKit, Huawei Cloud Live or Sigma Livestream to a trigger, to try a workflow without the provider',
		defaults: { name: 'Livestream Test Callback' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'tencentCssCallbackApi',
				required: false,
				testedBy: 'tencentCssCallbackKeyTest',
				displayOptions: { show: { provider: ['tencent-css'] } },
			},
			{
				name: 'tencentLiveKitApi',
				required: false,
				testedBy: 'tencentLiveKitApiTest',
				displayOptions: { show: { provider: ['tencent-livekit'] } },
			},
			{
				name: 'huaweiLiveCallbackApi',
				required: false,
				testedBy: 'huaweiLiveCallbackKeysTest',
				displayOptions: { show: { provider: ['huawei-live'] } },
			},
		],
		properties: [
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Huawei Cloud Live', value: 'huawei-live' },
					{ name: 'Sigma Livestream', value: 'sigma-live' },
					{ name: 'Tencent CSS', value: 'tencent-css' },
					{ name: 'Tencent TUILiveKit', value: 'tencent-livekit' },
				],
				default: 'tencent-css',
				description: 'The provider whose callback to imitate; its trigger must be the target',
			},
			{
				displayName: 'Event Name or ID',
				name: 'event',
				type: 'options',
				options: eventOptions(TENCENT_CSS_SAMPLES),
				default: 'stream.started',
				description: 'The documented sample to send',
				displayOptions: { show: { provider: ['tencent-css'] } },
			},
			{
				displayName: 'Event Name or ID',
				name: 'event',
				type: 'options',
				options: eventOptions(TENCENT_LIVEKIT_SAMPLES),
				default: 'room.created',
				description: 'The documented sample to send',
				displayOptions: { show: { provider: ['tencent-livekit'] } },
			},
			{
				displayName: 'Event Name or ID',
				name: 'event',
				type: 'options',
				options: eventOptions(HUAWEI_LIVE_SAMPLES),
				default: 'stream.started',
				description: 'The documented sample to send',
				displayOptions: { show: { provider: ['huawei-live'] } },
			},
			{
				displayName: 'Event Name or ID',
				name: 'event',
				type: 'options',
				options: eventOptions(SIGMA_LIVE_SAMPLES),
				default: 'stream.started',
				description: 'The documented sample to send',
				displayOptions: { show: { provider: ['sigma-live'] } },
			},
			{
				displayName: 'Target URL',
				name: 'targetUrl',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'https://n8n.example.com/webhook-test/…/webhook',
				description:
					'Paste the trigger\'s Test URL from its panel, then click "Listen for test event" in the trigger before running this node; or paste the Production URL of an active workflow',
			},
			{
				displayName: 'Sign the callback with the credential of the trigger (the same secret). Without one the callback is sent unsigned, which the trigger rejects unless it accepts unsigned callbacks.',
				name: 'signingNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { provider: ['tencent-css', 'tencent-livekit', 'huawei-live'] } },
			},
			{
				displayName: 'Token',
				name: 'token',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'The URL token of the Sigma trigger (the ?token= of the URL it registered with Sigma). Leave empty when the Target URL already carries ?token=.',
				displayOptions: { show: { provider: ['sigma-live'] } },
			},
			{
				displayName: 'Field Overrides',
				name: 'overrides',
				type: 'json',
				default: '{}',
				description:
					'Top-level fields merged into the sample before it is signed, e.g. {"stream_id": "my_stream"} to match a stream filter',
			},
		],
	};

	methods = { credentialTest: TRIGGER_CREDENTIAL_TESTS };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (itemIndex) => await sendTestCallback(this, itemIndex));
	}
}
