/** The four roles; ids and prefixes are fixed by the spec and shipped in the first migration. */
export const ROLES = {
  ADMIN: { id: 1, prefix: "ADM" },
  MECHANIC: { id: 2, prefix: "MEC" },
  CUSTOMER: { id: 3, prefix: "CST" },
  EMPLOYEE: { id: 4, prefix: "EMP" },
} as const;

export type RoleName = keyof typeof ROLES;

export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

/** A public user id of any role: its prefix and six digits (CST000001). */
export const PUBLIC_ID_PATTERN = new RegExp(`^(${ROLE_NAMES.map((name) => ROLES[name].prefix).join("|")})\\d{6}$`);

export function roleNameById(roleId: number): RoleName | undefined {
  return ROLE_NAMES.find((name) => ROLES[name].id === roleId);
}

