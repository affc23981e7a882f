using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsDesk.Reading.Caching;

/// <summary>Checks the store for changes made by other processes and for stories coming due, every interval.</summary>
internal sealed partial class ContentVersionPoller(ContentVersion version, IOptions<ReadingOptions> options, TimeProvider time, ILogger<ContentVersionPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ChangeCheckInterval, time);
        var failing = false;
        do
        {
            try
            {
                await version.RefreshAsync(force: true, stoppingToken);
                failing = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy or briefly unreachable store: pages keep being served from what is cached; say so once.
                if (!failing)
                {
                    LogCheckFailed(ex.Message);
                }

                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot check the store for content changes: {Reason}")]
    private partial void LogCheckFailed(string reason);
}
