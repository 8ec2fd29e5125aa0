/** The test side's own answer check (tencentAnswer.ts) refuses what Tencent's documentation does not show. */
import { answerProblems } from './tencentAnswer';

const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
const MSG = 'Group.CallbackBeforeSendMsg';

describe('answerProblems (test-side check of a before-callback answer)', () => {
	it('accepts the documented answers', () => {
		expect(answerProblems(MSG, OK)).toEqual([]);
		expect(answerProblems('Live.CallbackBeforeSendGift', { ...OK, ErrorCode: 102101, ErrorInfo: 'not enough balance' })).toEqual([]);
		expect(answerProblems(MSG, { ...OK, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }], CloudCustomData: 'c' })).toEqual([]);
	});

	it('refuses camelCase elements, unknown members, rewrites that are not allowed, and a rewrite of a gift', () => {
		expect(answerProblems(MSG, { ...OK, MsgBody: [{ msgType: 'TIMTextElem', msgContent: { text: 'hi' } }] })).toHaveLength(3);
		expect(answerProblems(MSG, { ...OK, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { text: 'hi' } }] })).toEqual([
			"MsgBody[0].MsgContent has member text, not one of TIMTextElem's",
			'MsgBody[0].MsgContent.Text is not a string',
		]);
		expect(answerProblems(MSG, { ...OK, msgBody: [] })).toEqual(['unexpected member msgBody']);
		expect(answerProblems(MSG, { ...OK, ErrorCode: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'x' } }] })).toHaveLength(1);
		expect(answerProblems('Live.CallbackBeforeSendGift', { ...OK, MsgBody: [] })).toContain('unexpected member MsgBody');
		expect(answerProblems(MSG, { ...OK, ErrorCode: '0' })).toEqual(['ErrorCode is not an integer']);
		expect(answerProblems(MSG, { ...OK, CloudCustomData: { a: 1 } })).toEqual(['CloudCustomData is not a string']);
		expect(answerProblems(MSG, [])).toEqual(['the answer is not a JSON object']);
	});
});
