using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading;

/// <summary>
/// Runs the front page's queries once in the background (compiling them and filling the caches), so that the first
/// reader does not pay for it. The web host begins it as soon as the store is prepared, while the request pipeline is
/// still being built; <see cref="ReadingStartup"/> begins it otherwise. Warming is an optimisation: if it fails, the
/// first requests do the same work.
/// </summary>
public sealed partial class ReadingWarmup(IServiceScopeFactory scopes, ILogger<ReadingWarmup> logger)
{
    private readonly Lock _gate = new();
    private Task? _warming;

    /// <summary>Starts warming unless it has started; never throws.</summary>
    public Task Begin()
    {
        lock (_gate)
        {
            return _warming ??= Task.Run(WarmAsync, CancellationToken.None);
        }
    }

    private async Task WarmAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<ContentVersion>().RefreshAsync();
            await services.GetRequiredService<ReadingTaxonomy>().GetAsync();
            await services.GetRequiredService<FrontPage>().GetAsync();
        }
        catch (ObjectDisposedException)
        {
            // The host stopped (or failed to start) while warming: nothing to warm for.
        }
        catch (Exception ex)
        {
            LogWarmFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the reading view's caches failed: {Reason}")]
    private partial void LogWarmFailed(string reason);
}
