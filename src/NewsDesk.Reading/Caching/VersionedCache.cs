using Microsoft.Extensions.DependencyInjection;

namespace NewsDesk.Reading.Caching;

/// <summary>
/// One value computed from the store, kept until the <see cref="ContentState"/> changes or it is older than
/// <paramref name="maxAge"/>. Concurrent callers share one computation.
/// </summary>
internal sealed class VersionedCache<T>(ContentVersion version, IServiceScopeFactory scopes, TimeProvider time, TimeSpan maxAge, Func<IServiceProvider, CancellationToken, Task<T>> load)
{
    private readonly Lock _gate = new();
    private Entry? _entry;

    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await version.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        Task<T> task;
        lock (_gate)
        {
            if (_entry is { } entry && entry.Token == state.Token && now - entry.At < maxAge && !entry.Value.IsFaulted && !entry.Value.IsCanceled)
            {
                task = entry.Value;
            }
            else
            {
                task = LoadAsync();
                _entry = new Entry(state.Token, now, task);
            }
        }

        return await task.WaitAsync(cancellationToken);
    }

    private async Task<T> LoadAsync()
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        return await load(scope.ServiceProvider, CancellationToken.None);
    }

    private sealed record Entry(string Token, DateTimeOffset At, Task<T> Value);
}
