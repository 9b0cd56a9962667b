import type { RoleName } from "../identity/roles";

export const DEMO_PASSWORD = "wheelhouse-demo";

export interface DemoAccount {
  email: string;
  name: string;
  phone: string;
  role: RoleName;
}

/** The accounts the demo seed creates; the start banner lists them too. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@wheelhouse.local", name: "Ada Admin", phone: "+15550000001", role: "ADMIN" },
  { email: "employee@wheelhouse.local", name: "Emil Employee", phone: "+15550000002", role: "EMPLOYEE" },
  { email: "mechanic@wheelhouse.local", name: "Mia Mechanic", phone: "+15550000003", role: "MECHANIC" },
  { email: "resident@wheelhouse.local", name: "Rosa Resident", phone: "+15550000004", role: "CUSTOMER" },
  { email: "resident2@wheelhouse.local", name: "Ravi Resident", phone: "+15550000005", role: "CUSTOMER" },
];
