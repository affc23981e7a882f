using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Data;
using NewsDesk.Core.Sources;
using NewsDesk.Ingest.Pipeline;

namespace NewsDesk.Ingest.Polling;

/// <summary>
/// Polls due feed sources. Safe with several app instances on one database: a source is claimed with a
/// conditional UPDATE that sets a lease (owner and expiry), so only one instance polls it; a claim left by a
/// crashed instance expires and is taken over. Failing sources back off exponentially.
/// </summary>
public sealed partial class FeedPoller(
    IServiceScopeFactory scopes,
    IngestService ingest,
    IOptions<IngestPollingOptions> options,
    TimeProvider time,
    ILogger<FeedPoller> logger)
{
    // Unique per poller, so two instances in one process (or one host) never share a lease.
    private readonly string _owner = Shorten($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 200);

    /// <summary>Claims and polls the sources due now; returns how many were polled.</summary>
    public async Task<int> PollDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var polled = 0;
        foreach (var id in await DueAsync(settings.MaxSourcesPerCycle, cancellationToken))
        {
            var source = await ClaimAsync(id, TimeSpan.FromMinutes(settings.LeaseMinutes), cancellationToken);
            if (source is null)
            {
                continue;
            }

            IngestService.PollOutcome outcome;
            try
            {
                outcome = await ingest.PollAsync(source, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store itself failed; release the claim so the source is retried after its back-off.
                outcome = new IngestService.PollOutcome(false, "failed", Feeds.FeedParser.OneLine(ex.Message), null, null);
                LogPollCrashed(source.Name, ex);
            }

            await ReleaseAsync(source, outcome, settings, cancellationToken);
            polled++;
        }

        return polled;
    }

    private async Task<List<int>> DueAsync(int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Sources.AsNoTracking()
            .Where(s => s.Enabled && s.Kind == SourceKind.Feed && s.Url != null
                && (s.NextPollAt == null || s.NextPollAt <= now)
                && (s.LeaseExpiresAt == null || s.LeaseExpiresAt < now))
            .OrderBy(s => s.NextPollAt)
            .Select(s => s.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    private async Task<Source?> ClaimAsync(int id, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + lease;
        // One statement: of several instances racing here, exactly one sees a row updated.
        var claimed = await db.Sources
            .Where(s => s.Id == id && s.Enabled
                && (s.NextPollAt == null || s.NextPollAt <= now)
                && (s.LeaseExpiresAt == null || s.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, _owner).SetProperty(x => x.LeaseExpiresAt, until), cancellationToken);
        return claimed == 1 ? await db.Sources.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken) : null;
    }

    private async Task ReleaseAsync(Source source, IngestService.PollOutcome outcome, IngestPollingOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var failures = outcome.Succeeded ? 0 : source.ConsecutiveFailures + 1;
        var interval = source.PollInterval > TimeSpan.Zero ? source.PollInterval : TimeSpan.FromMinutes(30);
        var delay = failures == 0
            ? interval
            : TimeSpan.FromTicks(Math.Min(interval.Ticks * (1L << Math.Min(failures, 16)), TimeSpan.FromHours(settings.MaxBackoffHours).Ticks));
        var next = now + delay;
        var status = Shorten(outcome.Succeeded ? outcome.Status : "failed: " + outcome.Error, 300);
        var error = outcome.Succeeded ? null : Shorten(outcome.Error ?? "failed", 2000);
        var etag = outcome.Succeeded ? outcome.ETag ?? source.ETag : source.ETag;
        var lastModified = outcome.Succeeded ? outcome.LastModified ?? source.LastModified : source.LastModified;
        // Only the lease holder writes: a poll that outlived its lease (and was taken over) changes nothing.
        await db.Sources.Where(s => s.Id == source.Id && s.LeaseOwner == _owner).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.LastPolledAt, now)
                .SetProperty(x => x.NextPollAt, next)
                .SetProperty(x => x.LastStatus, status)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.ConsecutiveFailures, failures)
                .SetProperty(x => x.ETag, etag != null && etag.Length <= 300 ? etag : null)
                .SetProperty(x => x.LastModified, lastModified != null && lastModified.Length <= 100 ? lastModified : null)
                .SetProperty(x => x.LeaseOwner, (string?)null)
                .SetProperty(x => x.LeaseExpiresAt, (DateTime?)null),
            cancellationToken);
        if (outcome.Succeeded)
        {
            LogPolled(source.Name, status);
        }
        else
        {
            LogPollFailed(source.Name, error!, failures, next);
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {Source}: {Status}")]
    private partial void LogPolled(string source, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Source} failed ({Error}); {Failures} in a row, next try at {Next:u}")]
    private partial void LogPollFailed(string source, string error, int failures, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling {Source} failed in the store")]
    private partial void LogPollCrashed(string source, Exception exception);
}
