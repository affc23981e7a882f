using Microsoft.AspNetCore.Identity;

namespace NewsDesk.Core.Users;

/// <summary>Password and lockout rules, the same for the web host and the CLI.</summary>
public static class IdentityPolicy
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Length over composition rules (NIST SP 800-63B, OWASP ASVS 2.1): at least 12 characters, any characters.</summary>
    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters += "+";
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.SignIn.RequireConfirmedAccount = false;
    }
}
