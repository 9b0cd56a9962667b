/** The identity forms' fields (client-safe): a 422 on one of them is shown next to it. */
export const PROFILE_FIELDS = ["name", "phone", "email"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
export type PasswordField = (typeof PASSWORD_FIELDS)[number];

export const REGISTER_FIELDS = ["name", "phone", "email", "password"] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export const NEW_USER_FIELDS = ["role", "name", "phone", "email", "password"] as const;
export type NewUserField = (typeof NEW_USER_FIELDS)[number];
