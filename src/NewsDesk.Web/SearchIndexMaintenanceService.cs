using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Search;

namespace NewsDesk.Web;

/// <summary>
/// Every <c>NewsDesk:SearchMaintenanceInterval</c> (default an hour) compacts the search index if it has grown split
/// (<see cref="ISearchIndexMaintenance"/>). The first check waits one interval, so a starting instance serves its first
/// readers before this competes with them; instances sharing a store may each run it, which is harmless.
/// </summary>
internal sealed partial class SearchIndexMaintenanceService(
    IServiceScopeFactory scopes, IOptions<NewsDeskOptions> options, TimeProvider time, ILogger<SearchIndexMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SearchMaintenanceInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISearchIndexMaintenance>().CompactIfWorthwhileAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A step that could not get the write lock in time, a full disk: the index is still whole (each step is
                // its own transaction); the next interval tries again.
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting the search index failed; it will be tried again")]
    private partial void LogFailed(Exception exception);
}
