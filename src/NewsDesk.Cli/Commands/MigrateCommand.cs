using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Cli.Commands;

/// <summary><c>newsdesk migrate [--db PATH]</c>: creates the store if missing and applies pending migrations.</summary>
internal static class MigrateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("migrate", "Create the database if missing and apply pending migrations.");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parsed.GetValue(CommonOptions.Database), cancellationToken);
            var paths = host.Services.GetRequiredService<NewsDeskPaths>();
            await stdout.WriteLineAsync($"Database {paths.DatabaseFile ?? "(in memory)"} is up to date.");
            return CliApp.Ok;
        });
        return command;
    }
}
