/**
 * Core bounds every trigger relies on (docs/development.md, "Request path"): memory retained from
 * attacker-chosen member names stays small, one nesting limit applies to every body, and member
 * names such as `__proto__` stay plain data.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { camelCacheSize, camelizeDeep } from "../../../nodes/core/convert";
import { MAX_DEPTH, parseJsonObjectBody } from "../../../nodes/core/json";
import { TencentCssTrigger } from "../../../nodes/TencentCss/TencentCssTrigger.node";
import { callWebhook } from "../../harness/webhook";

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const trigger = new TencentCssTrigger();
const send = async (body: string) => await callWebhook(trigger, { body });

describe("bounded memory", () => {
  it("retains under 8 MB after 2,000 requests with unique 20 kB member names", async () => {
    const before = heapAfterGc();
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const name = `${i.toString(36)}_${"x".repeat(20_000)}`;
      const out = await send(
        `{"event_type":1,"${name}":"v","another_${name}":1}`,
      );
      if (out.items.length === 1) accepted++;
    }
    const retained = heapAfterGc() - before;
    // Guard: the requests really went through the whole path (keyless trigger: each one accepted).
    expect(accepted).toBe(2000);
    expect(retained).toBeLessThan(8 * 1024 * 1024);
    expect(camelCacheSize()).toBeLessThanOrEqual(2000);
  }, 60_000);
});

describe("one nesting limit for every body", () => {
  const deep = (levels: number, inner: string) =>
    '{"a":'.repeat(levels) + inner + "}".repeat(levels);

  it.each([
    ["the fast path (JSON.parse)", "1"],
    ["the exact path (an id above 2^53)", "12345678901234567890"],
  ])(
    "refuses 10,000 and 100,000 levels (checked on the value, and on the text before parsing) with 400 on %s, with no item",
    async (_path, leaf) => {
      for (const levels of [10_000, 100_000]) {
        const body = `{"event_type":1,"x":${deep(levels, leaf)}}`;
        const out = await send(body);
        expect(out.response.status).toBe(400);
        expect(out.response.body).toEqual({
          error: "bad_request",
          reason: "body nests too deeply",
        });
        expect(out.items).toHaveLength(0);
        expect(out.logs.filter((l) => l.level === "error")).toHaveLength(0);
      }
    },
  );

  it("accepts the limit itself and refuses one level more, on both paths", () => {
    for (const leaf of ["1", "12345678901234567890"]) {
      expect(parseJsonObjectBody(deep(MAX_DEPTH - 1, leaf)).ok).toBe(true);
      expect(parseJsonObjectBody(deep(MAX_DEPTH + 1, leaf))).toEqual({
        ok: false,
        reason: "body nests too deeply",
      });
      // Past 64 KiB of text the depth is checked before parsing: the same limit.
      const pad = `"pad":"${" ".repeat(70_000)}",`;
      expect(
        parseJsonObjectBody(`{${pad}"x":${deep(MAX_DEPTH - 2, leaf)}}`).ok,
      ).toBe(true);
      expect(
        parseJsonObjectBody(`{${pad}"x":${deep(MAX_DEPTH, leaf)}}`),
      ).toEqual({ ok: false, reason: "body nests too deeply" });
    }
  });

  it("counts brackets inside strings as text", () => {
    const body = `{"a":"${"[".repeat(500)}","b":{"c":"${"{".repeat(500)}"}}`;
    expect(parseJsonObjectBody(body).ok).toBe(true);
  });
});

describe("member names are data", () => {
  it("keeps __proto__ and constructor as own members of raw, with plain prototypes", async () => {
    const out = await send(
      '{"event_type":1,"stream_id":"s","__proto__":{"polluted":1},"constructor":"c","to_string":2}',
    );
    expect(out.items).toHaveLength(1);
    const { data, raw } = out.items[0] as {
      data: object;
      raw: Record<string, unknown>;
    };
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(raw, "__proto__")).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(raw, "constructor")).toBe(true);
    expect(raw.constructor).toBe("c");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("camelizeDeep never replaces a prototype", () => {
    const parsed = JSON.parse(
      '{"__proto__":{"x":1},"a_b":{"__proto__":[1]}}',
    ) as object;
    const out = camelizeDeep(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["proto", "aB"]);
    expect(Object.getPrototypeOf(out.aB)).toBe(Object.prototype);
    expect((out.aB as Record<string, unknown>).proto).toEqual([1]);
  });
});
