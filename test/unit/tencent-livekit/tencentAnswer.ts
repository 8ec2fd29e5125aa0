/**
 * The test side's own check of a before-callback answer, written from Tencent's documentation
 * (docs/protocols/tencent-livekit.md, "Answers"), independent of the node's code: the envelope
 * `{ActionStatus, ErrorCode, ErrorInfo}` and, for an allowed room message only, a replacement
 * `MsgBody` (Chat message elements in Tencent's own PascalCase shape) and/or `CloudCustomData`.
 * Used by the unit tests and by the real-n8n suite (test/e2e/livekit-rewrite.test.js).
 *
 * [INFERRED] Tencent does not document how it treats a malformed answer; this check is strict: any
 * member or element shape the documentation does not show is a problem.
 */

/** The Chat message element types, with the content members each documents. */
const ELEMENT_CONTENT: Readonly<Record<string, readonly string[]>> = {
	TIMTextElem: ['Text'],
	TIMLocationElem: ['Desc', 'Latitude', 'Longitude'],
	TIMFaceElem: ['Index', 'Data'],
	TIMCustomElem: ['Data', 'Desc', 'Ext', 'Sound'],
	TIMSoundElem: ['Url', 'UUID', 'Size', 'Second', 'Download_Flag'],
	TIMImageElem: ['UUID', 'ImageFormat', 'ImageInfoArray'],
	TIMFileElem: ['Url', 'UUID', 'FileSize', 'FileName', 'Download_Flag'],
	TIMVideoFileElem: [
		'VideoUrl', 'VideoUUID', 'VideoSize', 'VideoSecond', 'VideoFormat', 'VideoDownloadFlag',
		'ThumbUrl', 'ThumbUUID', 'ThumbSize', 'ThumbWidth', 'ThumbHeight', 'ThumbFormat', 'ThumbDownloadFlag',
	],
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Problems with `answer` as an answer to `command`; empty when Tencent's documentation accepts it. */
export function answerProblems(command: 'Group.CallbackBeforeSendMsg' | 'Live.CallbackBeforeSendGift', answer: unknown): string[] {
	const problems: string[] = [];
	if (!isObject(answer)) return ['the answer is not a JSON object'];
	const isMessage = command === 'Group.CallbackBeforeSendMsg';
	const allowed = ['ActionStatus', 'ErrorCode', 'ErrorInfo', ...(isMessage ? ['MsgBody', 'CloudCustomData'] : [])];
	for (const key of Object.keys(answer)) if (!allowed.includes(key)) problems.push(`unexpected member ${key}`);
	if (answer.ActionStatus !== 'OK' && answer.ActionStatus !== 'FAIL') problems.push('ActionStatus is not OK or FAIL');
	if (typeof answer.ErrorCode !== 'number' || !Number.isInteger(answer.ErrorCode)) problems.push('ErrorCode is not an integer');
	if (typeof answer.ErrorInfo !== 'string') problems.push('ErrorInfo is not a string');
	const rewrites = has(answer, 'MsgBody') || has(answer, 'CloudCustomData');
	if (rewrites && answer.ErrorCode !== 0) problems.push('MsgBody/CloudCustomData only replace a message that is allowed (ErrorCode 0)');
	if (has(answer, 'CloudCustomData') && typeof answer.CloudCustomData !== 'string') problems.push('CloudCustomData is not a string');
	if (has(answer, 'MsgBody')) {
		const body = answer.MsgBody;
		if (!Array.isArray(body) || body.length === 0) {
			problems.push('MsgBody is not a non-empty array of message elements');
		} else {
			body.forEach((element, i) => {
				if (!isObject(element)) return problems.push(`MsgBody[${i}] is not an object`);
				for (const key of Object.keys(element)) {
					if (key !== 'MsgType' && key !== 'MsgContent') problems.push(`MsgBody[${i}] has member ${key}`);
				}
				const type = element.MsgType;
				const members = typeof type === 'string' && has(ELEMENT_CONTENT, type) ? ELEMENT_CONTENT[type] : undefined;
				if (!members) return problems.push(`MsgBody[${i}].MsgType ${JSON.stringify(type)} is not a message element type`);
				const content = element.MsgContent;
				if (!isObject(content)) return problems.push(`MsgBody[${i}].MsgContent is not an object`);
				for (const key of Object.keys(content)) {
					if (!members.includes(key)) problems.push(`MsgBody[${i}].MsgContent has member ${key}, not one of ${type}'s`);
				}
				if (type === 'TIMTextElem' && typeof content.Text !== 'string') problems.push(`MsgBody[${i}].MsgContent.Text is not a string`);
				return undefined;
			});
		}
	}
	return problems;
}
