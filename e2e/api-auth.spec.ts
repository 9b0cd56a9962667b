import { expect, test } from "@playwright/test";

/** The spec's curl sequence against the running server (real routing, cookies and trailing slashes). */
test.describe("identity API on the running server", () => {
  test("register → login → protected → refresh → logout → reuse", async ({ request }) => {
    const stamp = Date.now();
    const phone = `+1${String(stamp).slice(-10)}`;
    const registered = await request.post("/api/v1/customers/", {
      data: { name: "Curl Sequence", phone, email: `curl-${stamp}@example.test`, password: "curl-sequence-pw", role: "ADMIN" },
      maxRedirects: 0,
    });
    expect(registered.status()).toBe(201);
    expect(await registered.json()).toMatchObject({ role: "CUSTOMER", credits: 50 });

    const login = await request.post("/api/v1/auth/login", { form: { username: phone, password: "curl-sequence-pw" } });
    expect(login.status()).toBe(200);
    const setCookie = login.headers()["set-cookie"] ?? "";
    expect(setCookie).toMatch(/refresh_token=.+HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const { access_token: accessToken } = (await login.json()) as { access_token: string };

    const me = await request.get("/api/v1/users/me", { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(me.status()).toBe(200);

    const refreshed = await request.post("/api/v1/auth/refresh");
    expect(refreshed.status()).toBe(200);
    const { access_token: newToken } = (await refreshed.json()) as { access_token: string };

    const logout = await request.post("/api/v1/auth/logout", { headers: { Authorization: `Bearer ${newToken}` } });
    expect(await logout.json()).toEqual({ message: "Successfully logged out" });

    const reuse = await request.get("/api/v1/users/me", { headers: { Authorization: `Bearer ${newToken}` } });
    expect(reuse.status()).toBe(403);
    expect(await reuse.json()).toEqual({ detail: "Token has been revoked." });
  });

  test("the demo admin can read the permission matrix; a demo resident cannot", async ({ request }) => {
    const tokenFor = async (username: string) => {
      const response = await request.post("/api/v1/auth/login", { form: { username, password: "wheelhouse-demo" } });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { access_token: string }).access_token;
    };
    const admin = await request.get("/api/v1/rbac/roles", { headers: { Authorization: `Bearer ${await tokenFor("admin@wheelhouse.local")}` } });
    expect(admin.status()).toBe(200);
    const resident = await request.get("/api/v1/rbac/roles", {
      headers: { Authorization: `Bearer ${await tokenFor("resident@wheelhouse.local")}` },
    });
    expect(resident.status()).toBe(403);
    expect(await resident.json()).toEqual({ detail: "Insufficient permissions." });
  });
});
