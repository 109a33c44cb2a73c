import { describe, expect, it } from "vitest";
import { checkOrigin, safeReturnPath } from "./session.server.ts";

const origin = "http://localhost:3000";

function post(body: BodyInit, contentType: string | null) {
  const headers = new Headers({ origin });
  if (contentType) headers.set("content-type", contentType);
  return new Request(`${origin}/inloggen`, { method: "POST", headers, body });
}

/** The status of what checkOrigin throws (React Router's data()), or "doorgelaten". */
async function outcome(request: Request) {
  try {
    await checkOrigin(request);
    return "doorgelaten";
  } catch (error) {
    return (error as { init?: { status?: number } }).init?.status;
  }
}

describe("return paths after login", () => {
  it("keeps paths on our own site", () => {
    expect(safeReturnPath("/netwerken/abc?tab=leden#x")).toBe("/netwerken/abc?tab=leden#x");
  });

  it.each([
    "/\t/evil.test/x", // the browser drops the tab and goes to //evil.test
    "/\n/evil.test",
    "//evil.test",
    "/\\evil.test",
    "/\\/evil.test",
    "https://evil.test",
    "evil.test",
    "/%0d%0aSet-Cookie:x",
    "/.//evil.test/x",
    "/%2e//evil.test",
    "/a/..//evil.test",
  ])("sends %j home instead", (value) => {
    const result = safeReturnPath(value);
    expect(result.startsWith("//")).toBe(false);
    expect(new URL(result, "https://knooppunt.test").origin).toBe("https://knooppunt.test");
    if (value !== "/%0d%0aSet-Cookie:x") expect(result).toBe("/");
  });
});

describe("what reaches an action", () => {
  it("lets a normal form post through", async () => {
    expect(await outcome(post("email=a%40b.nl", "application/x-www-form-urlencoded"))).toBe(
      "doorgelaten",
    );
  });

  it("refuses multipart without a boundary with 400, not a 500 in the action", async () => {
    expect(await outcome(post("email=a", "multipart/form-data"))).toBe(400);
  });

  it("refuses a multipart body that does not parse", async () => {
    expect(await outcome(post("rommel zonder grenzen", "multipart/form-data; boundary=abc"))).toBe(
      400,
    );
  });

  it("refuses NUL bytes in form fields and in the query", async () => {
    expect(await outcome(post("name=a%00b", "application/x-www-form-urlencoded"))).toBe(400);
    const form = new FormData();
    form.set("titel", "a\0b");
    expect(
      await outcome(
        new Request(`${origin}/x`, { method: "POST", headers: { origin }, body: form }),
      ),
    ).toBe(400);
    expect(await outcome(new Request(`${origin}/netwerken?q=%00`))).toBe(400);
  });

  it("keeps NUL bytes inside uploaded files (a PDF has them)", async () => {
    const form = new FormData();
    form.set("bestand", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1])], "a.pdf"));
    expect(
      await outcome(
        new Request(`${origin}/x`, { method: "POST", headers: { origin }, body: form }),
      ),
    ).toBe("doorgelaten");
  });

  it("refuses another origin and other content types", async () => {
    const foreign = new Request(`${origin}/x`, {
      method: "POST",
      headers: { origin: "https://evil.test", "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(await outcome(foreign)).toBe(403);
    expect(await outcome(post("{}", "application/json"))).toBe(400);
  });
});
