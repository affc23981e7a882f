using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsDesk.Core.Data;
using NewsDesk.Core.Search;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading;

/// <summary>
/// At start (after the store is migrated): puts back the search triggers if a migration dropped them, then, in the
/// background so it never holds up the first request, warms the caches and the queries of the front page. (Author
/// keys of older stories are filled by the migration that added them, <see cref="NewsDeskDatabase.MigrateAsync"/>.)
/// </summary>
internal sealed partial class ReadingStartup(IServiceScopeFactory scopes, ReadingMetrics metrics, ILogger<ReadingStartup> logger) : IHostedService
{
    private Task? _warming;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (await SqliteSearchSchema.EnsureAsync(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>(), cancellationToken))
            {
                LogSearchRepaired();
            }
        }

        _warming = Task.Run(WarmAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LogCacheTotals(metrics.Hits, metrics.Misses);
        await (_warming?.WaitAsync(cancellationToken) ?? Task.CompletedTask);
    }

    private async Task WarmAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<ContentVersion>().RefreshAsync();
            await services.GetRequiredService<ReadingTaxonomy>().GetAsync();
            var stories = services.GetRequiredService<StoryQueries>();
            await stories.LatestAsync(1, 20, null, null, CancellationToken.None);
            await stories.PinnedAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Warming is an optimisation: the first requests do the same work if it fails.
            LogWarmFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index's triggers were missing (a migration rebuilt the Articles table); restored them and rebuilt the index")]
    private partial void LogSearchRepaired();

    [LoggerMessage(Level = LogLevel.Information, Message = "Output cache of public pages since start: {Hits} hits, {Misses} misses")]
    private partial void LogCacheTotals(long hits, long misses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the reading view's caches failed: {Reason}")]
    private partial void LogWarmFailed(string reason);
}
