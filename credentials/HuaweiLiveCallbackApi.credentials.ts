import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class HuaweiLiveCallbackApi implements ICredentialType {
	name = 'huaweiLiveCallbackApi';

	displayName = 'Huawei Cloud Live Callback Keys API';

	icon = { light: 'file:../icons/huaweiLive.svg', dark: 'file:../icons/huaweiLive.dark.svg' } as const;

	documentationUrl = 'https://support.huaweicloud.com/intl/en-us/iLive-live/live_01_0043.html';

	properties: INodeProperties[] = [
		{
			displayName:
				'Every key is optional: a callback family whose key is empty is accepted unsigned (authenticated "none"). Huawei only signs a family when its config holds a key.',
			name: 'keysNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Stream Notification Key',
			name: 'streamNotifyKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The authentication key (auth_sign_key, 32 to 128 characters) of the stream status notification config of your ingest domain. Huawei signs PUBLISH / PUBLISH_DONE with HMAC-SHA256(key, event + domain + app + stream + auth_timestamp).',
		},
		{
			displayName: 'Recording Callback Key',
			name: 'recordCallbackKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The key of the recording callback config (at least 32 letters and digits). Signs RECORD_START, RECORD_NEW_FILE_START, RECORD_FILE_COMPLETE, RECORD_OVER and RECORD_FAILED: HMAC-SHA256(key, auth_timestamp + event_type + publish_domain + app + stream + download_url + play_url), or MD5(key + auth_timestamp).',
		},
		{
			displayName: 'Recording Sign Type',
			name: 'recordSignType',
			type: 'options',
			default: 'HMACSHA256',
			options: [
				{
					name: 'HMAC-SHA256',
					value: 'HMACSHA256',
					description: 'Huawei\'s default: signs the event type, domain, app, stream and file URLs',
				},
				{
					name: 'MD5',
					value: 'MD5',
					description: 'MD5(key + auth_timestamp): proves the sender knows the key, but binds none of the content',
				},
			],
			description: 'The authentication algorithm (sign_type) chosen in the recording callback config. Callbacks do not say which one was used.',
		},
		{
			displayName: 'Snapshot Key',
			name: 'snapshotKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The callback authentication key (auth_key, 32 to 128 characters) of the snapshot template. Huawei signs snapshot callbacks with HMAC-SHA256(key, domain + app + stream_name + snapshot_url + width + height + obs_addr.bucket + obs_addr.location + obs_addr.object + auth_timestamp). With a key, an unsigned or wrongly signed snapshot callback is rejected (401); without one, snapshot callbacks are accepted as authenticated "none".',
		},
	];
}
