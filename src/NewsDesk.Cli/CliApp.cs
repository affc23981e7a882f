using System.CommandLine;
using NewsDesk.Cli.Commands;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Cli;

/// <summary>
/// The <c>newsdesk</c> command line. Results go to standard output, logs and errors to standard error.
/// Exit codes: 0 done, 1 fatal (store unreachable, a bad setting, unexpected failure), 2 usage error or bad input named on the command line.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Fatal = 1;
    public const int Usage = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) => RunAsync(args, Console.In, stdout, stderr);

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("NewsDesk: regional security newsroom. Reads the same configuration as the web app (appsettings.json, environment variables).");
        root.Options.Add(CommonOptions.Database);
        root.Subcommands.Add(MigrateCommand.Create(stdout));
        root.Subcommands.Add(TagCommand.Create(stdout, stderr));
        root.Subcommands.Add(IngestCommand.Create(stdout));
        root.Subcommands.Add(UsersCommand.Create(stdin, stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"newsdesk: {error.Message}");
            }

            await stderr.WriteLineAsync("Try 'newsdesk --help'.");
            return Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"newsdesk: {ex.Message}");
            return Usage;
        }
        catch (StoreUnavailableException ex)
        {
            await stderr.WriteLineAsync($"newsdesk: {ex.Message}");
            return Fatal;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await stderr.WriteLineAsync($"newsdesk: invalid configuration: {string.Join(" ", ex.Failures)}");
            return Fatal;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("newsdesk: cancelled");
            return Fatal;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Never a stack trace for the user: one line, and the exit code says it failed.
            await stderr.WriteLineAsync($"newsdesk: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            return Fatal;
        }
#pragma warning disable CA1031 // The last line of defence: whatever escaped is reported in one line, never as a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"newsdesk: unexpected {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            return Fatal;
        }
    }
}
