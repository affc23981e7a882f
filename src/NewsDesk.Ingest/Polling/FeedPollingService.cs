using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsDesk.Ingest.Polling;

/// <summary>Runs <see cref="FeedPoller"/> every <c>Ingest:Polling:IntervalSeconds</c> while <c>Ingest:Polling:Enabled</c>.</summary>
public sealed partial class FeedPollingService(FeedPoller poller, IOptions<IngestPollingOptions> options, TimeProvider time, ILogger<FeedPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.IntervalSeconds), time);
        // The first poll waits one interval: a starting instance serves its first readers before background work competes.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await poller.PollDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be briefly unavailable; the next tick tries again.
                LogCycleFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed polling is off (Ingest:Polling:Enabled)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "A feed polling cycle failed")]
    private partial void LogCycleFailed(Exception exception);
}
