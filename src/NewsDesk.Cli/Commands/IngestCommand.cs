using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsDesk.Core.Search;
using NewsDesk.Ingest.Pipeline;

namespace NewsDesk.Cli.Commands;

/// <summary>
/// <c>newsdesk ingest [--db PATH] [--source NAME] [--publish] [--json] INPUT...</c>: files, directories and
/// http(s) URLs through the ingest service. Options may come before, between or after the inputs. With
/// <c>--json</c> standard output carries exactly one JSON object; logs go to standard error. Exit 0 when every
/// input was processed (rejections included), 2 on a usage error, 1 when the store is unusable.
/// </summary>
internal static partial class IngestCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Command Create(TextWriter stdout)
    {
        var source = new Option<string?>("--source")
        {
            Description = "Name of the source the items come from (default: the feed's title, the page's site, or the file name).",
            HelpName = "NAME",
        };
        var publish = new Option<bool>("--publish") { Description = "Publish what is added instead of leaving it in Incoming." };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object: {\"added\",\"updated\",\"duplicates\",\"rejected\":[{\"source\",\"reason\"}]}." };
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, directories (all files in them, recursively) and http(s) URLs of feeds or article pages.",
            Arity = ArgumentArity.OneOrMore,
        };

        inputs.Validators.Add(result =>
        {
            // An input that looks like an option is a mistyped option, not a file (a file named so can be given as ./-name).
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });

        var command = new Command("ingest", "Ingest feeds (RSS, Atom, JSON Feed), plain-text articles and web pages.");
        command.Options.Add(source);
        command.Options.Add(publish);
        command.Options.Add(json);
        command.Arguments.Add(inputs);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var name = parsed.GetValue(source);
            if (name is not null && string.IsNullOrWhiteSpace(name))
            {
                throw new UsageException("--source needs a name");
            }

            using var host = await CliHost.StartAsync(parsed.GetValue(CommonOptions.Database), cancellationToken);
            var service = host.Services.GetRequiredService<IngestService>();
            var request = new IngestRequest { SourceName = name?.Trim(), Publish = parsed.GetValue(publish) };
            var summary = await service.IngestAsync(parsed.GetValue(inputs) ?? [], request, cancellationToken);
            if (parsed.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
            }
            else
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{summary.Added} added, {summary.Updated} updated, {summary.Duplicates} duplicates, {summary.Rejected.Count} rejected"));
                foreach (var rejection in summary.Rejected)
                {
                    await stdout.WriteLineAsync($"rejected {rejection.Source}: {rejection.Reason}");
                }
            }

            if (summary.Added + summary.Updated > 0)
            {
                await CompactSearchIndexAsync(host.Services, cancellationToken);
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>A bulk import leaves the search index in parts that every search reads; compacting them now, when worth
    /// it, keeps searches fast without waiting for the web host's hourly check. The ingest itself already succeeded, so a
    /// failure here is only a warning.</summary>
    private static async Task CompactSearchIndexAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISearchIndexMaintenance>().CompactIfWorthwhileAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped (Ctrl+C) while compacting: the ingest is done, and each compaction step stands on its own.
        }
        catch (Exception ex)
        {
            LogCompactionFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestCommand)), ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting the search index failed; the web host will try again")]
    private static partial void LogCompactionFailed(ILogger logger, Exception exception);
}

/// <summary>A command line that parsed but makes no sense; exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
