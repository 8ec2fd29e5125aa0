/**
 * Test vectors that do not come from the package's signer: each signature below was computed with
 * openssl (and cross-checked with python3's hmac/hashlib), the exact command beside it, with
 * K=0123456789abcdef0123456789abcdef. Huawei publishes no usable vector: its sample callbacks mask
 * the signature (`ff3b2bxxx5cfd56e…`, `4f97f46759axxxxxx7ad21e9935dc175`) and give no key
 * (docs/protocols/huawei-live.md, "Test vectors").
 *
 * Each vector is posted to the trigger's real webhook() at its own time and must be accepted as
 * authenticated "signature"; the same body with any signed member changed must not be.
 */
import type { IDataObject } from 'n8n-workflow';

import { hmacSignature, recordMd5Signature } from '../../../nodes/HuaweiLive/verify';
import { ALL_KEYS, EVENTS, expectAccepted, expectRejected, KEY, payload, post, setClock, useFixedClock } from './shared';

useFixedClock();

const DL = EVENTS['recording.completed'].download_url as string;
const PU = EVENTS['recording.completed#play_url'].play_url as string;
const MD5_KEYS = { ...ALL_KEYS, recordSignType: 'MD5' };

interface Vector {
	name: string;
	body: IDataObject;
	time: number;
	credentials?: typeof ALL_KEYS;
	/** The independently computed signature. */
	sign: string;
}

const VECTORS: Vector[] = [
	{
		// printf '%s' 'PUBLISHpush.example.comliveexample_stream1587954140' | openssl dgst -sha256 -hmac "$K"
		name: 'stream PUBLISH',
		body: payload('stream.started'),
		time: 1587954140,
		sign: 'fa5addca9ea94589d2a7f936a82e2ef3af10bf7ffc665e278c05214537e2ed41',
	},
	{
		// printf '%s' 'PUBLISH_DONEpush.example.comliveexample_stream1587954140' | openssl dgst -sha256 -hmac "$K"
		name: 'stream PUBLISH_DONE',
		body: { ...payload('stream.stopped'), auth_timestamp: 1587954140 },
		time: 1587954140,
		sign: 'fe71cd27e6df78034898faef20237ead1f13540de1b340b7644e8444c5024308',
	},
	{
		// printf '%s' "1583676745RECORD_FILE_COMPLETEpush.example.comlivemystream$DL" | openssl dgst -sha256 -hmac "$K"
		// (DL = the fixture's download_url; play_url absent, signed as '')
		name: 'recording HMAC, download_url only',
		body: payload('recording.completed'),
		time: 1583676745,
		sign: 'f15a1bbd70c4c57d0e524ac48be475d0c42eed6a45d180ed3278264b57fd603b',
	},
	{
		// printf '%s' "1583676745RECORD_FILE_COMPLETEpush.example.comlivemystream$DL$PU" | openssl dgst -sha256 -hmac "$K"
		// python3 -c 'import hmac,hashlib; print(hmac.new(K, ("1583676745RECORD_FILE_COMPLETEpush.example.comlivemystream"+DL+PU).encode(), hashlib.sha256).hexdigest())'
		// (PU = the fixture's play_url). With the URLs swapped the same command gives
		// 5787bcb4e9e36a47115785fe8b6025b0115c8a9f62621e04fcf2d8876d6fc57f.
		name: 'recording HMAC, download_url then play_url',
		body: { ...payload('recording.completed#play_url'), auth_timestamp: 1583676745 },
		time: 1583676745,
		sign: '4d5c6894f2084e506ea4a200f5ead77f1970fd41dc255e17eefe597b6eab528b',
	},
	{
		// printf '%s' "${K}1583676745" | openssl dgst -md5
		name: 'recording MD5',
		body: payload('recording.completed#md5'),
		time: 1583676745,
		credentials: MD5_KEYS,
		sign: 'fbea60f41db857bbdee04a5127b742fa',
	},
	{
		// printf '%s' "push.example.comliveexample_stream${SU}1280720mybucketcn-north-4${OB}1700000005" | openssl dgst -sha256 -hmac "$K"
		// (SU = the fixture's snapshot_url, OB = its obs_addr.object); python3 hmac gives the same.
		name: 'snapshot, every member',
		body: { ...payload('snapshot.created'), auth_timestamp: 1700000005 },
		time: 1700000005,
		sign: 'b98ff21bd435affe8ce85c3645b725af77d5b18e2a35ee132f72e1aad96bf1c0',
	},
	{
		// printf '%s' 'push.example.comlivetest001xxxcn-north-4xxx.jpg1700000005' | openssl dgst -sha256 -hmac "$K"
		// Huawei's own sample shape (no width/height, snapshot_url empty): absent parts signed as ''.
		name: 'snapshot, optional members absent',
		body: {
			domain: 'push.example.com',
			app: 'live',
			stream_name: 'test001',
			snapshot_url: '',
			obs_addr: { bucket: 'xxx', location: 'cn-north-4', object: 'xxx.jpg' },
			auth_timestamp: 1700000005,
		},
		time: 1700000005,
		sign: 'd0ff66d42a01a24056451998a58ac0ec9fd3d79f59aa58acdaab48c6a638807e',
	},
];

describe('independent vectors through webhook()', () => {
	it.each(VECTORS.map((v) => [v.name, v] as const))('%s is accepted as "signature"', async (_name, vector) => {
		setClock(vector.time);
		const body = { ...vector.body, auth_sign: vector.sign };
		const item = expectAccepted(await post(body, { credentials: vector.credentials ?? ALL_KEYS }));
		expect(item.authenticated).toBe('signature');
		expect(item.raw).toEqual(body);
	});

	it('the package computes the same values (so a change of field order fails here)', () => {
		for (const vector of VECTORS) {
			const time = String(vector.time);
			const family = 'event' in vector.body ? 'stream' : 'event_type' in vector.body ? 'record' : 'snapshot';
			const computed = vector.credentials === MD5_KEYS ? recordMd5Signature(KEY, time) : hmacSignature(family, KEY, vector.body, time);
			expect({ name: vector.name, computed }).toEqual({ name: vector.name, computed: vector.sign });
		}
	});

	it('refuses the recording HMAC with download_url and play_url swapped, either way round', async () => {
		setClock(1583676745);
		const body = { ...payload('recording.completed#play_url'), auth_timestamp: 1583676745 };
		// The body as Huawei sent it, signed in the swapped order (5787…, from the command above).
		const swappedSignature = '5787bcb4e9e36a47115785fe8b6025b0115c8a9f62621e04fcf2d8876d6fc57f';
		expectRejected(await post({ ...body, auth_sign: swappedSignature }), 401, 'signature mismatch');
		// The genuine signature over a body whose URLs were swapped in transit.
		const swapped = { ...body, download_url: PU, play_url: DL, auth_sign: '4d5c6894f2084e506ea4a200f5ead77f1970fd41dc255e17eefe597b6eab528b' };
		expectRejected(await post(swapped), 401, 'signature mismatch');
	});

	it('refuses each vector with one signed member changed', async () => {
		const changes: Array<[number, string, unknown]> = [
			[0, 'stream', 'other_stream'],
			[1, 'event', 'PUBLISH'],
			[2, 'download_url', `${DL}x`],
			[3, 'play_url', `${PU}x`],
			[5, 'width', 1920],
			[5, 'snapshot_url', 'https://img.example.com/a.jpg'],
			[6, 'stream_name', 'test002'],
		];
		for (const [index, member, value] of changes) {
			const vector = VECTORS[index];
			setClock(vector.time);
			expectRejected(await post({ ...vector.body, [member]: value, auth_sign: vector.sign } as IDataObject), 401, 'signature mismatch');
		}
		const snapshot = VECTORS[5];
		setClock(snapshot.time);
		const obs = { ...(snapshot.body.obs_addr as IDataObject), location: 'cn-north-1' };
		expectRejected(await post({ ...snapshot.body, obs_addr: obs, auth_sign: snapshot.sign }), 401, 'signature mismatch');
	});
});
