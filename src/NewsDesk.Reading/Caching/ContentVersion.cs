using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Content;
using NewsDesk.Core.Data;

namespace NewsDesk.Reading.Caching;

/// <summary>What the public site shows, as one comparable token, and when it last changed.</summary>
/// <param name="Token">Changes whenever readers would see something different: a saved change (the store's
/// <see cref="ContentStamp"/>) or a scheduled story coming due. The same on every instance for the same store.</param>
public sealed record ContentState(string Token, DateTime LastModified);

/// <summary>
/// This process's view of the <see cref="ContentState"/>. Refreshed at once after this process saves a public change
/// (<see cref="ContentChangeNotifier"/>) and every <see cref="ReadingOptions.ChangeCheckInterval"/> by
/// <see cref="ContentVersionPoller"/>, so changes from other processes (the CLI, other instances) and scheduled
/// stories show up within that interval. Caches key their entries by <see cref="ContentState.Token"/>, so a stale
/// entry is never served once the new token is known, whatever the timing of evictions.
/// </summary>
public sealed class ContentVersion : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ContentChangeNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile ContentState? _current;

    // Changes this process has signalled, and how many of them the current state was read after. A flag cleared at
    // the start of a refresh would let a request arriving during that refresh take the old state as fresh.
    private long _changes = 1;
    private long _seen;

    public ContentVersion(IServiceScopeFactory scopes, ContentChangeNotifier notifier, TimeProvider time)
    {
        _scopes = scopes;
        _notifier = notifier;
        _time = time;
        _notifier.Changed += MarkDirty;
    }

    /// <summary>Raised with the previous state when the token changes (to evict what was cached under it).</summary>
    public event Action<ContentState>? Changed;

    /// <summary>The current state; reads the store first only when this process knows it changed.</summary>
    public ValueTask<ContentState> GetAsync(CancellationToken cancellationToken = default) =>
        Fresh() is { } current ? ValueTask.FromResult(current) : new ValueTask<ContentState>(RefreshAsync(force: false, cancellationToken));

    public void MarkDirty() => Interlocked.Increment(ref _changes);

    /// <summary>Reads the stamp and the newest due story: two indexed lookups.</summary>
    /// <param name="force">Read even when this process knows of no change (the poller looks for changes made elsewhere).</param>
    public async Task<ContentState> RefreshAsync(bool force = true, CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Requests that queued behind one refresh share its result.
            if (!force && Fresh() is { } fresh)
            {
                return fresh;
            }

            // Taken before reading: a change signalled while we read leaves the state stale, to be read again.
            var changes = Interlocked.Read(ref _changes);
            var next = await ReadAsync(cancellationToken);
            var previous = _current;
            _current = next;
            Interlocked.Exchange(ref _seen, changes);
            if (previous is not null && previous.Token != next.Token)
            {
                Changed?.Invoke(previous);
            }

            return next;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The current state, if it was read after the last change this process signalled.</summary>
    private ContentState? Fresh() => Interlocked.Read(ref _seen) == Interlocked.Read(ref _changes) ? _current : null;

    private async Task<ContentState> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var stamp = await db.ContentStamps.AsNoTracking()
            .Where(s => s.Id == ContentStamp.SingletonId)
            .Select(s => new { s.Token, s.ChangedAt })
            .SingleOrDefaultAsync(cancellationToken);
        var lastDue = await db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .MaxAsync(a => a.PublishedAt, cancellationToken);
        var token = string.Create(CultureInfo.InvariantCulture, $"{stamp?.Token ?? 0:x}.{lastDue?.Ticks ?? 0:x}");
        var changed = stamp?.ChangedAt ?? DateTime.UnixEpoch;
        var lastModified = lastDue is { } due && due > changed ? due : changed;
        return new ContentState(token, lastModified > now ? now : lastModified);
    }

    public void Dispose()
    {
        _notifier.Changed -= MarkDirty;
        _refresh.Dispose();
    }
}
