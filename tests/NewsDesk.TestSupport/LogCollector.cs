using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace NewsDesk.TestSupport;

/// <summary>Keeps the app's log events so tests can assert on warnings and fail on errors.</summary>
public sealed class LogCollector : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public IEnumerable<string> Messages(LogEventLevel atLeast) =>
        _events.Where(e => e.Level >= atLeast).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlyList<string> Errors => [.. Messages(LogEventLevel.Error)];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
