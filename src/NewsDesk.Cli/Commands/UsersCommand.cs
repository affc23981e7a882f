using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Users;

namespace NewsDesk.Cli.Commands;

/// <summary><c>newsdesk users add --role editor EMAIL</c>: creates a desk account; the password is read from standard input.</summary>
internal static class UsersCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var role = new Option<string>("--role")
        {
            Description = $"The account's role: {string.Join(" or ", Roles.All).ToLowerInvariant()} (any case).",
            Required = true,
            HelpName = "ROLE",
        };
        var email = new Argument<string>("EMAIL") { Description = "The user's email; it is also their sign-in name." };
        var add = new Command("add", "Add a desk user. The password is the first line of standard input (at least 12 characters).") { role, email };
        add.SetAction(async (parsed, cancellationToken) =>
        {
            if (!UserAccounts.TryParseRole(parsed.GetValue(role), out var roleName))
            {
                await stderr.WriteLineAsync($"newsdesk: unknown role '{parsed.GetValue(role)}'; use {string.Join(" or ", Roles.All).ToLowerInvariant()}.");
                return CliApp.Usage;
            }

            var address = parsed.GetValue(email)!.Trim();
            if (!UserAccounts.LooksLikeEmail(address))
            {
                await stderr.WriteLineAsync($"newsdesk: '{address}' is not an email address.");
                return CliApp.Usage;
            }

            var password = await ReadPasswordAsync(stdin, stderr, cancellationToken);
            if (string.IsNullOrEmpty(password))
            {
                await stderr.WriteLineAsync("newsdesk: no password on standard input (for example: echo \"$PASSWORD\" | newsdesk users add --role editor EMAIL).");
                return CliApp.Usage;
            }

            using var host = await CliHost.StartAsync(parsed.GetValue(CommonOptions.Database), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var created = await accounts.CreateAsync(address, password, roleName, Actor.System("cli"), cancellationToken);
            if (!created.Succeeded)
            {
                await stderr.WriteLineAsync($"newsdesk: {created.ErrorLine}");
                return CliApp.Usage;
            }

            await stdout.WriteLineAsync($"Added {address} as {roleName}.");
            return CliApp.Ok;
        });

        var users = new Command("users", "Manage desk accounts.");
        users.Subcommands.Add(add);
        return users;
    }

    /// <summary>The first line of standard input; typed without echo when standard input is a terminal.</summary>
    private static async Task<string?> ReadPasswordAsync(TextReader stdin, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(stdin, Console.In) && !Console.IsInputRedirected)
        {
            await stderr.WriteAsync("Password: ");
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                {
                    typed.Length--;
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }

            await stderr.WriteLineAsync();
            return typed.ToString();
        }

        var line = await stdin.ReadLineAsync(cancellationToken);
        return line?.TrimEnd('\r');
    }
}
