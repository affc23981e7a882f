using NewsDesk.Core.Users;

namespace NewsDesk.Web.Accounts;

/// <summary>
/// At start, after the store is migrated (<see cref="StorePreparation"/>): when <c>NEWSDESK_ADMIN_EMAIL</c> and
/// <c>NEWSDESK_ADMIN_PASSWORD</c> are set, makes sure this user exists and is an admin (never resetting an existing
/// password); otherwise warns when no admin exists. A refused email or password stops the start with
/// <see cref="AccountSetupException"/>.
/// </summary>
internal sealed partial class AccountBootstrap(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AccountBootstrap> logger)
{
    public const string EmailVariable = "NEWSDESK_ADMIN_EMAIL";
    public const string PasswordVariable = "NEWSDESK_ADMIN_PASSWORD";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The roles are created with the first account (UserAccounts.CreateAsync), not here: a start reads no more than it needs.
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var email = configuration[EmailVariable];
        var password = configuration[PasswordVariable];
        if (string.IsNullOrWhiteSpace(email) != string.IsNullOrEmpty(password))
        {
            throw new AccountSetupException($"Set both {EmailVariable} and {PasswordVariable}, or neither.");
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            await accounts.EnsureAdminAsync(email, password!, cancellationToken);
        }
        else if (!await accounts.AnyAdminAsync())
        {
            LogSetupOpen();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin account exists: open /setup to create the first one (or set NEWSDESK_ADMIN_EMAIL and NEWSDESK_ADMIN_PASSWORD)")]
    private partial void LogSetupOpen();
}
