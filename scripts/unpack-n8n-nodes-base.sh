#!/usr/bin/env bash
# Unpacks n8n's Respond to Webhook node from the published n8n-nodes-base package into
# .cache/n8n-nodes-base/package (once; `npm test` calls this), for the test in test/unit/tencent-livekit/beforeCallbacks.test.ts.
# n8n-nodes-base is not a dependency of this project (it is large); only the files the node needs
# are extracted, and they resolve their own imports (n8n-workflow, lodash, jsonwebtoken, @n8n/utils)
# from this project's node_modules. The version is the one the pinned n8n ships (scripts/n8n-version.json),
# so the unit test and the e2e run the same Respond to Webhook node.
# Why not a devDependency: n8n-nodes-base brings every integration's dependencies. Measured here:
# node_modules 451 MB -> 1.3 GB and `npm ci` 242 s -> over 847 s, for two folders of one package.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${1:-$(node -p "require('${root}/scripts/n8n-version.json').n8n")}"
dir="${root}/.cache/n8n-nodes-base"
if [ -f "$dir/package/dist/nodes/RespondToWebhook/RespondToWebhook.node.js" ] && grep -q "\"version\": \"${version}\"" "$dir/package/package.json"; then
  exit 0
fi
mkdir -p "$dir"
cd "$dir"
npm pack --silent "n8n-nodes-base@${version}" >/dev/null
rm -rf package
tar -xzf "n8n-nodes-base-${version}.tgz" package/package.json package/dist/nodes/RespondToWebhook package/dist/utils
rm -f "n8n-nodes-base-${version}.tgz"
echo "Respond to Webhook from n8n-nodes-base ${version} unpacked in ${dir}/package"
