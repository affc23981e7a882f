using System.Diagnostics.Metrics;

namespace NewsDesk.Reading.Caching;

/// <summary>
/// Output-cache hits and misses of public pages, as the <c>NewsDesk.Reading</c> meter (for dotnet-counters or an
/// OpenTelemetry exporter) and as totals logged when the app stops.
/// </summary>
public sealed class ReadingMetrics : IDisposable
{
    public const string MeterName = "NewsDesk.Reading";

    private readonly Meter _meter;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private long _hitTotal;
    private long _missTotal;

    public ReadingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _hits = _meter.CreateCounter<long>("newsdesk.reading.output_cache.hits", description: "Public pages served from the output cache");
        _misses = _meter.CreateCounter<long>("newsdesk.reading.output_cache.misses", description: "Public pages rendered because the cache had no entry");
    }

    public long Hits => Interlocked.Read(ref _hitTotal);

    public long Misses => Interlocked.Read(ref _missTotal);

    public void Hit()
    {
        Interlocked.Increment(ref _hitTotal);
        _hits.Add(1);
    }

    public void Miss()
    {
        Interlocked.Increment(ref _missTotal);
        _misses.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
