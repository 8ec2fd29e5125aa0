#!/usr/bin/env bash
# Unpacks n8n's Respond to Webhook node from the published n8n-nodes-base package into
# .cache/n8n-nodes-base/package, for the opt-in test in test/unit/tencent-livekit/beforeCallbacks.test.ts.
# n8n-nodes-base is not a dependency of this project (it is large); only the files the node needs
# are extracted, and they resolve their own imports (n8n-workflow, lodash, jsonwebtoken, @n8n/utils)
# from this project's node_modules.
set -euo pipefail
version="${1:-2.41.2}"
dir="$(cd "$(dirname "$0")/.." && pwd)/.cache/n8n-nodes-base"
mkdir -p "$dir"
cd "$dir"
npm pack --silent "n8n-nodes-base@${version}" >/dev/null
rm -rf package
tar -xzf "n8n-nodes-base-${version}.tgz" package/package.json package/dist/nodes/RespondToWebhook package/dist/utils
rm -f "n8n-nodes-base-${version}.tgz"
echo "Respond to Webhook from n8n-nodes-base ${version} unpacked in ${dir}/package"
