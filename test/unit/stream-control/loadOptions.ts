/** The harness's real LoadOptionsContext for a node with the given credentials (list searches). */
import type { ICredentialDataDecryptedObject, ICredentialType, ILoadOptionsFunctions, INodeType } from 'n8n-workflow';

import { loadOptionsContext as harnessContext } from '../../harness/hook';

export function loadOptionsContext(
	nodeType: INodeType,
	credentials: Record<string, { type: ICredentialType; data: ICredentialDataDecryptedObject }>,
): ILoadOptionsFunctions {
	return harnessContext({ nodeType, credentials });
}
