import type { Metadata } from "next";
import { PasswordForm } from "@/components/identity/password-form";
import { ProfileForm } from "@/components/identity/profile-form";
import { SignOutEverywhereForm } from "@/components/identity/sign-out-everywhere-form";
import { requirePrincipal } from "@/components/shell/session";
import { Card } from "@/components/ui/form";
import { currentUser } from "@/lib/identity/users";
import { ROLE_LABELS } from "@/lib/ui/navigation";
import { changePasswordAction, signOutEverywhereAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const principal = await requirePrincipal();
  const user = await currentUser(principal);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Profile</h1>
        <p className="mt-2 text-ink-muted">
          {ROLE_LABELS[user.role]} account <span className="font-mono text-sm">{user.id}</span>
        </p>
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <Card>
          <h2 className="text-xl font-semibold">Your details</h2>
          <ProfileForm
            action={updateProfileAction}
            user={{ name: user.name, phone: user.phone ?? "", email: user.email ?? "" }}
          />
        </Card>
        <Card>
          <h2 className="text-xl font-semibold">Change password</h2>
          <p className="mt-1 text-sm text-ink-muted">This signs you out everywhere, including here.</p>
          <PasswordForm action={changePasswordAction} />
        </Card>
        <Card>
          <h2 className="text-xl font-semibold">Sign out everywhere</h2>
          <p className="mt-1 text-sm text-ink-muted">
            Lost a phone, or signed in on a shared computer? This ends every session of your account — in every browser,
            this one included — and every app token. You can sign in again right away.
          </p>
          <SignOutEverywhereForm action={signOutEverywhereAction} />
        </Card>
      </div>
    </div>
  );
}
