using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsDesk.Reading.Caching;

namespace NewsDesk.Reading;

/// <summary>
/// Begins warming the front page's queries if the host has not (<see cref="ReadingWarmup"/>), and at shutdown reports
/// the output cache's totals.
/// </summary>
internal sealed partial class ReadingStartup(ReadingWarmup warmup, ReadingMetrics metrics, ILogger<ReadingStartup> logger) : IHostedService
{
    private Task? _warming;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warming = warmup.Begin();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LogCacheTotals(metrics.Hits, metrics.Misses);
        await (_warming?.WaitAsync(cancellationToken) ?? Task.CompletedTask);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Output cache of public pages since start: {Hits} hits, {Misses} misses")]
    private partial void LogCacheTotals(long hits, long misses);
}
