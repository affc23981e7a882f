using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Users;

/// <summary>The outcome of an account change: errors are sentences fit to show.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, NewsDeskUser? User = null)
{
    public static AccountResult Ok(NewsDeskUser? user = null) => new(true, [], user);

    public static AccountResult Fail(params string[] errors) => new(false, errors);

    public static AccountResult Fail(IdentityResult result) => new(false, [.. result.Errors.Select(e => e.Description)]);

    public string ErrorLine => string.Join(" ", Errors);
}

/// <summary>
/// Desk accounts: create with a role, change role, disable, reset a password, and the first admin. One user has one
/// role, Editor or Admin (an admin is also an editor). The last enabled admin cannot be demoted or disabled.
/// </summary>
public sealed class UserAccounts(UserManager<NewsDeskUser> users, RoleManager<IdentityRole> roles, NewsDeskDbContext db, TimeProvider time)
{
    /// <summary>"editor", "ADMIN" → the role's canonical name.</summary>
    public static bool TryParseRole(string? name, out string role)
    {
        role = Roles.All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return role.Length > 0;
    }

    /// <summary>Creates the roles that are missing, before a role is assigned; one read when none is.</summary>
    public async Task EnsureRolesAsync()
    {
        var normalized = Roles.All.Select(roles.NormalizeKey).ToList();
        var existing = await db.Roles.AsNoTracking().Where(r => normalized.Contains(r.NormalizedName)).Select(r => r.NormalizedName).ToListAsync();
        foreach (var role in Roles.All.Where(r => !existing.Contains(roles.NormalizeKey(r))))
        {
            var created = await roles.CreateAsync(new IdentityRole(role));
            // Another instance starting at the same moment may have created it.
            if (!created.Succeeded && !await roles.RoleExistsAsync(role))
            {
                throw new InvalidOperationException($"Cannot create the role {role}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
        }
    }

    /// <summary>Whether any user holds the admin role (asked of the store; no user is loaded).</summary>
    public Task<bool> AnyAdminAsync()
    {
        var admin = roles.NormalizeKey(Roles.Admin);
        return db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == admin));
    }

    public async Task<AccountResult> CreateAsync(string email, string password, string role, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!TryParseRole(role, out role))
        {
            return AccountResult.Fail($"Unknown role; use {string.Join(" or ", Roles.All)}.");
        }

        email = (email ?? "").Trim();
        if (!LooksLikeEmail(email))
        {
            return AccountResult.Fail($"'{email}' is not an email address.");
        }

        await EnsureRolesAsync();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountResult.Fail($"A user with the email {email} already exists.");
        }

        var user = new NewsDeskUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = Now };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            return AccountResult.Fail(created);
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return AccountResult.Fail(added);
        }

        await AuditAsync(actor, "user.create", user, $"{email} as {role}", cancellationToken);
        return AccountResult.Ok(user);
    }

    /// <summary>
    /// Makes sure <paramref name="email"/> exists and is an admin: created with <paramref name="password"/> when missing,
    /// promoted when it exists (its password is never reset). A refused password or email throws <see cref="AccountSetupException"/>.
    /// </summary>
    public async Task EnsureAdminAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var actor = Actor.System("startup");
        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            var created = await CreateAsync(email, password, Roles.Admin, actor, cancellationToken);
            if (!created.Succeeded && await users.FindByEmailAsync(email.Trim()) is null)
            {
                throw new AccountSetupException($"NEWSDESK_ADMIN_EMAIL/NEWSDESK_ADMIN_PASSWORD refused: {created.ErrorLine}");
            }

            return;
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await SetRoleAsync(user.Id, Roles.Admin, actor, cancellationToken);
        }
    }

    public async Task<AccountResult> SetRoleAsync(string userId, string role, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!TryParseRole(role, out role))
        {
            return AccountResult.Fail($"Unknown role; use {string.Join(" or ", Roles.All)}.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("No such user.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return AccountResult.Ok(user);
        }

        if (current.Contains(Roles.Admin) && role != Roles.Admin && await IsLastEnabledAdminAsync(user))
        {
            return AccountResult.Fail("This is the last enabled admin; make someone else an admin first.");
        }

        await EnsureRolesAsync();
        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        if (!added.Succeeded)
        {
            return AccountResult.Fail(added);
        }

        // A role change takes effect at once: the user's cookie carries the old roles until it is re-validated.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, "user.role", user, $"{user.Email}: {string.Join(",", current)} → {role}", cancellationToken);
        return AccountResult.Ok(user);
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("No such user.");
        }

        if (disabled && user.Id == actor.UserId)
        {
            return AccountResult.Fail("You cannot disable your own account.");
        }

        if (disabled && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastEnabledAdminAsync(user))
        {
            return AccountResult.Fail("This is the last enabled admin; make someone else an admin first.");
        }

        user.DisabledAt = disabled ? user.DisabledAt ?? Now : null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AccountResult.Fail(updated);
        }

        // Ends every session the user has: each request re-checks the security stamp.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, disabled ? "user.disable" : "user.enable", user, user.Email, cancellationToken);
        return AccountResult.Ok(user);
    }

    public async Task<AccountResult> ResetPasswordAsync(string userId, string password, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("No such user.");
        }

        // Check first, so a refused password never leaves the account without one.
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password ?? "");
            if (!valid.Succeeded)
            {
                return AccountResult.Fail(valid);
            }
        }

        var removed = await users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password!) : removed;
        if (!added.Succeeded)
        {
            return AccountResult.Fail(added);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(actor, "user.password.reset", user, user.Email, cancellationToken);
        return AccountResult.Ok(user);
    }

    public static bool LooksLikeEmail(string email) =>
        email.Length is > 2 and <= 256 && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<bool> IsLastEnabledAdminAsync(NewsDeskUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && a.DisabledAt is null);
    }

    private async Task AuditAsync(Actor actor, string action, NewsDeskUser user, string? summary, CancellationToken cancellationToken)
    {
        db.Record(actor, Now, action, "user", user.Id, summary);
        await db.SaveChangesAsync(cancellationToken);
    }
}
